import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/main/db/open'
import { MIGRATIONS } from '../../../src/main/db/migrations'

let dir: string
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('migration 6 (work orders)', () => {
  it('extends work orders written before it: each keeps its data and gets the new columns’ defaults', () => {
    dir = mkdtempSync(join(tmpdir(), 'frontdesk-m6-'))
    const file = join(dir, 'shop.sqlite3')
    const before = openDatabase(file, { migrations: MIGRATIONS.slice(0, 5) })
    const now = '2026-12-01T02:00:00.000Z'
    before.prepare(`INSERT INTO customers (name, phone, created_at, updated_at) VALUES ('黄晓明', '13712345678', ?, ?)`).run(now, now)
    before.prepare(`INSERT INTO vehicles (customer_id, plate, plate_key, created_at, updated_at) VALUES (1, '粤B·D12345', '粤BD12345', ?, ?)`).run(now, now)
    before
      .prepare(`INSERT INTO work_orders (number, customer_id, vehicle_id, status, total_cents, opened_at, created_at, updated_at) VALUES ('WO1', 1, 1, 'done', 8800, ?, ?, ?)`)
      .run(now, now, now)
    before.close()
    const db = openDatabase(file)
    expect(db.prepare('SELECT status, total_cents AS t, revision, approved_revision AS a, arrival_mode AS m, repair_category AS c FROM work_orders').get()).toEqual({
      status: 'done',
      t: 8800,
      revision: 1,
      a: null,
      m: 'driven',
      c: 'minor'
    })
    // The open-orders list and the vehicle's declined items use indexes, not scans.
    const plan = (sql: string, ...p: unknown[]) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...p) as Array<{ detail: string }>).map((r) => r.detail).join(' | ')
    expect(plan(`SELECT id FROM work_orders WHERE advisor_id = ? AND status = ?`, 1, 'open')).toMatch(/USING (COVERING )?INDEX work_orders_advisor/)
    expect(plan(`SELECT id FROM work_orders WHERE bay = ? AND status = ?`, '2', 'open')).toMatch(/USING (COVERING )?INDEX work_orders_bay/)
    expect(plan(`SELECT id FROM wo_inspection_items WHERE work_order_id = ? ORDER BY position`, 1)).toMatch(/USING (COVERING )?INDEX wo_inspection_items_order/)
    expect(plan(`SELECT id FROM wo_warranties WHERE vehicle_id = ? AND ends_on >= ?`, 1, '2026-12-01')).toMatch(/USING (COVERING )?INDEX wo_warranties_vehicle/)
    db.close()
  })
})
