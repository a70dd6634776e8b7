import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/main/db/open'
import { MIGRATIONS } from '../../../src/main/db/migrations'
import { DELIVERIES_SQL, PENDING_REMINDERS_SQL, planFollowups } from '../../../src/main/domain/followup/plan'
import { todaySql } from '../../../src/main/domain/followup/tasks'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

describe('migration 0007 (follow-up)', () => {
  it('runs on a file at version 6 with past work orders, plans from them, and its queries use its indexes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'frontdesk-m7-'))
    dirs.push(dir)
    const file = join(dir, 'shop.sqlite3')
    const v6 = openDatabase(file, { migrations: MIGRATIONS.slice(0, 6) })
    v6.prepare("INSERT INTO customers (name, phone, created_at, updated_at) VALUES ('王芳', '13800000000', 'x', 'x')").run()
    v6.prepare(
      "INSERT INTO vehicles (customer_id, plate, plate_key, service_interval_km, service_interval_months, created_at, updated_at) VALUES (1, '粤B·12345', 'B12345', 5000, 6, 'x', 'x')"
    ).run()
    v6.prepare(
      `INSERT INTO work_orders (number, customer_id, vehicle_id, status, mileage_km, opened_at, delivered_at, created_at, updated_at)
       VALUES ('WO-1', 1, 1, 'delivered', 20000, '2026-06-10T01:00:00Z', '2026-06-10T08:00:00Z', 'x', 'x'),
              ('WO-2', 1, 1, 'delivered', 21000, '2026-12-01T01:00:00Z', '2026-12-01T08:00:00Z', 'x', 'x')`
    ).run()
    v6.close()
    const db = openDatabase(file)
    const made = db.transaction(() => planFollowups(db, new Date('2026-12-04T02:00:00Z')))()
    expect(made).toEqual({ firstCalls: 1, vehiclesUpdated: 1, reminders: 0 })
    // The first run looks back only as far as a first call could still matter: WO-1 (June) gets none.
    const tasks = db.prepare('SELECT kind, work_order_id AS wo FROM followup_tasks ORDER BY id').all()
    expect(tasks).toEqual([{ kind: 'first_call', wo: 2 }])
    expect(() => db.prepare("UPDATE followup_tasks SET due_by = '2000-01-01'").run()).toThrow(/CHECK/)
    const plan = (sql: string, ...args: unknown[]) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as Array<{ detail: string }>).map((r) => r.detail).join(' | ')
    expect(plan(DELIVERIES_SQL, 'x')).toMatch(/USING INDEX work_orders_delivered/)
    expect(plan(PENDING_REMINDERS_SQL, 'a', 'b')).toMatch(/USING INDEX followup_vehicle_due_pending/)
    const today = todaySql('all')
    expect(plan(today.list, { today: 'a', end: 'b', me: 0, limit: 1 })).toMatch(/USING INDEX followup_tasks_open/)
    expect(plan(today.list, { today: 'a', end: 'b', me: 0, limit: 1 })).not.toMatch(/TEMP B-TREE/)
    db.close()
  })
})
