import Database from 'better-sqlite3'
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
import { basename, isAbsolute, join, resolve } from 'node:path'
import { AppError } from '../../../shared/errors'
import { toLocalDateTime } from '../../../shared/time'
import type { Actor, Core } from '../../core/context'
import { schemaVersion } from '../../db/migrate'
import { MIGRATIONS } from '../../db/migrations'
import { openDatabase } from '../../db/open'
import type { Db, ReadDb } from '../../db/types'
import { recordAudit } from '../audit/audit'
import { readSettings } from '../settings/settings'
import { backupsToKeep, type Rotation } from './rotation'

export interface BackupSettings {
  /** Absolute folder; null means `<data folder>/backups`. */
  folder: string | null
  rotation: Rotation
}

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { folder: null, rotation: { daily: 7, weekly: 4, monthly: 12 } }

const KEY = 'backup'
const NAME = /^frontdesk-(\d{8})-(\d{6})\.sqlite3$/

export function readBackupSettings(db: ReadDb): BackupSettings {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined
  return row ? { ...DEFAULT_BACKUP_SETTINGS, ...(JSON.parse(row.value) as Partial<BackupSettings>) } : DEFAULT_BACKUP_SETTINGS
}

export function backupFolder(core: Core): string {
  return readBackupSettings(core.db).folder ?? join(core.dataDir, 'backups')
}

/** Checks a folder can take backups (a USB stick that is not plugged in cannot) before it is saved. */
export function assertWritableFolder(folder: string): void {
  if (!isAbsolute(folder)) throw new AppError('staff.folder_not_absolute', 'Give the full path of the backup folder.', { folder })
  try {
    mkdirSync(folder, { recursive: true })
    const probe = join(folder, `.frontdesk-write-test-${process.pid}`)
    writeFileSync(probe, 'ok')
    unlinkSync(probe)
  } catch (err) {
    throw new AppError('staff.folder_not_writable', `Cannot write to ${folder}: ${(err as Error).message}`, { folder })
  }
}

export function updateBackupSettings(db: Db, actor: Actor, at: Date, next: BackupSettings): BackupSettings {
  if (next.folder) assertWritableFolder(next.folder)
  const before = readBackupSettings(db)
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(next))
  recordAudit(db, actor, at, { action: 'update', entity: 'settings', entityId: KEY, before: { ...before }, after: { ...next } })
  return next
}

export interface BackupFile {
  file: string
  at: string
  bytes: number
  kept: boolean
}

export function listBackups(core: Core): BackupFile[] {
  const folder = backupFolder(core)
  if (!existsSync(folder)) return []
  const settings = readBackupSettings(core.db)
  const files = readdirSync(folder).filter((f) => f.endsWith('.sqlite3'))
  const stamped = files.flatMap((file) => {
    const m = NAME.exec(file)
    return m ? [{ file, date: `${m[1]!.slice(0, 4)}-${m[1]!.slice(4, 6)}-${m[1]!.slice(6, 8)}` }] : []
  })
  const keep = backupsToKeep(stamped, settings.rotation)
  return files
    .map((file) => {
      const st = statSync(join(folder, file))
      return { file, at: st.mtime.toISOString(), bytes: st.size, kept: !NAME.test(file) || keep.has(file) }
    })
    .sort((a, b) => (a.file < b.file ? 1 : -1))
}

function stampFor(at: Date, timeZone: string): string {
  return toLocalDateTime(at, timeZone).replace(/[-:]/g, '').replace('T', '-') + String(at.getUTCSeconds()).padStart(2, '0')
}

/** `name.sqlite3`, or `name-2.sqlite3`… if a copy was already made in the same second. */
function unusedPath(folder: string, stem: string): string {
  let path = join(folder, `${stem}.sqlite3`)
  for (let n = 2; existsSync(path); n++) path = join(folder, `${stem}-${n}.sqlite3`)
  return path
}

/** A copy stands alone: rollback-journal mode, so it is one file with no -wal or -shm beside it. */
function standAlone(path: string): void {
  const copy = new Database(path)
  try {
    copy.pragma('journal_mode = DELETE')
  } finally {
    copy.close()
  }
}

function logBackup(db: Db, at: Date, kind: 'auto' | 'manual' | 'restore' | 'export', file: string, bytes: number | null, ok: boolean, note: string | null): void {
  db.prepare('INSERT INTO backup_log (at, kind, file, bytes, ok, note) VALUES (?, ?, ?, ?, ?, ?)').run(at.toISOString(), kind, file, bytes, ok ? 1 : 0, note)
}

/**
 * An online backup with SQLite's backup API (the app keeps working while it copies), checked by
 * opening the copy, then the rotation deletes what it no longer keeps.
 */
