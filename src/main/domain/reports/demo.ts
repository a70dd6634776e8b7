/**
 * A shop's history for the reports' bench and sample sheets: work orders with their deliveries,
 * on-site visits, bookings, warranties, follow-up calls, complaints, requests, requisitions, stock
 * movements and counts. Rows go straight in with prepared statements in one transaction (the
 * customers come first from generateCustomers).
 */
import type { Db } from '../../db/types'
import { rng } from '../demo/generate'

export interface HistorySize {
  workOrders: number
  movements: number
  /** First and last instant of the history (ISO). */
  from: string
  to: string
  /** Advisors who take the orders in. */
  staff: number[]
  /** Who makes the follow-up calls (the advisors when none). */
  agents?: number[]
  seed?: number
}

const HOUR = 3_600_000
const iso = (ms: number): string => new Date(ms).toISOString()
const localDate = (ms: number): string => new Date(ms + 8 * HOUR).toISOString().slice(0, 10)
const localTime = (ms: number): string => new Date(ms + 8 * HOUR).toISOString().slice(0, 16)

export function generateHistory(db: Db, size: HistorySize): void {
  const rand = rng(size.seed ?? 7)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!
  const vehicles = db.prepare('SELECT id, customer_id AS customerId FROM vehicles').all() as Array<{ id: number; customerId: number }>
  const t0 = Date.parse(size.from)
  const span = Date.parse(size.to) - t0
  const ins = {
    wo: db.prepare(
      `INSERT INTO work_orders (number, customer_id, vehicle_id, advisor_id, appointment_id, kind, status, opened_at, promised_at, done_at, delivered_at,
         onsite_distance_km, response_due_at, arrived_at, answered_at, technician, total_cents, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    ),
    appt: db.prepare(
      `INSERT INTO appointments (customer_id, vehicle_id, advisor_id, starts_at, ends_at, status, service_type, channel, arrival, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'maintenance', 'phone', ?, ?, ?)`
    ),
    line: db.prepare(`INSERT INTO wo_lines (work_order_id, section, position, description, qty_milli, unit_cents, amount_cents) VALUES (?, 'parts', 1, '刹车片', 1000, 28000, 28000)`),
    warranty: db.prepare(`INSERT INTO wo_warranties (work_order_id, vehicle_id, line_id, description, category, months, starts_at, ends_on) VALUES (?, ?, ?, '刹车片', 'brakes', 3, ?, ?)`),
    task: db.prepare(
      `INSERT INTO followup_tasks (kind, channel, customer_id, vehicle_id, work_order_id, reason_date, due_from, due_by, status, closed_at, created_at, updated_at)
       VALUES ('first_call', 'phone', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    ),
    call: db.prepare(
      `INSERT INTO followup_calls (direction, task_id, purpose, customer_id, vehicle_id, work_order_id, phone, staff_id, staff_name, at, outcome, satisfaction)
       VALUES ('out', ?, 'first_call', ?, ?, ?, '13800000000', ?, ?, ?, ?, ?)`
    ),
    complaint: db.prepare(
      `INSERT INTO followup_complaints (customer_id, work_order_id, staff_id, channel, category, department, description, received_at, status,
         ack_due_at, investigate_due_at, service_fault, resolved_at, created_at, updated_at)
       VALUES (?, ?, ?, 'call', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    ),
    request: db.prepare(`INSERT INTO followup_requests (customer_id, work_order_id, text, created_at, due_at, status, solved_at) VALUES (?, ?, ?, ?, ?, ?, ?)`),
    req: db.prepare(
      `INSERT INTO requisitions (number, work_order_id, location_id, status, amount_cents, requested_at, decided_at, decided_by_name, created_at, updated_at)
       VALUES (?, ?, 1, ?, ?, ?, ?, '王建国', ?, ?)`
    ),
    reqLine: db.prepare('INSERT INTO requisition_lines (requisition_id, part_id, qty, unit_cost_cents, issued_qty) VALUES (?, ?, ?, 2000, ?)'),
    part: db.prepare(`INSERT INTO parts (part_no, name, unit, category_id, search, cost_cents, price_cents, created_at, updated_at) VALUES (?, ?, '个', ?, ?, 2000, 3500, ?, ?)`),
    posting: db.prepare('INSERT INTO part_postings (kind, at, staff_name, reason) VALUES (?, ?, ?, ?)'),
    move: db.prepare('INSERT INTO part_movements (posting_id, kind, at, part_id, location_id, qty, unit_cost_cents, work_order_id) VALUES (?, ?, ?, ?, 1, ?, 2000, ?)'),
    count: db.prepare(`INSERT INTO part_counts (number, location_id, status, started_at, posted_at) VALUES (?, 1, 'posted', ?, ?)`),
    countLine: db.prepare('INSERT INTO part_count_lines (count_id, part_id, counted_qty, expected_qty, counted_at, reason) VALUES (?, ?, ?, ?, ?, ?)')
  }
  const names = new Map((db.prepare('SELECT id, name FROM staff').all() as Array<{ id: number; name: string }>).map((s) => [s.id, s.name]))
  const words = ['车辆行驶正常，很满意', '等待时间有点长', '价格比预期高', '服务态度好', '异响已消除']
  db.transaction(() => {
    const partCount = Math.max(20, Math.min(2000, Math.floor(size.movements / 250)))
    const parts: number[] = []
    for (let i = 0; i < partCount; i++) {
      const no = `RBJ-${String(10000 + i)}`
      parts.push(Number(ins.part.run(no, `备件${i}`, 1 + (i % 12), no.toLowerCase(), size.from, size.from).lastInsertRowid))
    }
    // Opening stock large enough that the issues never take a shelf below zero.
    const opening = Number(ins.posting.run('import', size.from, '系统', 'opening').lastInsertRowid)
    for (const p of parts) ins.move.run(opening, 'import', size.from, p, 100_000, null)
    let moves = parts.length
    let reqNo = 0
    for (let i = 0; i < size.workOrders; i++) {
      const v = vehicles[Math.floor(rand() * vehicles.length)]!
      const advisor = pick(size.staff)
      const opened = t0 + Math.floor(((i + rand()) / size.workOrders) * span)
      const onsite = rand() < 0.08
      const booked = !onsite && rand() < 0.4
      const promised = opened + (4 + Math.floor(rand() * 6)) * HOUR
      const late = rand() < 0.07
      const delivered = onsite ? null : promised + (late ? 1 + Math.floor(rand() * 5) : -Math.floor(rand() * 3)) * HOUR
      const done = (delivered ?? opened + 20 * HOUR) - HOUR
      let appt: number | null = null
      if (booked) {
        const arrival = rand() < 0.88 ? 'on_time' : 'late'
        appt = Number(ins.appt.run(v.customerId, v.id, advisor, localTime(opened - 0.5 * HOUR), localTime(opened + 0.5 * HOUR), 'checked_in', arrival, iso(opened - 48 * HOUR), iso(opened)).lastInsertRowid)
        if (rand() < 0.06) ins.appt.run(v.customerId, v.id, advisor, localTime(opened + 2 * HOUR), localTime(opened + 3 * HOUR), 'no_show', null, iso(opened - 48 * HOUR), iso(opened))
      }
      const near = rand() < 0.8
      const due = onsite ? opened + (near ? 24 : 12) * HOUR : null
      const arrived = onsite ? opened + (near ? (rand() < 0.9 ? 6 + rand() * 16 : 26) : 20) * HOUR : null
      const answered = onsite && !near ? opened + (rand() < 0.92 ? 3 : 14) * HOUR : null
      const woId = Number(
        ins.wo
          .run(`RP${String(i + 1).padStart(7, '0')}`, v.customerId, v.id, advisor, appt, onsite ? 'onsite' : 'shop', onsite ? 'done' : 'delivered', iso(opened), iso(promised), iso(done),
            delivered === null ? null : iso(delivered), onsite ? (near ? 40 : 160) : null, due === null ? null : iso(due), arrived === null ? null : iso(arrived),
            answered === null ? null : iso(answered), onsite ? names.get(advisor) ?? null : null, 50_000 + Math.floor(rand() * 300_000), iso(opened), iso(opened))
          .lastInsertRowid
      )
      if (delivered === null) continue
      const deliveredOn = localDate(delivered)
      if (rand() < 0.3) {
        const line = Number(ins.line.run(woId).lastInsertRowid)
        ins.warranty.run(woId, v.id, line, iso(delivered), localDate(delivered + 90 * 24 * HOUR))
      }
      const dueFrom = localDate(delivered + 3 * 24 * HOUR)
      const dueBy = localDate(delivered + 7 * 24 * HOUR)
      const reached = rand() < 0.85
      const callAt = delivered + (rand() < 0.92 ? 4 : 9) * 24 * HOUR + 2 * HOUR
      const taskId = Number(ins.task.run(v.customerId, v.id, woId, deliveredOn, dueFrom, dueBy, reached ? 'done' : 'failed', iso(callAt), iso(delivered), iso(delivered)).lastInsertRowid)
      const agent = pick(size.agents?.length ? size.agents : size.staff)
      const r = rand()
      const score = r < 0.62 ? 5 : r < 0.88 ? 4 : r < 0.95 ? 3 : r < 0.98 ? 2 : 1
      if (!reached) ins.call.run(taskId, v.customerId, v.id, woId, agent, names.get(agent) ?? '', iso(callAt), 'no_answer', null)
      else ins.call.run(taskId, v.customerId, v.id, woId, agent, names.get(agent) ?? '', iso(callAt), 'reached', score)
      if (rand() < 0.02) {
        const received = callAt + HOUR
        const resolved = rand() < 0.9 ? received + (12 + rand() * 100) * HOUR : null
        ins.complaint.run(v.customerId, woId, advisor, pick(['attitude', 'quality', 'parts', 'price', 'time']), pick(['front_desk', 'workshop', 'parts', 'finance']), pick(words),
          iso(received), resolved ? 'resolved' : 'acknowledged', iso(received + 24 * HOUR), iso(received + 48 * HOUR), rand() < 0.55 ? 1 : 0, resolved ? iso(resolved) : null, iso(received), iso(received))
      }
      if (rand() < 0.03) {
        const created = callAt
        const solved = rand() < 0.95 ? created + (2 + rand() * 70) * HOUR : null
        ins.request.run(v.customerId, woId, '需要发票和保养记录', iso(created), iso(created + 48 * HOUR), solved ? 'solved' : 'open', solved ? iso(solved) : null)
      }
      if (rand() < 0.3 && moves < size.movements) {
        const qty = 1 + Math.floor(rand() * 3)
        const short = rand() < 0.03
        const part = pick(parts)
        const reqId = Number(ins.req.run(`RLL${String(++reqNo).padStart(7, '0')}`, woId, short ? 'closed' : 'issued', qty * 2000, iso(opened + HOUR), iso(opened + 2 * HOUR), iso(opened), iso(opened)).lastInsertRowid)
        ins.reqLine.run(reqId, part, qty, short ? qty - 1 : qty)
        const posting = Number(ins.posting.run('issue', iso(opened + 3 * HOUR), '仓管', `LL${reqNo}`).lastInsertRowid)
        if (!short || qty > 1) ins.move.run(posting, 'issue', iso(opened + 3 * HOUR), part, -(short ? qty - 1 : qty), woId), moves++
      }
    }
    // The rest of the journal: receipts and over-the-counter issues spread over the history.
    for (; moves < size.movements; moves += 2) {
      const at = iso(t0 + Math.floor(rand() * span))
      const part = pick(parts)
      const posting = Number(ins.posting.run('receipt', at, '仓管', null).lastInsertRowid)
      ins.move.run(posting, 'receipt', at, part, 5, null)
      ins.move.run(posting, 'receipt', at, pick(parts), 5, null)
    }
    // A count at the end of each month: forty lines, about one in forty different from the books.
    for (let m = t0 + 28 * 24 * HOUR, n = 0; m < t0 + span; m += 30.4 * 24 * HOUR, n++) {
      const count = Number(ins.count.run(`RPD${String(n + 1).padStart(4, '0')}`, iso(m), iso(m + 8 * HOUR)).lastInsertRowid)
      const seen = new Set<number>()
      for (let k = 0; k < 40; k++) {
        const part = pick(parts)
        if (seen.has(part)) continue
        seen.add(part)
        const off = rand() < 0.025
        ins.countLine.run(count, part, off ? 99 : 100, 100, iso(m + 2 * HOUR), off ? '破损' : null)
      }
    }
  })()
}
