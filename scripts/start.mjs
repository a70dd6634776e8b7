/**
 * `npm start`: builds the app, then starts the desktop app where the Electron binary exists,
 * and the browser mode (http://127.0.0.1:5317) where it does not.
 */
import { spawnSync, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { electronBinary } from './electron-binary.mjs'

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}

run('npx', ['electron-vite', 'build'])
const binary = electronBinary()
const extra = process.argv.slice(2)
if (binary) {
  if (!existsSync('native/electron/better_sqlite3.node')) run(process.execPath, ['scripts/build-electron-native.mjs'])
  spawn(binary, ['.', ...extra], { stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 0))
} else {
  console.log('The Electron binary is not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD): starting the browser mode.')
  console.log('Open the address below in Chromium, Chrome or Edge on this PC.')
  spawn(process.execPath, ['out/main/web.js', ...extra], { stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 0))
}