export async function runBackup(core: Core, kind: 'auto' | 'manual', actor: Actor | null): Promise<{ file: string; bytes: number; deleted: string[] }> {
  const at = core.clock.now()
  const folder = backupFolder(core)
  const tz = readSettings(core.db).timeZone
  const file = `frontdesk-${stampFor(at, tz)}.sqlite3`
  try {
    mkdirSync(folder, { recursive: true })
    await core.db.backup(join(folder, file))
    standAlone(join(folder, file))
    const check = inspectBackup(join(folder, file))
    if (!check.ok) throw new Error(check.problem)
  } catch (err) {
    const message = (err as Error).message
    core.db.transaction(() => logBackup(core.db, at, kind, file, null, false, message)).immediate()
    throw new AppError('staff.backup_failed', `The backup to ${folder} failed: ${message}`, { folder, reason: message })
  }
  const bytes = statSync(join(folder, file)).size
  const deleted = listBackups(core)
    .filter((b) => !b.kept && NAME.test(b.file))
    .map((b) => b.file)
  for (const f of deleted) rmSync(join(folder, f), { force: true })
  core.db
    .transaction(() => {
      logBackup(core.db, at, kind, file, bytes, true, deleted.length ? `rotated out: ${deleted.join(', ')}` : null)
      recordAudit(core.db, actor, at, { action: 'backup', entity: 'database', entityId: file, note: { folder, bytes, deleted } })
    })
    .immediate()
  return { file, bytes, deleted }
}

export function lastBackupAt(db: ReadDb): string | null {
  const row = db.prepare("SELECT max(at) AS at FROM backup_log WHERE ok = 1 AND kind IN ('auto', 'manual')").get() as { at: string | null }
  return row.at
}

export interface BackupCheck {
  ok: boolean
  problem: string
  schemaVersion: number | null
}

/** Opens a backup read-only and checks it is a whole Front Desk database this app can use. */
export function inspectBackup(path: string): BackupCheck {
  let db: Database.Database | null = null
  try {
    db = new Database(path, { readonly: true, fileMustExist: true })
    const integrity = db.pragma('integrity_check', { simple: true })
    if (integrity !== 'ok') return { ok: false, problem: `integrity check: ${String(integrity)}`, schemaVersion: null }
    const version = schemaVersion(db as unknown as Db)
    if (version > MIGRATIONS.length) return { ok: false, problem: `written by a newer app (schema ${version})`, schemaVersion: version }
    const hasCustomers = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'customers'").get() as { n: number }
    if (version < 1 || hasCustomers.n === 0) return { ok: false, problem: 'not a Front Desk data file', schemaVersion: version }
    return { ok: true, problem: '', schemaVersion: version }
  } catch (err) {
    return { ok: false, problem: (err as Error).message, schemaVersion: null }
  } finally {
    db?.close()
  }
}

function safeFileName(folder: string, file: string): string {
  const path = resolve(folder, file)
  if (!path.startsWith(resolve(folder) + '/') && !path.startsWith(resolve(folder) + '\\')) {
    throw new AppError('not_found', 'No such backup.', { what: 'backup', id: file })
  }
  if (!existsSync(path)) throw new AppError('not_found', 'No such backup.', { what: 'backup', id: file })
  return path
}

/**
 * Replaces the live data with a backup. The backup is checked first (integrity, schema version);
 * the current file is kept aside as a safety copy; if the restored file will not open, the safety
 * copy goes back. Everyone is signed out, since the staff list may differ.
 */
export function restoreBackup(core: Core, actor: Actor, file: string): { restored: string; safetyCopy: string; schemaVersion: number } {
  const folder = backupFolder(core)
  const source = safeFileName(folder, file)
  const check = inspectBackup(source)
  if (!check.ok) {
    throw new AppError('staff.backup_unusable', `${file} cannot be restored: ${check.problem}. Nothing was changed.`, { file, problem: check.problem })
  }
  const at = core.clock.now()
  const tz = readSettings(core.db).timeZone
  const safetyCopy = unusedPath(folder, `before-restore-${stampFor(at, tz)}`)
  // VACUUM INTO is synchronous and consistent: nothing can write between the copy and the swap.
  core.db.prepare('VACUUM INTO ?').run(safetyCopy)
  standAlone(safetyCopy)
  core.db.close()
  const swapIn = (from: string): void => {
    for (const suffix of ['-wal', '-shm', '']) rmSync(core.dbFile + suffix, { force: true })
    copyFileSync(from, core.dbFile)
  }
  try {
    swapIn(source)
    core.db = openDatabase(core.dbFile)
  } catch (err) {
    swapIn(safetyCopy)
    core.db = openDatabase(core.dbFile)
    throw new AppError('staff.backup_unusable', `${file} could not be opened (${(err as Error).message}); the data is as it was.`, { file, problem: (err as Error).message })
  }
  core.db
    .transaction(() => {
      logBackup(core.db, at, 'restore', file, statSync(source).size, true, `safety copy: ${safetyCopy}`)
      recordAudit(core.db, actor, at, { action: 'restore', entity: 'database', entityId: file, note: { safetyCopy, schemaVersion: check.schemaVersion } })
    })
    .immediate()
  core.sessions.closeAll()
  return { restored: file, safetyCopy, schemaVersion: schemaVersion(core.db) }
}

/** The whole database as one consistent file, for moving to a new PC. */
export function exportDatabase(core: Core, actor: Actor): { path: string; fileName: string } {
  const at = core.clock.now()
  const folder = backupFolder(core)
  mkdirSync(folder, { recursive: true })
  const path = unusedPath(folder, `frontdesk-export-${stampFor(at, readSettings(core.db).timeZone)}`)
  const fileName = basename(path)
  core.db.prepare('VACUUM INTO ?').run(path)
  standAlone(path)
  core.db
    .transaction(() => {
      logBackup(core.db, at, 'export', fileName, statSync(path).size, true, null)
      recordAudit(core.db, actor, at, { action: 'export', entity: 'database', entityId: fileName, note: { path } })
    })
    .immediate()
  return { path, fileName }
}
