import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/main/db/open'
import { schemaVersion } from '../../../src/main/db/migrate'
import { MIGRATIONS } from '../../../src/main/db/migrations'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))
const tempFile = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-parts-migrate-'))
  dirs.push(dir)
  return join(dir, 'shop.sqlite3')
}

describe('migration 0005 (parts)', () => {
  it('runs on a version-4 file with customers and work orders, keeps them, and seeds the main store and watched categories', () => {
    const file = tempFile()
    const v4 = openDatabase(file, { migrations: MIGRATIONS.slice(0, 4) })
    v4.prepare("INSERT INTO customers (name, phone, created_at, updated_at) VALUES ('王芳', '13800000000', 'x', 'x')").run()
    v4.prepare("INSERT INTO vehicles (customer_id, plate, plate_key, created_at, updated_at) VALUES (1, '粤B·12345', 'B12345', 'x', 'x')").run()
    v4.prepare("INSERT INTO work_orders (number, customer_id, vehicle_id, opened_at, created_at, updated_at) VALUES ('WO-1', 1, 1, 'x', 'x', 'x')").run()
    v4.close()
    const db = openDatabase(file)
    expect(schemaVersion(db)).toBe(MIGRATIONS.length)
    expect(db.prepare('SELECT number FROM work_orders').all()).toEqual([{ number: 'WO-1' }])
    expect(db.prepare('SELECT code, kind FROM part_locations').all()).toEqual([{ code: 'MAIN', kind: 'store' }])
    const watched = (db.prepare('SELECT code FROM part_categories WHERE watched = 1 ORDER BY id').all() as Array<{ code: string }>).map((c) => c.code)
    expect(watched).toEqual(['motor', 'controller', 'rear_axle', 'differential', 'frame', 'front_shock', 'rim_weld'])
    db.close()
  })

  it('answers a balance, a part no. and a ledger card from indexes, not scans', () => {
    const db = openDatabase(tempFile())
    const plan = (sql: string, ...args: unknown[]): string =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as Array<{ detail: string }>).map((r) => r.detail).join(' | ')
    expect(plan('SELECT qty FROM part_balances WHERE part_id = ? AND location_id = ?', 1, 1)).toMatch(/USING PRIMARY KEY/)
    expect(plan('SELECT id FROM parts WHERE part_no = ?', 'bp-01')).toMatch(/USING (COVERING )?INDEX sqlite_autoindex_parts/)
    expect(plan('SELECT * FROM part_movements WHERE part_id = ? AND location_id = ? ORDER BY id', 1, 1)).toMatch(/USING INDEX part_movements_part/)
    db.close()
  })
})
