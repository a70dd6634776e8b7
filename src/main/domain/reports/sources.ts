/**
 * What each figure counts, straight from the other parts' records. Each function takes one period
 * and returns what was judged (`den`), what met the rule (`num`) and the counts shown beside it;
 * nothing judged means no data, never a zero.
 */
import type { ReadDb } from '../../db/types'
import { addDays, fromLocal } from '../../../shared/time'
import { readWoSettings } from '../workorders/settings'
import { verifyLedger } from '../parts/ledger'
import { figures as appointmentFigures } from '../appointments/figures'
import type { Range } from './period'

export interface Count {
  num: number
  den: number
  parts: Record<string, number | null>
}

export interface Hours {
  values: number[]
  parts: Record<string, number | null>
}

const tables = new WeakMap<ReadDb, Set<string>>()
/** A part not built yet has no tables: its figures are "no data". */
export function hasTables(db: ReadDb, ...names: string[]): boolean {
  let known = tables.get(db)
  if (!known || names.some((n) => !known!.has(n))) {
    known = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[])
    tables.set(db, known)
  }
  return names.every((n) => known!.has(n))
}

/** Near visits must be on site by the due time; far ones (or with a supplier) answered by it. */
export function onsiteMetSql(db: ReadDb): string {
  const nearKm = readWoSettings(db).onsiteNearKm
  return `(CASE WHEN onsite_distance_km IS NOT NULL AND onsite_distance_km <= ${Number(nearKm)} AND supplier_involved = 0
      THEN arrived_at IS NOT NULL AND arrived_at <= response_due_at
      ELSE (arrived_at IS NOT NULL AND arrived_at <= response_due_at) OR (answered_at IS NOT NULL AND answered_at <= response_due_at) END)`
}

export const SHOP_TIMELINESS_SQL = `SELECT count(*) AS den, coalesce(sum(delivered_at <= promised_at), 0) AS num
  FROM work_orders WHERE delivered_at >= ? AND delivered_at < ? AND kind = 'shop' AND promised_at IS NOT NULL`

export function timeliness(db: ReadDb, r: Range, now: string): Count {
  if (!hasTables(db, 'work_orders')) return { num: 0, den: 0, parts: {} }
  const shop = db.prepare(SHOP_TIMELINESS_SQL).get(r.start, r.end) as { den: number; num: number }
  const noPromise = db
    .prepare(`SELECT count(*) FROM work_orders WHERE delivered_at >= ? AND delivered_at < ? AND kind = 'shop' AND promised_at IS NULL`)
    .pluck()
    .get(r.start, r.end) as number
  const met = onsiteMetSql(db)
  // A visit is judged once its due time has passed, or earlier if it already met it.
  const onsite = db
    .prepare(
      `SELECT count(*) AS den, coalesce(sum(${met}), 0) AS num FROM work_orders
       WHERE response_due_at >= ? AND response_due_at < ? AND kind = 'onsite' AND status NOT IN ('cancelled', 'declined')
         AND (response_due_at <= ? OR ${met})`
    )
    .get(r.start, r.end, now) as { den: number; num: number }
  return {
    num: shop.num + onsite.num,
    den: shop.den + onsite.den,
    parts: { shopOnTime: shop.num, shopDelivered: shop.den, shopNoPromise: noPromise, onsiteOnTime: onsite.num, onsiteDue: onsite.den }
  }
}

export const SATISFACTION_SQL = `SELECT count(*) AS calls, coalesce(sum(outcome = 'reached'), 0) AS reached,
    coalesce(sum(outcome = 'reached' AND satisfaction IS NOT NULL), 0) AS den,
    coalesce(sum(outcome = 'reached' AND satisfaction >= 4), 0) AS num
  FROM followup_calls WHERE at >= ? AND at < ? AND direction = 'out'`

/** Calls that reached the customer and got a score; a call not reached is neither satisfied nor not. */
export function satisfaction(db: ReadDb, r: Range): Count {
  if (!hasTables(db, 'followup_calls')) return { num: 0, den: 0, parts: {} }
  const s = db.prepare(SATISFACTION_SQL).get(r.start, r.end) as { calls: number; reached: number; den: number; num: number }
  return { num: s.num, den: s.den, parts: { calls: s.calls, reached: s.reached, notReached: s.calls - s.reached } }
}

export const DELIVERED_SQL = `SELECT count(*) FROM work_orders WHERE delivered_at >= ? AND delivered_at < ?`

