import type { Db } from '../../../src/main/db/types'
import { generateCustomers } from '../../../src/main/domain/demo/generate'
import type { TestShop } from '../../helpers/core'

/** Shop-local (+08:00) wall-clock time as a UTC ISO instant. */
export const cn = (local: string): string => new Date(`${local}:00+08:00`).toISOString()

export interface Fixture {
  advisorA: number
  advisorB: number
  agent: number
  tokens: { director: string; advisorA: string; agent: string }
  wo: Record<string, number>
}

/**
 * A small shop whose November 2026 is worked out by hand in figures.test.ts. Every row is written
 * straight into the other parts' tables, so the figures are checked against the schema they read,
 * not against whatever those parts' calls do today.
 */
export function buildFixture(shop: TestShop): Fixture {
  const db = shop.core.db
  const director = shop.session(['service_director'], '王总监')
  const advisorA = shop.session(['advisor'], '李顾问')
  const agent = shop.session(['followup_agent'], '张回访')
  shop.session(['advisor'], '赵顾问')
  const id = (name: string) => db.prepare('SELECT id FROM staff WHERE name = ?').pluck().get(name) as number
  const ids = { advisorA: id('李顾问'), advisorB: id('赵顾问'), agent: id('张回访') }
  db.transaction(() => generateCustomers(db, new Date('2026-01-01T00:00:00Z'), { customers: 6, seed: 3 }))()
  const cars = db.prepare('SELECT id, customer_id AS customerId FROM vehicles ORDER BY id').all() as Array<{ id: number; customerId: number }>
  const wo: Record<string, number> = {}
  db.transaction(() => {
    const insWo = db.prepare(
      `INSERT INTO work_orders (number, customer_id, vehicle_id, advisor_id, appointment_id, kind, status, opened_at, promised_at, done_at, delivered_at,
         onsite_distance_km, response_due_at, arrived_at, answered_at, technician, created_at, updated_at)
       VALUES (@number, @customerId, @vehicleId, @advisor, @appointment, @kind, @status, @opened, @promised, @done, @delivered,
         @distance, @due, @arrived, @answered, @technician, @opened, @opened)`
    )
    const order = (number: string, car: number, o: Partial<Record<string, unknown>>) => {
      const c = cars[car]!
      wo[number] = Number(
        insWo.run({
          number, customerId: c.customerId, vehicleId: c.id, advisor: ids.advisorA, appointment: null, kind: 'shop', status: 'delivered',
          opened: cn('2026-11-01T09:00'), promised: null, done: null, delivered: null, distance: null, due: null, arrived: null, answered: null, technician: null, ...o
        }).lastInsertRowid
      )
    }
    order('WO1', 0, { opened: cn('2026-11-10T08:00'), promised: cn('2026-11-10T10:00'), done: cn('2026-11-10T08:30'), delivered: cn('2026-11-10T09:00') })
    order('WO2', 1, { opened: cn('2026-11-12T08:00'), promised: cn('2026-11-12T10:00'), done: cn('2026-11-12T10:30'), delivered: cn('2026-11-12T11:00') })
    order('WO3', 2, { opened: cn('2026-11-30T08:00'), promised: cn('2026-11-30T17:00'), done: cn('2026-11-30T16:00'), delivered: cn('2026-11-30T16:30'), advisor: ids.advisorB })
    // Delivered at 07:00 on 1 December shop time, which is still 30 November in UTC.
    order('WO4', 3, { opened: cn('2026-11-30T18:00'), promised: cn('2026-12-01T08:00'), done: cn('2026-12-01T06:00'), delivered: cn('2026-12-01T07:00') })
    order('WO5', 4, { opened: cn('2026-11-20T08:00'), done: cn('2026-11-20T12:00'), delivered: cn('2026-11-20T15:00') })
    order('WO6', 5, { kind: 'onsite', status: 'done', opened: cn('2026-11-14T10:00'), distance: 50, due: cn('2026-11-15T10:00'), arrived: cn('2026-11-15T09:00'), done: cn('2026-11-16T12:00'), technician: '赵顾问' })
    order('WO7', 5, { kind: 'onsite', status: 'done', opened: cn('2026-11-19T22:00'), distance: 150, due: cn('2026-11-20T10:00'), answered: cn('2026-11-20T09:30'), arrived: cn('2026-11-21T15:00'), done: cn('2026-11-21T18:00') })
    order('WO8', 5, { kind: 'onsite', status: 'done', opened: cn('2026-11-24T10:00'), distance: 30, due: cn('2026-11-25T10:00'), arrived: cn('2026-11-25T12:00'), done: cn('2026-11-25T16:00') })

    // Appointments of November: on time (became WO1), late, no-show, cancelled.
    const insAppt = db.prepare(
      `INSERT INTO appointments (customer_id, vehicle_id, advisor_id, starts_at, ends_at, status, service_type, channel, arrival, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'maintenance', 'phone', ?, ?, ?)`
    )
    const appt = (car: number, start: string, status: string, arrival: string | null) =>
      Number(insAppt.run(cars[car]!.customerId, cars[car]!.id, ids.advisorA, start, start.replace(/T(\d\d)/, (_m, h: string) => `T${String(Number(h) + 1).padStart(2, '0')}`), status, arrival, cn('2026-11-01T08:00'), cn('2026-11-01T08:00')).lastInsertRowid)
    const a1 = appt(0, '2026-11-10T08:00', 'checked_in', 'on_time')
    appt(1, '2026-11-12T08:00', 'checked_in', 'late')
    appt(2, '2026-11-13T09:00', 'no_show', null)
    appt(3, '2026-11-14T09:00', 'cancelled', null)
    db.prepare('UPDATE work_orders SET appointment_id = ? WHERE id = ?').run(a1, wo.WO1)

    // Warranty on WO1's and WO2's vehicles; WO3's has none.
    const insLine = db.prepare(`INSERT INTO wo_lines (work_order_id, section, position, description, qty_milli, unit_cents, amount_cents) VALUES (?, 'parts', 1, '刹车片', 1000, 10000, 10000)`)
    const insWarranty = db.prepare(
      `INSERT INTO wo_warranties (work_order_id, vehicle_id, line_id, description, category, months, starts_at, ends_on) VALUES (?, ?, ?, '刹车片', 'brakes', 3, ?, ?)`
    )
    for (const [n, car, start] of [['WO1', 0, cn('2026-11-10T09:00')], ['WO2', 1, cn('2026-11-12T11:00')]] as const) {
      const line = Number(insLine.run(wo[n]).lastInsertRowid)
      insWarranty.run(wo[n], cars[car]!.id, line, start, '2027-02-10')
    }
    const insTask = db.prepare(
      `INSERT INTO followup_tasks (kind, channel, customer_id, vehicle_id, work_order_id, reason_date, due_from, due_by, status, created_at, updated_at)
       VALUES ('first_call', 'phone', ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    )
    const task = (n: string, car: number, delivered: string, status: string) =>
      Number(insTask.run(cars[car]!.customerId, cars[car]!.id, wo[n], delivered, addDaysLocal(delivered, 3), addDaysLocal(delivered, 7), status, cn(`${delivered}T20:00`), cn(`${delivered}T20:00`)).lastInsertRowid)
    const t1 = task('WO1', 0, '2026-11-10', 'done')
    const t2 = task('WO2', 1, '2026-11-12', 'done')
    const t3 = task('WO3', 2, '2026-11-30', 'open')
    void t3
    const insCall = db.prepare(
      `INSERT INTO followup_calls (direction, task_id, purpose, customer_id, vehicle_id, work_order_id, phone, staff_id, staff_name, at, outcome, satisfaction)
       VALUES ('out', ?, ?, ?, ?, ?, '13800000000', ?, '张回访', ?, ?, ?)`
    )
    const call = (taskId: number | null, car: number, n: string | null, at: string, outcome: string, sat: number | null) =>
      insCall.run(taskId, taskId ? 'first_call' : 'service_due', cars[car]!.customerId, cars[car]!.id, n ? wo[n] : null, ids.agent, at, outcome, sat)
    call(t1, 0, 'WO1', cn('2026-11-14T10:00'), 'reached', 5) // inside 13–17 Nov
    call(t2, 1, 'WO2', cn('2026-11-16T10:00'), 'no_answer', null)
    call(t2, 1, 'WO2', cn('2026-11-20T10:00'), 'reached', 4) // after its window closed on the 19th
    call(null, 2, 'WO3', cn('2026-11-21T10:00'), 'reached', 2)
    call(null, 3, null, cn('2026-11-22T10:00'), 'reached', 3)
    call(null, 4, null, cn('2026-11-23T10:00'), 'reached', null)
    call(null, 4, null, cn('2026-11-24T10:00'), 'wrong_number', null)
    // 00:30 on 1 December shop time (30 November in UTC): December's.
    call(null, 5, null, cn('2026-12-01T00:30'), 'reached', 1)

    const insComplaint = db.prepare(
      `INSERT INTO followup_complaints (customer_id, work_order_id, staff_id, channel, category, department, description, received_at, status,
         ack_due_at, investigate_due_at, service_fault, resolved_at, created_at, updated_at)
       VALUES (?, ?, ?, 'call', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    )
    const complaint = (car: number, n: string | null, category: string, dept: string | null, received: string, fault: number | null, resolved: string | null) =>
      insComplaint.run(cars[car]!.customerId, n ? wo[n] : null, ids.advisorA, category, dept, '等了太久', received, resolved ? 'resolved' : 'open', received, received, fault, resolved, received, received)
    complaint(1, 'WO2', 'time', 'workshop', '2026-11-05T10:00:00.000Z', 1, '2026-11-06T10:00:00.000Z') // 24 h
    complaint(2, 'WO3', 'attitude', 'front_desk', '2026-11-10T00:00:00.000Z', 0, '2026-11-13T00:00:00.000Z') // 72 h
    complaint(3, null, 'price', null, '2026-11-25T00:00:00.000Z', null, null)

    const insRequest = db.prepare(
      `INSERT INTO followup_requests (customer_id, text, created_at, due_at, status, solved_at, solved_by) VALUES (?, '要发票', ?, ?, ?, ?, ?)`
    )
    insRequest.run(cars[0]!.customerId, '2026-11-02T00:00:00.000Z', '2026-11-04T00:00:00.000Z', 'solved', '2026-11-02T12:00:00.000Z', ids.agent) // 12 h
    insRequest.run(cars[1]!.customerId, '2026-10-30T00:00:00.000Z', '2026-11-01T00:00:00.000Z', 'solved', '2026-11-03T00:00:00.000Z', ids.agent) // 96 h, solved in November

    // Parts: three requisitions decided in November, one count posted in November.
    const part = (no: string) =>
      Number(db.prepare(`INSERT INTO parts (part_no, name, unit, category_id, search, created_at, updated_at) VALUES (?, ?, '个', 1, ?, ?, ?)`).run(no, `件${no}`, no, cn('2026-01-01T00:00'), cn('2026-01-01T00:00')).lastInsertRowid)
    const p = [part('P1'), part('P2'), part('P3'), part('P4')]
    const insReq = db.prepare(
      `INSERT INTO requisitions (number, work_order_id, location_id, status, amount_cents, requested_at, decided_at, decided_by_name, created_at, updated_at)
       VALUES (?, ?, 1, ?, 1000, ?, ?, '王总监', ?, ?)`
    )
    const insReqLine = db.prepare('INSERT INTO requisition_lines (requisition_id, part_id, qty, unit_cost_cents, issued_qty) VALUES (?, ?, ?, 100, ?)')
    const req = (number: string, n: string, status: string, lines: Array<[number, number, number]>) => {
      const r = Number(insReq.run(number, wo[n], status, cn('2026-11-10T08:00'), cn('2026-11-10T09:00'), cn('2026-11-10T08:00'), cn('2026-11-10T09:00')).lastInsertRowid)
      for (const [pi, qty, issued] of lines) insReqLine.run(r, p[pi]!, qty, issued)
    }
    req('RQ1', 'WO1', 'issued', [[0, 2, 2], [1, 1, 1]])
    req('RQ2', 'WO2', 'closed', [[0, 4, 3]])
    req('RQ3', 'WO3', 'partly_issued', [[2, 2, 1]])
    const count = Number(
      db.prepare(`INSERT INTO part_counts (number, location_id, status, started_at, posted_at) VALUES ('PD1', 1, 'posted', ?, ?)`).run(cn('2026-11-28T08:00'), cn('2026-11-28T17:00')).lastInsertRowid
    )
    const insCountLine = db.prepare('INSERT INTO part_count_lines (count_id, part_id, counted_qty, expected_qty, counted_at, reason) VALUES (?, ?, ?, ?, ?, ?)')
    insCountLine.run(count, p[0], 5, 5, cn('2026-11-28T10:00'), null)
    insCountLine.run(count, p[1], 3, 3, cn('2026-11-28T10:00'), null)
    insCountLine.run(count, p[2], 7, 7, cn('2026-11-28T10:00'), null)
    insCountLine.run(count, p[3], 1, 2, cn('2026-11-28T10:00'), '破损')
  })()
  return { ...ids, tokens: { director, advisorA, agent }, wo }
}

function addDaysLocal(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + n)
  return d.toISOString().slice(0, 10)
}

export type { Db }
