/**
 * Browser mode: `npm run start:web`. The same handlers as the desktop app, served on 127.0.0.1
 * with the built renderer, for machines without the Electron binary and for the end-to-end tests.
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import pkg from '../../package.json'
import { TestClock } from './core/clock'
import { resolveDataDir } from './core/create'
import { startCore } from './startup'
import { startWebServer } from './http/server'
import { defaultUserDataDir } from './paths'

function flag(name: string): string | undefined {
  const args = process.argv.slice(2)
  const i = args.indexOf(`--${name}`)
  if (i >= 0) return args[i + 1]
  return args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3)
}

async function main(): Promise<void> {
  const dataDir = resolveDataDir(process.argv.slice(2), process.env, defaultUserDataDir())
  const clockAt = flag('clock') ?? process.env.FRONTDESK_CLOCK
  const { core, stop: stopCore } = await startCore({
    dataDir,
    appVersion: pkg.version,
    backups: !process.argv.includes('--no-backup'),
    ...(clockAt ? { clock: new TestClock(new Date(clockAt)) } : {})
  })
  const candidates = [resolve(import.meta.dirname, '../renderer'), resolve('out/renderer')]
  const staticDir = candidates.find((d) => existsSync(resolve(d, 'index.html')))
  if (!staticDir) console.warn('The renderer is not built yet: run `npm run build` first.')
  const port = Number(flag('port') ?? process.env.FRONTDESK_PORT ?? 5317)
  const web = await startWebServer(core, { port, ...(staticDir ? { staticDir } : {}) })
  console.log(`Front Desk (browser mode) is running at ${web.url}`)
  console.log(`Data: ${core.dbFile}`)
  console.log(`LISTENING ${web.port}`)
  const stop = (): void => {
    void Promise.all([web.close(), stopCore()]).then(() => {
      core.db.close()
      process.exit(0)
    })
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
