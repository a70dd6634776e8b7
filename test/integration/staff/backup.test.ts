import Database from 'better-sqlite3'
import { closeSync, existsSync, openSync, readdirSync, statSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testShop, type TestShop } from '../../helpers/core'

let shop: TestShop
let admin: string
beforeEach(() => {
  shop = testShop()
  admin = shop.session(['admin', 'advisor'], '陈静')
})
afterEach(() => shop.close())

const customers = (): string[] => (shop.core.db.prepare('SELECT name FROM customers ORDER BY id').all() as Array<{ name: string }>).map((r) => r.name)

describe('backups', () => {
  it('backs up online to the folder, and the copy is a whole database', async () => {
    await shop.call(admin, 'customers.create', { name: '张伟', phone: '13812345678' })
    const { file, bytes } = await shop.call(admin, 'backup.now', {})
    const status = await shop.call(admin, 'backup.status', {})
    expect(status.files.map((f) => f.file)).toContain(file)
    expect(status.lastBackupAt).not.toBeNull()
    const copy = new Database(join(status.folder, file), { readonly: true })
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(copy.prepare('SELECT name FROM customers').pluck().all()).toEqual(['张伟'])
    copy.close()
    expect(bytes).toBeGreaterThan(0)
  })

  it('restores a backup, keeps the data it replaced aside, says what it did, and signs everyone out', async () => {
    await shop.call(admin, 'customers.create', { name: '张伟', phone: '13812345678' })
    const { file } = await shop.call(admin, 'backup.now', {})
    await shop.call(admin, 'customers.create', { name: '李娜', phone: '13900001111' })
    const result = await shop.call(admin, 'backup.restore', { file })
    expect(customers()).toEqual(['张伟'])
    expect(result.restored).toBe(file)
    const aside = new Database(result.safetyCopy, { readonly: true })
    expect(aside.prepare('SELECT name FROM customers ORDER BY id').pluck().all()).toEqual(['张伟', '李娜'])
    aside.close()
    expect((await shop.refusal(admin, 'auth.me', {})).code).toBe('unauthenticated')
    const restoreRow = shop.core.db.prepare("SELECT action, entity_id FROM audit_log WHERE action = 'restore'").get()
    expect(restoreRow).toEqual({ action: 'restore', entity_id: file })
  })

  it('refuses a corrupted backup and leaves the current data untouched', async () => {
    for (let i = 0; i < 200; i++) await shop.call(admin, 'customers.create', { name: `客户${i}`, phone: `138${String(i).padStart(8, '0')}` })
    const { file } = await shop.call(admin, 'backup.now', {})
    const folder = (await shop.call(admin, 'backup.status', {})).folder
    const path = join(folder, file)
    // Scribble over pages in the middle of the file, as a failing USB stick would.
    const fd = openSync(path, 'r+')
    const size = statSync(path).size
    for (let at = 4096; at < size - 4096; at += 8192) writeSync(fd, Buffer.alloc(512, 0x5a), 0, 512, at + 100)
    closeSync(fd)
    await shop.call(admin, 'customers.create', { name: '最后一位', phone: '13700000000' })
    const before = customers()
    const err = await shop.refusal(admin, 'backup.restore', { file })
    expect(err.code).toBe('staff.backup_unusable')
    expect(customers()).toEqual(before)
    expect(shop.core.db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(readdirSync(folder).some((f) => f.startsWith('before-restore'))).toBe(false)
  })

  it('refuses a file that is not a database, one from a newer app, and a name outside the folder', async () => {
    const folder = (await shop.call(admin, 'backup.status', {})).folder
    await shop.call(admin, 'backup.now', {})
    writeFileSync(join(folder, 'notes.sqlite3'), 'not a database at all')
    expect((await shop.refusal(admin, 'backup.restore', { file: 'notes.sqlite3' })).code).toBe('staff.backup_unusable')
    const future = new Database(join(folder, 'future.sqlite3'))
    future.exec('CREATE TABLE customers (id INTEGER)')
    future.pragma('user_version = 999')
    future.close()
    expect((await shop.refusal(admin, 'backup.restore', { file: 'future.sqlite3' })).params).toMatchObject({ problem: expect.stringMatching(/newer/) })
    expect((await shop.refusal(admin, 'backup.restore', { file: '../frontdesk.sqlite3' })).code).toBe('invalid_input')
    expect((await shop.refusal(admin, 'backup.restore', { file: 'missing.sqlite3' })).code).toBe('not_found')
  })

  it('deletes old backups by the rotation when it makes a new one', async () => {
    const folder = (await shop.call(admin, 'backup.status', {})).folder
    await shop.call(admin, 'backup.configure', { folder: null, rotation: { daily: 2, weekly: 0, monthly: 0 } })
    const first = await shop.call(admin, 'backup.now', {})
    const { copyFileSync, rmSync } = await import('node:fs')
    // Backups made on earlier days, as the schedule would have left them.
    for (const day of ['20261101', '20261120', '20261201', '20261202', '20261203']) {
      copyFileSync(join(folder, first.file), join(folder, `frontdesk-${day}-020000.sqlite3`))
    }
    rmSync(join(folder, first.file))
    const made = await shop.call(admin, 'backup.now', {})
    const left = readdirSync(folder).filter((f) => f.startsWith('frontdesk-2')).sort()
    expect(left).toEqual(['frontdesk-20261203-020000.sqlite3', made.file].sort())
    expect(made.deleted.length).toBe(4)
  })

  it('refuses a backup folder it cannot write to, before saving it', async () => {
    const blocker = join(shop.dir, 'a-file')
    writeFileSync(blocker, 'x')
    const err = await shop.refusal(admin, 'backup.configure', { folder: join(blocker, 'backups'), rotation: { daily: 7, weekly: 4, monthly: 12 } })
    expect(err.code).toBe('staff.folder_not_writable')
    expect((await shop.refusal(admin, 'backup.configure', { folder: 'relative/path', rotation: { daily: 7, weekly: 4, monthly: 12 } })).code).toBe('staff.folder_not_absolute')
  })

  it('exports the whole database as one file for a new PC', async () => {
    await shop.call(admin, 'customers.create', { name: '张伟', phone: '13812345678' })
    const out = await shop.call(admin, 'backup.export', {})
    expect(existsSync(out.path)).toBe(true)
    const doc = shop.core.documents.take(out.documentId, admin)
    expect(doc?.contentType).toBe('application/vnd.sqlite3')
    const copy = new Database(out.path, { readonly: true })
    expect(copy.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(1)
    copy.close()
  })
})