export function serviceFaultComplaints(db: ReadDb, r: Range): Count {
  if (!hasTables(db, 'followup_complaints', 'work_orders')) return { num: 0, den: 0, parts: {} }
  const delivered = db.prepare(DELIVERED_SQL).pluck().get(r.start, r.end) as number
  const c = db
    .prepare(
      `SELECT count(*) AS complaints, coalesce(sum(service_fault = 1), 0) AS fault, coalesce(sum(service_fault IS NULL), 0) AS undecided
       FROM followup_complaints WHERE received_at >= ? AND received_at < ?`
    )
    .get(r.start, r.end) as { complaints: number; fault: number; undecided: number }
  return { num: c.fault, den: delivered, parts: { complaints: c.complaints, serviceFault: c.fault, undecided: c.undecided, delivered } }
}

export interface FirstCallRow {
  taskId: number
  workOrderId: number
  customerId: number
  dueFrom: string
  dueBy: string
  status: string
  firstReachedAt: string | null
}

/** First calls due in the period for deliveries of a vehicle that was under warranty when it left. */
export function warrantyFirstCalls(db: ReadDb, r: Range, today: string): FirstCallRow[] {
  if (!hasTables(db, 'followup_tasks', 'followup_calls', 'wo_warranties', 'work_orders')) return []
  return db
    .prepare(
      `SELECT t.id AS taskId, t.work_order_id AS workOrderId, t.customer_id AS customerId, t.due_from AS dueFrom, t.due_by AS dueBy,
              t.status, (SELECT min(c.at) FROM followup_calls c WHERE c.task_id = t.id AND c.outcome = 'reached') AS firstReachedAt
       FROM followup_tasks t JOIN work_orders w ON w.id = t.work_order_id
       WHERE t.kind = 'first_call' AND t.due_by >= ? AND t.due_by <= ? AND t.status <> 'cancelled'
         AND (t.due_by < ? OR t.status = 'done')
         AND EXISTS (SELECT 1 FROM wo_warranties y WHERE y.vehicle_id = t.vehicle_id AND y.starts_at <= w.delivered_at AND y.ends_on >= t.reason_date)`
    )
    .all(r.from, r.to, today) as FirstCallRow[]
}

const dayEnds = new Map<string, string>()
/** The first instant after a shop-local day, ISO (memoised: a month has at most 31 of them). */
function dayEnd(date: string, timeZone: string): string {
  const key = `${timeZone}|${date}`
  let end = dayEnds.get(key)
  if (!end) {
    end = fromLocal(addDays(date, 1), timeZone).toISOString()
    if (dayEnds.size > 5000) dayEnds.clear()
    dayEnds.set(key, end)
  }
  return end
}

/** Reached on or before the last day of its window, in the shop's calendar. */
export const calledInWindow = (row: FirstCallRow, timeZone: string): boolean =>
  row.firstReachedAt !== null && row.firstReachedAt < dayEnd(row.dueBy, timeZone)

/**
 * The vehicle was under warranty when it left: a warranty of the vehicle that had started by the
 * delivery and still ran on the task's reason date. Written for the indexes: the warranty is
 * sought by (vehicle, end) in reports_warranties_vehicle, and the delivery is read from
 * reports_wo_delivered_id (not the wide work order row) only for a warranty that could match.
 */
export const UNDER_WARRANTY_SQL = `EXISTS (SELECT 1 FROM wo_warranties y WHERE y.vehicle_id = t.vehicle_id AND y.ends_on >= t.reason_date
    AND y.starts_at <= (SELECT w.delivered_at FROM work_orders w INDEXED BY reports_wo_delivered_id WHERE w.id = t.work_order_id AND w.delivered_at IS NOT NULL))`

/** The same rule as warrantyFirstCalls, counted in SQL: each day's end is an index range on the call's time. */
export function warrantyFollowup(db: ReadDb, r: Range, today: string, timeZone: string): Count {
  if (!hasTables(db, 'followup_tasks', 'followup_calls', 'wo_warranties', 'work_orders')) return { num: 0, den: 0, parts: {} }
  const days: string[] = []
  for (let d = r.from; d <= r.to; d = addDays(d, 1)) days.push(`('${d}', '${dayEnd(d, timeZone)}')`)
  const c = db
    .prepare(
      `WITH d(day, ends) AS (VALUES ${days.join(', ')}),
       j AS (SELECT EXISTS (SELECT 1 FROM followup_calls c WHERE c.task_id = t.id AND c.outcome = 'reached' AND c.at < d.ends) AS inWindow,
                    EXISTS (SELECT 1 FROM followup_calls c WHERE c.task_id = t.id AND c.outcome = 'reached') AS reached
             FROM d JOIN followup_tasks t ON t.due_by = d.day
             WHERE t.kind = 'first_call' AND t.due_by >= ? AND t.due_by <= ? AND t.status <> 'cancelled' AND (t.due_by < ? OR t.status = 'done')
               AND ${UNDER_WARRANTY_SQL})
       SELECT count(*) AS den, coalesce(sum(inWindow), 0) AS num, coalesce(sum(reached AND NOT inWindow), 0) AS late FROM j`
    )
    .get(r.from, r.to, today) as { den: number; num: number; late: number }
  return { num: c.num, den: c.den, parts: { due: c.den, calledInWindow: c.num, late: c.late } }
}

