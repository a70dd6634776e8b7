import { join } from 'node:path'
import { openDatabase, type OpenOptions } from '../db/open'
import { systemClock, type Clock } from './clock'
import type { Core, DesktopServices } from './context'
import { DocumentStore } from './documents'
import { SessionStore } from './sessions'

export const DB_FILE_NAME = 'frontdesk.sqlite3'

export interface CoreOptions extends OpenOptions {
  dataDir: string
  clock?: Clock
  desktop?: DesktopServices
  appVersion?: string
}

export function createCore(options: CoreOptions): Core {
  const dbFile = join(options.dataDir, DB_FILE_NAME)
  const db = openDatabase(dbFile, options)
  const clock = options.clock ?? systemClock
  return {
    db,
    dbFile,
    dataDir: options.dataDir,
    clock,
    sessions: new SessionStore(clock),
    documents: new DocumentStore(),
    appVersion: options.appVersion ?? '0.0.0',
    ...(options.desktop ? { desktop: options.desktop } : {})
  }
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
