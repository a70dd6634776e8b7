import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/main/db/open'
import { schemaVersion } from '../../../src/main/db/migrate'
import { MIGRATIONS } from '../../../src/main/db/migrations'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

describe('migration 9 (reports)', () => {
  it('adds its indexes to a version-8 file with orders in it, and a month’s delivered orders are read from the covering index', () => {
    const dir = mkdtempSync(join(tmpdir(), 'frontdesk-migrate-reports-'))
    dirs.push(dir)
    const file = join(dir, 'shop.sqlite3')
    const v8 = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 8) })
    v8.prepare(`INSERT INTO customers (name, phone, created_at, updated_at) VALUES ('王芳', '13800000000', 'x', 'x')`).run()
    v8.prepare(`INSERT INTO vehicles (customer_id, plate, plate_key, created_at, updated_at) VALUES (1, '粤B12345', 'B12345', 'x', 'x')`).run()
    v8.prepare(
      `INSERT INTO work_orders (number, customer_id, vehicle_id, opened_at, promised_at, delivered_at, created_at, updated_at)
       VALUES ('W1', 1, 1, '2026-11-01T00:00:00.000Z', '2026-11-01T08:00:00.000Z', '2026-11-01T07:00:00.000Z', 'x', 'x')`
    ).run()
    v8.close()
    const db = openDatabase(file)
    expect(schemaVersion(db)).toBe(MIGRATIONS.length)
    expect(db.prepare('SELECT count(*) FROM work_orders').pluck().get()).toBe(1)
    const plan = (db.prepare(`EXPLAIN QUERY PLAN SELECT count(*), sum(delivered_at <= promised_at) FROM work_orders
      WHERE delivered_at >= ? AND delivered_at < ? AND kind = 'shop' AND promised_at IS NOT NULL`).all('2026-11-01', '2026-12-01') as Array<{ detail: string }>).map((r) => r.detail).join(' ')
    expect(plan).toContain('COVERING INDEX reports_wo_delivered')
    const calls = (db.prepare(`EXPLAIN QUERY PLAN SELECT min(at) FROM followup_calls WHERE task_id = ? AND outcome = 'reached'`).all(1) as Array<{ detail: string }>).map((r) => r.detail).join(' ')
    expect(calls).toContain('reports_calls_task')
    db.close()
  })
})
