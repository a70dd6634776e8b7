import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/main/db/open'
import { schemaVersion } from '../../src/main/db/migrate'
import { MIGRATIONS } from '../../src/main/db/migrations'
import type { Migration } from '../../src/main/db/types'
import { AppError } from '../../src/shared/errors'

const dirs: string[] = []
const tempFile = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-migrate-'))
  dirs.push(dir)
  return join(dir, 'shop.sqlite3')
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))
const hash = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex')

describe('opening the data file', () => {
  it('creates a new file at the newest schema with WAL and foreign keys on', () => {
    const db = openDatabase(tempFile())
    expect(schemaVersion(db)).toBe(MIGRATIONS.length)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    db.close()
  })

  it('migrates an older file and keeps its data', () => {
    const file = tempFile()
    const v1 = openDatabase(file, { migrations: MIGRATIONS.slice(0, 1) })
    v1.prepare(`INSERT INTO customers (name, phone, created_at, updated_at) VALUES ('王芳', '13800000000', 'x', 'x')`).run()
    v1.close()
    const extra: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'test-add-column',
      up: (db) => db.exec('ALTER TABLE customers ADD COLUMN loyalty TEXT')
    }
    const db = openDatabase(file, { migrations: [...MIGRATIONS, extra] })
    expect(schemaVersion(db)).toBe(MIGRATIONS.length + 1)
    expect(db.prepare('SELECT name, loyalty FROM customers').get()).toEqual({ name: '王芳', loyalty: null })
    db.close()
  })

  it('leaves the file exactly as it was when a migration fails half-way', () => {
    const file = tempFile()
    const v1 = openDatabase(file, { migrations: MIGRATIONS })
    v1.prepare(`INSERT INTO customers (name, phone, created_at, updated_at) VALUES ('李强', '13900000000', 'x', 'x')`).run()
    v1.pragma('wal_checkpoint(TRUNCATE)')
    v1.close()
    const before = hash(file)
    const failing: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'test-fails',
      up: (db) => {
        db.exec('CREATE TABLE half_done (x INTEGER)')
        db.exec("UPDATE customers SET name = name || '!'")
        throw new Error('disk full, say')
      }
    }
    expect(() => openDatabase(file, { migrations: [...MIGRATIONS, failing] })).toThrow('disk full')
    expect(hash(file)).toBe(before)
    const db = new Database(file, { readonly: true })
    expect(schemaVersion(db)).toBe(MIGRATIONS.length)
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half_done'").get()).toEqual({ n: 0 })
    db.close()
  })

  it('refuses a file written by a newer app, with a clear message, without touching it', () => {
    const file = tempFile()
    const raw = new Database(file)
    raw.exec('CREATE TABLE future (x INTEGER)')
    raw.pragma(`user_version = ${MIGRATIONS.length + 5}`)
    raw.close()
    const before = hash(file)
    let caught: unknown
    try {
      openDatabase(file)
    } catch (err) {
      caught = err
    }
    expect(caught).toBeInstanceOf(AppError)
    expect((caught as AppError).code).toBe('db_from_future')
    expect((caught as AppError).message).toMatch(/newer version/)
    expect(hash(file)).toBe(before)
  })

  it('refuses a migration list whose versions are out of order', () => {
    const bad: Migration = { version: 7, name: 'gap', up: () => undefined }
    expect(() => openDatabase(tempFile(), { migrations: [...MIGRATIONS, bad] })).toThrow(/expected/)
  })
})
