import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/main/db/open'
import { MIGRATIONS } from '../../../src/main/db/migrations'
import { CLASH_SQL } from '../../../src/main/domain/appointments/clash'
import { DAY_SQL } from '../../../src/main/domain/appointments/appointments'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

describe('migration 0004 (appointments)', () => {
  it('runs on a file at version 3 with customers in it, and the board’s queries use its indexes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'frontdesk-m4-'))
    dirs.push(dir)
    const file = join(dir, 'shop.sqlite3')
    const v3 = openDatabase(file, { migrations: MIGRATIONS.slice(0, 3) })
    v3.prepare("INSERT INTO customers (name, phone, created_at, updated_at) VALUES ('王芳', '13800000000', 'x', 'x')").run()
    v3.prepare("INSERT INTO vehicles (customer_id, plate, plate_key, created_at, updated_at) VALUES (1, '粤B·12345', 'B12345', 'x', 'x')").run()
    v3.prepare("INSERT INTO staff (name, pin_hash, created_at, updated_at) VALUES ('李强', 'x', 'x', 'x')").run()
    v3.close()
    const db = openDatabase(file)
    db.prepare("INSERT INTO appointment_bays (name) VALUES ('1号工位')").run()
    db.prepare(
      `INSERT INTO appointments (customer_id, vehicle_id, advisor_id, bay_id, starts_at, ends_at, service_type, channel, created_at, updated_at)
       VALUES (1, 1, 1, 1, '2026-12-05T09:00', '2026-12-05T10:00', 'maintenance', 'phone', 'x', 'x')`
    ).run()
    expect(() => db.prepare("UPDATE appointments SET status = 'lost' WHERE id = 1").run()).toThrow(/CHECK/)
    expect(() => db.prepare("UPDATE appointments SET ends_at = '2026-12-05T08:00' WHERE id = 1").run()).toThrow(/CHECK/)
    const plan = (sql: string, ...args: unknown[]) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as Array<{ detail: string }>).map((r) => r.detail).join(' | ')
    expect(plan(DAY_SQL, 'a', 'b')).toMatch(/USING INDEX appointments_start/)
    expect(plan(CLASH_SQL.bay, 1, 'a', 'b')).toMatch(/USING INDEX appointments_bay/)
    expect(plan(CLASH_SQL.advisor, 1, 'a', 'b')).toMatch(/USING INDEX appointments_advisor/)
    expect(plan(CLASH_SQL.held, 1, 'a', 'b')).toMatch(/USING INDEX appointments_held/)
    db.close()
  })
})
