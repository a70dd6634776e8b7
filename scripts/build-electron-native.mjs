/**
 * `npm run rebuild:electron`: builds better-sqlite3 for Electron's ABI into native/electron/,
 * leaving node_modules' copy built for Node. The desktop app loads this one through
 * better-sqlite3's `nativeBinding` option, so `npm test` (Node) and `npm start` (Electron) never
 * flip-flop the same .node file between two NODE_MODULE_VERSIONs.
 */
import { cpSync, mkdirSync, mkdtempSync, copyFileSync, writeFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { rebuild } from '@electron/rebuild'

const require = createRequire(import.meta.url)
const electronVersion = require('electron/package.json').version
const work = mkdtempSync(join(tmpdir(), 'frontdesk-native-'))
try {
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'native-build', version: '1.0.0', dependencies: { 'better-sqlite3': '*' } }))
  cpSync(resolve('node_modules/better-sqlite3'), join(work, 'node_modules/better-sqlite3'), { recursive: true })
  for (const dep of ['bindings', 'file-uri-to-path']) {
    cpSync(resolve('node_modules', dep), join(work, 'node_modules', dep), { recursive: true })
  }
  console.log(`building better-sqlite3 for Electron ${electronVersion}…`)
  await rebuild({ buildPath: work, electronVersion, onlyModules: ['better-sqlite3'], force: true })
  mkdirSync('native/electron', { recursive: true })
  copyFileSync(join(work, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'), 'native/electron/better_sqlite3.node')
  console.log('wrote native/electron/better_sqlite3.node')
} finally {
  rmSync(work, { recursive: true, force: true })
}
