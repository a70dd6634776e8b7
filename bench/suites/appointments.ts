import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { TestClock } from '../../src/main/core/clock'
import { createCore } from '../../src/main/core/create'
import { dispatch } from '../../src/main/core/dispatch'
import { DAY_SQL } from '../../src/main/domain/appointments/appointments'
import { CLASH_SQL, MAX_DURATION_MINUTES, findClash, loadClashContext, type Candidate } from '../../src/main/domain/appointments/clash'
import { addMinutes } from '../../src/main/domain/appointments/clock'
import { readBoardSettings } from '../../src/main/domain/appointments/settings'
import { generateCustomers, rng } from '../../src/main/domain/demo/generate'
import { insertStaff } from '../../src/main/domain/staff/staff'
import { addDays } from '../../src/shared/time'
import type { Suite } from '../harness'

const BAYS = 8
const ADVISORS = 6
// 330 days of history and 35 days booked ahead.
const FIRST_DAY = '2026-01-08'
const TODAY = '2026-12-04'

/**
 * A year of history: 50,000 bookings over 365 days in 8 bays with 6 advisors (quick: 5,000).
 * board-day-50k loads one day's board; clash-check-50k runs the check a save runs before it writes.
 */
export const appointmentsSuite: Suite = {
  name: 'appointments',
  async setup({ quick }) {
    const dir = mkdtempSync(join(tmpdir(), 'frontdesk-bench-'))
    const core = createCore({ dataDir: dir, clock: new TestClock(new Date('2026-12-04T01:00:00Z')) })
    const db = core.db
    const total = quick ? 5_000 : 50_000
    const rand = rng(11)
    generateCustomers(db, new Date(), { customers: quick ? 2_000 : 10_000, seed: 5 })
    const vehicles = db.prepare('SELECT id, customer_id AS customerId FROM vehicles').all() as Array<{ id: number; customerId: number }>
    const advisors = db.transaction(() => Array.from({ length: ADVISORS }, (_, i) => insertStaff(db, null, new Date(), `顾问${i + 1}`, ['advisor'], `20${i}0`).id))()
    const actor = db.transaction(() => insertStaff(db, null, new Date(), 'bench', ['advisor', 'frontdesk_supervisor'], '1234'))()
    const token = core.sessions.open(actor).token
    const bays: number[] = []
    db.transaction(() => {
      const bay = db.prepare('INSERT INTO appointment_bays (name, sort) VALUES (?, ?)')
      for (let i = 0; i < BAYS; i++) bays.push(Number(bay.run(`${i + 1}号工位`, i).lastInsertRowid))
      const insert = db.prepare(
        `INSERT INTO appointments (customer_id, vehicle_id, advisor_id, bay_id, starts_at, ends_at, status, service_type, complaint, channel, arrival, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'maintenance', '保养', 'phone', ?, 'x', 'x')`
      )
      const perDay = Math.ceil(total / 365)
      // Quick runs have two rounds a day; starting them at 10:00 keeps them inside every day's hours.
      const baseHour = quick ? 10 : 8
      let made = 0
      for (let d = 0; d < 365 && made < total; d++) {
        const day = addDays(FIRST_DAY, d)
        for (let k = 0; k < perDay && made < total; k++, made++) {
          // Bays fill from 08:00 in 30-minute bookings, one after the other.
          const start = `${day}T${String(baseHour + Math.floor((Math.floor(k / BAYS) * 30) / 60)).padStart(2, '0')}:${(Math.floor(k / BAYS) * 30) % 60 === 0 ? '00' : '30'}`
          const past = day < TODAY
          const r = rand()
          const status = !past ? 'booked' : r < 0.05 ? 'no_show' : r < 0.1 ? 'cancelled' : 'checked_in'
          const v = vehicles[Math.floor(rand() * vehicles.length)] as { id: number; customerId: number }
          insert.run(v.customerId, v.id, advisors[k % ADVISORS], bays[k % BAYS], start, addMinutes(start, 30), status, status === 'checked_in' ? (r < 0.2 ? 'late' : 'on_time') : null)
        }
      }
    })()
    db.pragma('optimize')
    const days = Array.from({ length: 60 }, (_, i) => addDays(TODAY, i - 30))
    const settings = readBoardSettings(db)
    // Candidates a counter might try: any bay, any advisor, any half-hour of a day near today.
    const candidates: Candidate[] = Array.from({ length: 200 }, (_, i) => {
      const start = `${addDays(TODAY, (i % 30) - 5)}T${String(8 + (i % 9)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`
      return { id: null, bayId: bays[i % BAYS] as number, advisorId: advisors[i % ADVISORS] as number, startsAt: start, endsAt: addMinutes(start, 60) }
    })
    const day = db.prepare(DAY_SQL)
    const parts = db.prepare('SELECT id, appointment_id, part_id, description, qty FROM appointment_parts WHERE appointment_id IN (SELECT value FROM json_each(?))')
    const bare = { bay: db.prepare(CLASH_SQL.bay), advisor: db.prepare(CLASH_SQL.advisor), held: db.prepare(CLASH_SQL.held), open: db.prepare(CLASH_SQL.openJobs), blocks: db.prepare(CLASH_SQL.blocks) }
    // Bookings still to come, whose slots a new booking would clash with.
    const taken = db
      .prepare(
        `SELECT customer_id AS customerId, vehicle_id AS vehicleId, advisor_id AS advisorId, bay_id AS bayId, starts_at AS startsAt
         FROM appointments WHERE starts_at >= ? AND starts_at < ? AND status = 'booked' AND starts_at LIKE '%T1_:%' ORDER BY id LIMIT 200`
      )
      .all(`${addDays(TODAY, 1)}T00:00`, `${addDays(TODAY, 20)}T00:00`) as Array<{ customerId: number; vehicleId: number; advisorId: number; bayId: number; startsAt: string }>
    let i = 0
    let j = 0
    let k = 0
    return {
      figures: [
        {
          name: 'board-day-50k',
          target_ms: 20,
          note: `appointments.board of one day among ${total.toLocaleString()} bookings (${BAYS} bays, ${ADVISORS} advisors), beside the day's SELECT`,
          app: async () => {
            const r = await dispatch(core, 'appointments.board', { date: days[i++ % days.length] }, token)
            if (!r.ok) throw new Error(r.error.message)
          },
          bare: () => {
            const date = days[i % days.length] as string
            const rows = day.all(`${date}T00:00`, `${addDays(date, 1)}T00:00`) as Array<{ id: number }>
            parts.all(JSON.stringify(rows.map((r) => r.id)))
          },
          iterations: 300
        },
        {
          name: 'clash-check-50k',
          target_ms: 2,
          note: `the check appointments.book/move run inside their transaction (settings, neighbours, carry-overs, blocks, rules) among ${total.toLocaleString()} bookings, beside its bare SELECTs`,
          app: () => {
            const c = candidates[j++ % candidates.length] as Candidate
            db.transaction(() => findClash(c, loadClashContext(db, readBoardSettings(db), c, TODAY)))()
          },
          bare: () => {
            const c = candidates[j % candidates.length] as Candidate
            bare.bay.all(c.bayId, addMinutes(c.startsAt, -MAX_DURATION_MINUTES), c.endsAt)
            bare.advisor.all(c.advisorId, addMinutes(c.startsAt, -settings.intervalMinutes), addMinutes(c.startsAt, settings.intervalMinutes))
            bare.held.all(c.bayId, `${c.startsAt.slice(0, 10)}T00:00`, `${c.startsAt.slice(0, 10)}T00:00`)
            bare.blocks.all(c.endsAt, c.startsAt)
            if (c.startsAt.slice(0, 10) === TODAY) bare.open.all(`${TODAY}T00:00`)
          },
          iterations: 2000
        },
        {
          name: 'book-refused-50k',
          target_ms: 20,
          note: `appointments.book through dispatch on a taken slot: the check in its IMMEDIATE transaction, the refusal and the next free slots, beside the bay's bare SELECT`,
          app: async () => {
            const a = taken[k++ % taken.length] as (typeof taken)[number]
            const r = await dispatch(core, 'appointments.book', { customerId: a.customerId, vehicleId: a.vehicleId, advisorId: a.advisorId, bayId: a.bayId, startsAt: a.startsAt, durationMinutes: 30, serviceType: 'repair', channel: 'phone' }, token)
            if (r.ok || !r.error.code.startsWith('board.clash_')) throw new Error(`expected a clash, got ${r.ok ? 'a booking' : r.error.code}`)
          },
          bare: () => {
            const a = taken[k % taken.length] as (typeof taken)[number]
            bare.bay.all(a.bayId, addMinutes(a.startsAt, -MAX_DURATION_MINUTES), addMinutes(a.startsAt, 30))
          },
          iterations: 500
        }
      ],
      cleanup() {
        db.close()
        rmSync(dir, { recursive: true, force: true })
      }
    }
  }
}