export const REQUISITIONS_SQL = `SELECT count(*) AS approved, coalesce(sum(finished), 0) AS finished, coalesce(sum(finished AND off = 0), 0) AS asApproved
  FROM (SELECT r.status IN ('issued', 'closed') AS finished,
               (SELECT count(*) FROM requisition_lines l WHERE l.requisition_id = r.id AND l.issued_qty <> l.qty) AS off
        FROM requisitions r WHERE r.decided_at >= ? AND r.decided_at < ? AND r.status IN ('approved', 'partly_issued', 'issued', 'closed'))`

/** Approved requisitions whose issuing is finished: issued exactly as approved, line by line. */
export function requisitionAccuracy(db: ReadDb, r: Range): Count {
  if (!hasTables(db, 'requisitions')) return { num: 0, den: 0, parts: {} }
  const c = db.prepare(REQUISITIONS_SQL).get(r.start, r.end) as { approved: number; finished: number; asApproved: number }
  return { num: c.asApproved, den: c.finished, parts: { approved: c.approved, finished: c.finished, asApproved: c.asApproved, stillOpen: c.approved - c.finished } }
}

export const COUNT_LINES_SQL = `SELECT count(*) AS den, coalesce(sum(l.counted_qty <> l.expected_qty), 0) AS num
  FROM part_counts c JOIN part_count_lines l ON l.count_id = c.id
  WHERE c.status = 'posted' AND c.posted_at >= ? AND c.posted_at < ? AND l.counted_qty IS NOT NULL`

/** Lines of posted stock counts whose counted quantity differed from the books. */
export function countVariance(db: ReadDb, r: Range): Count {
  if (!hasTables(db, 'part_counts', 'part_count_lines')) return { num: 0, den: 0, parts: {} }
  const c = db.prepare(COUNT_LINES_SQL).get(r.start, r.end) as { den: number; num: number }
  return { num: c.num, den: c.den, parts: { linesCounted: c.den, linesDiffering: c.num } }
}

/** 帳物一致 as of now: every cached balance against what the journal sums to (the parts part's own check). */
export function ledgerAgreement(db: ReadDb): Count {
  if (!hasTables(db, 'part_movements', 'part_balances')) return { num: 0, den: 0, parts: {} }
  const v = verifyLedger(db)
  return { num: v.checked - v.mismatches.length, den: v.checked, parts: { balances: v.checked, mismatches: v.mismatches.length } }
}

const HOUR = 3_600_000

/** Hours from a problem reported to solved: requests solved and complaints resolved in the period. */
export function solveHours(db: ReadDb, r: Range, now: string): Hours {
  if (!hasTables(db, 'followup_requests', 'followup_complaints')) return { values: [], parts: {} }
  const req = db
    .prepare(`SELECT created_at AS a, solved_at AS b FROM followup_requests WHERE solved_at >= ? AND solved_at < ?`)
    .all(r.start, r.end) as Array<{ a: string; b: string }>
  const com = db
    .prepare(`SELECT received_at AS a, resolved_at AS b FROM followup_complaints WHERE resolved_at >= ? AND resolved_at < ?`)
    .all(r.start, r.end) as Array<{ a: string; b: string }>
  const open = db
    .prepare(`SELECT count(*) FROM followup_requests WHERE status = 'open' AND due_at < ? AND created_at < ?`)
    .pluck()
    .get(now, r.end) as number
  const values = [...req, ...com].map((x) => (Date.parse(x.b) - Date.parse(x.a)) / HOUR)
  return { values, parts: { requests: req.length, complaints: com.length, openOverdue: open } }
}

export function median(xs: number[]): number | null {
  if (xs.length === 0) return null
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

export interface AppointmentCounts {
  intake: number
  bookedIntake: number
  onTime: number
  late: number
  noShow: number
  bookings: number
}

/** The board's own figures (appointments.figures), summed over the period's days. */
export function appointmentCounts(db: ReadDb, r: Range): AppointmentCounts {
  const sum: AppointmentCounts = { intake: 0, bookedIntake: 0, onTime: 0, late: 0, noShow: 0, bookings: 0 }
  if (!hasTables(db, 'appointments')) return sum
  for (const row of appointmentFigures(db, 'day', r.from, r.to)) {
    sum.intake += row.intake
    sum.bookedIntake += row.bookedIntake
    sum.onTime += row.onTime
    sum.late += row.late
    sum.noShow += row.noShow
    sum.bookings += row.bookings
  }
  return sum
}
