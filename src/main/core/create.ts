import { join } from 'node:path'
import { openDatabase, type OpenOptions } from '../db/open'
import { systemClock, type Clock } from './clock'
import type { Core, DesktopServices } from './context'
import { ChangeFeed } from './changes'
import { DocumentStore } from './documents'
import { SessionStore } from './sessions'
import { LanHost } from '../lan/host'

export const DB_FILE_NAME = 'frontdesk.sqlite3'

export interface CoreOptions extends OpenOptions {
  dataDir: string
  clock?: Clock
  desktop?: DesktopServices
  appVersion?: string
  /** A workstation keeps no data: its handle is in memory and unused but for local calls. */
  inMemory?: boolean
}

export function createCore(options: CoreOptions): Core {
  const dbFile = join(options.dataDir, DB_FILE_NAME)
  const db = openDatabase(options.inMemory ? ':memory:' : dbFile, options)
  const clock = options.clock ?? systemClock
  const core: Core = {
    db,
    dbFile,
    dataDir: options.dataDir,
    clock,
    sessions: new SessionStore(clock),
    documents: new DocumentStore(),
    changes: new ChangeFeed(),
    appVersion: options.appVersion ?? '0.0.0',
    ...(options.desktop ? { desktop: options.desktop } : {})
  }
  core.lanHost = new LanHost(core)
  return core
}

/** `--data-dir DIR`, `--data-dir=DIR` or FRONTDESK_DATA_DIR override the app's own folder. */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, fallback: string): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    if (arg === '--data-dir' && argv[i + 1]) return argv[i + 1] as string
    if (arg.startsWith('--data-dir=')) return arg.slice('--data-dir='.length)
  }
  return env.FRONTDESK_DATA_DIR || fallback
}
