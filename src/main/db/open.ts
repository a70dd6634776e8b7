import Database from 'better-sqlite3'
import { existsSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Db, Migration } from './types'
import { migrate } from './migrate'
import { MIGRATIONS } from './migrations'

export interface OpenOptions {
  migrations?: readonly Migration[]
  /** Path to a better_sqlite3.node built for another runtime (Electron's), see scripts/build-electron-native.mjs. */
  nativeBinding?: string
  readonly?: boolean
}

/**
 * Opens the shop's database: refuses a file from a newer app before touching it, migrates an
 * older one in one transaction, then switches to WAL with foreign keys on.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const db = new Database(file, {
    ...(options.nativeBinding && existsSync(options.nativeBinding) ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.readonly ? { readonly: true, fileMustExist: true } : {})
  })
  try {
    db.pragma('busy_timeout = 5000')
    if (options.readonly) return db
    migrate(db, options.migrations ?? MIGRATIONS)
    db.pragma('journal_mode = WAL')
    // WAL with synchronous=NORMAL: an acknowledged write survives a crash of the app (tested by
    // killing it mid-burst), the file is never corrupted by a power cut, and a commit costs no
    // fsync, so four PCs can post hundreds of movements a second. A power cut can lose the last
    // moments' writes; the UPS and the backups cover that.
    db.pragma('synchronous = NORMAL')
    db.pragma('foreign_keys = ON')
    return db
  } catch (err) {
    db.close()
    throw err
  }
}
