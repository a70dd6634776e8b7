/**
 * The records behind a figure: the same rules as sources.ts, row by row, so that anyone can check
 * a figure by opening what it counted. Misses come first.
 */
import type { ReadDb } from '../../db/types'
import type { FigureKey, PeriodKind, RecordRow } from '../../../shared/contract/reports'
import { toLocalDate } from '../../../shared/time'
import { readSettings } from '../settings/settings'
import { verifyLedger } from '../parts/ledger'
import { periodOf, type Range } from './period'
import * as src from './sources'

type Row = RecordRow

const base = (r: Partial<Row> & Pick<Row, 'kind' | 'id' | 'label' | 'link'>): Row => ({
  customerId: null,
  customerName: null,
  staffName: null,
  due: null,
  actual: null,
  value: null,
  note: null,
  ok: null,
  ...r
})
const bool = (x: number | null): boolean | null => (x === null ? null : x === 1)
const HOUR = 3_600_000

function timeliness(db: ReadDb, r: Range, now: string): Row[] {
  if (!src.hasTables(db, 'work_orders')) return []
  const met = src.onsiteMetSql(db)
  const rows = db
    .prepare(
      `SELECT w.id, w.number, w.customer_id AS customerId, c.name AS customerName, s.name AS staffName, w.kind,
              CASE w.kind WHEN 'shop' THEN w.promised_at ELSE w.response_due_at END AS due,
              CASE w.kind WHEN 'shop' THEN w.delivered_at ELSE coalesce(w.arrived_at, w.answered_at) END AS actual,
              CASE w.kind WHEN 'shop' THEN w.delivered_at <= w.promised_at ELSE ${met} END AS ok
       FROM work_orders w JOIN customers c ON c.id = w.customer_id LEFT JOIN staff s ON s.id = w.advisor_id
       WHERE (w.kind = 'shop' AND w.delivered_at >= @start AND w.delivered_at < @end AND w.promised_at IS NOT NULL)
          OR (w.kind = 'onsite' AND w.response_due_at >= @start AND w.response_due_at < @end AND w.status NOT IN ('cancelled', 'declined')
              AND (w.response_due_at <= @now OR ${met}))`
    )
    .all({ start: r.start, end: r.end, now }) as Array<{ id: number; number: string; customerId: number; customerName: string; staffName: string | null; kind: string; due: string; actual: string | null; ok: number }>
  return rows.map((w) =>
    base({ kind: 'workorder', id: w.id, label: w.number, customerId: w.customerId, customerName: w.customerName, staffName: w.staffName, due: w.due, actual: w.actual, note: w.kind, ok: w.ok === 1, link: `#/workorders/${w.id}` })
  )
}

function satisfaction(db: ReadDb, r: Range): Row[] {
  if (!src.hasTables(db, 'followup_calls')) return []
  const rows = db
    .prepare(
      `SELECT k.id, k.customer_id AS customerId, c.name AS customerName, k.staff_name AS staffName, k.at, k.satisfaction, w.number AS woNumber
       FROM followup_calls k LEFT JOIN customers c ON c.id = k.customer_id LEFT JOIN work_orders w ON w.id = k.work_order_id
       WHERE k.at >= ? AND k.at < ? AND k.direction = 'out' AND k.outcome = 'reached' AND k.satisfaction IS NOT NULL`
    )
    .all(r.start, r.end) as Array<{ id: number; customerId: number | null; customerName: string | null; staffName: string; at: string; satisfaction: number; woNumber: string | null }>
  return rows.map((k) =>
    base({ kind: 'call', id: k.id, label: k.woNumber ?? `#${k.id}`, customerId: k.customerId, customerName: k.customerName, staffName: k.staffName, actual: k.at, value: k.satisfaction, ok: k.satisfaction >= 4, link: k.customerId ? `#/customers/${k.customerId}` : `#/followup/calls/${k.id}` })
  )
}

function complaints(db: ReadDb, r: Range): Row[] {
  if (!src.hasTables(db, 'followup_complaints')) return []
  const rows = db
    .prepare(
      `SELECT f.id, f.customer_id AS customerId, c.name AS customerName, s.name AS staffName, f.received_at AS at, f.category, f.department,
              f.service_fault AS fault, w.number AS woNumber
       FROM followup_complaints f JOIN customers c ON c.id = f.customer_id LEFT JOIN staff s ON s.id = f.staff_id
       LEFT JOIN work_orders w ON w.id = f.work_order_id
       WHERE f.received_at >= ? AND f.received_at < ?`
    )
    .all(r.start, r.end) as Array<{ id: number; customerId: number; customerName: string; staffName: string | null; at: string; category: string; department: string | null; fault: number | null; woNumber: string | null }>
  // A complaint that was the service's fault is what the figure counts: it is the miss.
  return rows.map((f) =>
    base({ kind: 'complaint', id: f.id, label: f.woNumber ?? `#${f.id}`, customerId: f.customerId, customerName: f.customerName, staffName: f.staffName, actual: f.at, note: [f.category, f.department].filter(Boolean).join(' / '), ok: f.fault === null ? null : f.fault === 0, link: `#/followup/complaints/${f.id}` })
  )
}

function warrantyFollowup(db: ReadDb, r: Range, today: string, timeZone: string): Row[] {
  const calls = src.warrantyFirstCalls(db, r, today)
  if (calls.length === 0) return []
  const names = db.prepare('SELECT w.number, c.name FROM work_orders w JOIN customers c ON c.id = w.customer_id WHERE w.id = ?')
  return calls.map((t) => {
    const n = names.get(t.workOrderId) as { number: string; name: string }
    return base({ kind: 'task', id: t.taskId, label: n.number, customerId: t.customerId, customerName: n.name, due: t.dueBy, actual: t.firstReachedAt, ok: src.calledInWindow(t, timeZone), link: `#/customers/${t.customerId}` })
  })
}

function requisitions(db: ReadDb, r: Range): Row[] {
  if (!src.hasTables(db, 'requisitions')) return []
  const rows = db
    .prepare(
      `SELECT q.id, q.number, q.status, q.decided_at AS decidedAt, q.decided_by_name AS staffName, w.customer_id AS customerId, c.name AS customerName,
              sum(l.qty) AS approved, sum(l.issued_qty) AS issued, sum(l.issued_qty <> l.qty) AS off
       FROM requisitions q JOIN requisition_lines l ON l.requisition_id = q.id JOIN work_orders w ON w.id = q.work_order_id
       JOIN customers c ON c.id = w.customer_id
       WHERE q.decided_at >= ? AND q.decided_at < ? AND q.status IN ('issued', 'closed') GROUP BY q.id`
    )
    .all(r.start, r.end) as Array<{ id: number; number: string; status: string; decidedAt: string; staffName: string | null; customerId: number; customerName: string; approved: number; issued: number; off: number }>
  return rows.map((q) =>
    base({ kind: 'requisition', id: q.id, label: q.number, customerId: q.customerId, customerName: q.customerName, staffName: q.staffName, due: q.decidedAt, value: q.issued, note: `${q.issued}/${q.approved}`, ok: q.off === 0, link: `#/parts/requisitions/${q.id}` })
  )
}

function countLines(db: ReadDb, r: Range): Row[] {
  if (!src.hasTables(db, 'part_counts')) return []
  const rows = db
    .prepare(
      `SELECT l.id, c.id AS countId, c.number, p.part_no AS partNo, p.name, l.expected_qty AS expected, l.counted_qty AS counted, c.posted_at AS postedAt, l.reason
       FROM part_counts c JOIN part_count_lines l ON l.count_id = c.id JOIN parts p ON p.id = l.part_id
       WHERE c.status = 'posted' AND c.posted_at >= ? AND c.posted_at < ? AND l.counted_qty IS NOT NULL`
    )
    .all(r.start, r.end) as Array<{ id: number; countId: number; number: string; partNo: string; name: string; expected: number; counted: number; postedAt: string; reason: string | null }>
  return rows.map((l) =>
    base({ kind: 'count_line', id: l.id, label: `${l.number} · ${l.partNo} ${l.name}`, actual: l.postedAt, value: l.counted - l.expected, note: l.reason, ok: l.counted === l.expected, link: `#/parts/counts/${l.countId}` })
  )
}

function ledger(db: ReadDb): Row[] {
  if (!src.hasTables(db, 'part_balances')) return []
  const v = verifyLedger(db)
  // Only the mismatches: listing every agreeing balance of the shop helps nobody check anything.
  return v.mismatches.map((m) =>
    base({ kind: 'ledger', id: m.partId, label: m.partNo, value: m.cached - m.journal, note: `${m.cached} / ${m.journal} @${m.locationId}`, ok: false, link: `#/parts/${m.partId}` })
  )
}

function solved(db: ReadDb, r: Range): Row[] {
  if (!src.hasTables(db, 'followup_requests', 'followup_complaints')) return []
  const req = db
    .prepare(
      `SELECT q.id, q.customer_id AS customerId, c.name AS customerName, s.name AS staffName, q.created_at AS a, q.solved_at AS b, q.text
       FROM followup_requests q JOIN customers c ON c.id = q.customer_id LEFT JOIN staff s ON s.id = q.solved_by
       WHERE q.solved_at >= ? AND q.solved_at < ?`
    )
    .all(r.start, r.end) as Array<{ id: number; customerId: number; customerName: string; staffName: string | null; a: string; b: string; text: string }>
  const com = db
    .prepare(
      `SELECT f.id, f.customer_id AS customerId, c.name AS customerName, s.name AS staffName, f.received_at AS a, f.resolved_at AS b, f.description AS text
       FROM followup_complaints f JOIN customers c ON c.id = f.customer_id LEFT JOIN staff s ON s.id = f.staff_id
       WHERE f.resolved_at >= ? AND f.resolved_at < ?`
    )
    .all(r.start, r.end) as typeof req
  const row = (kind: 'request' | 'complaint') => (x: (typeof req)[number]) =>
    base({ kind, id: x.id, label: x.text.slice(0, 40), customerId: x.customerId, customerName: x.customerName, staffName: x.staffName, due: x.a, actual: x.b, value: Math.round(((Date.parse(x.b) - Date.parse(x.a)) / HOUR) * 10) / 10, link: `#/followup/${kind}s/${x.id}` })
  return [...req.map(row('request')), ...com.map(row('complaint'))]
}

function appointments(db: ReadDb, r: Range, figure: FigureKey): Row[] {
  if (!src.hasTables(db, 'appointments')) return []
  if (figure === 'bookingRate') {
    const rows = db
      .prepare(
        `SELECT w.id, w.number, w.customer_id AS customerId, c.name AS customerName, s.name AS staffName, w.opened_at AS at, w.appointment_id AS appt
         FROM work_orders w JOIN customers c ON c.id = w.customer_id LEFT JOIN staff s ON s.id = w.advisor_id
         WHERE w.kind = 'shop' AND w.opened_at >= ? AND w.opened_at < ?`
      )
      .all(r.start, r.end) as Array<{ id: number; number: string; customerId: number; customerName: string; staffName: string | null; at: string; appt: number | null }>
    return rows.map((w) => base({ kind: 'workorder', id: w.id, label: w.number, customerId: w.customerId, customerName: w.customerName, staffName: w.staffName, actual: w.at, ok: w.appt !== null, link: `#/workorders/${w.id}` }))
  }
  const rows = db
    .prepare(
      `SELECT a.id, a.customer_id AS customerId, c.name AS customerName, s.name AS staffName, a.starts_at AS startsAt, a.arrived_at AS arrivedAt, a.status, a.arrival
       FROM appointments a JOIN customers c ON c.id = a.customer_id LEFT JOIN staff s ON s.id = a.advisor_id
       WHERE a.starts_at >= ? AND a.starts_at < ? AND (a.arrival IS NOT NULL OR a.status = 'no_show')`
    )
    .all(`${r.from}T00:00`, `${r.to}T24:00`) as Array<{ id: number; customerId: number; customerName: string; staffName: string | null; startsAt: string; arrivedAt: string | null; status: string; arrival: string | null }>
  return rows.map((a) =>
    base({ kind: 'appointment', id: a.id, label: a.startsAt.replace('T', ' '), customerId: a.customerId, customerName: a.customerName, staffName: a.staffName, due: a.startsAt, actual: a.arrivedAt, note: a.status === 'no_show' ? 'no_show' : a.arrival, ok: figure === 'noShow' ? a.status !== 'no_show' : a.arrival === 'on_time', link: `#/board/${a.startsAt.slice(0, 10)}` })
  )
}

/** The rows behind one figure of a period, misses first, then the unjudged, then the rest. */
export function recordsOf(db: ReadDb, figure: FigureKey, kind: PeriodKind, date: string, now: Date, limit: number): { rows: Row[]; more: boolean } {
  const timeZone = readSettings(db).timeZone
  const r = periodOf(kind, date, timeZone)
  const nowIso = now.toISOString()
  const today = toLocalDate(now, timeZone)
  const all: Row[] = (() => {
    switch (figure) {
      case 'timeliness': return timeliness(db, r, nowIso)
      case 'satisfaction': return satisfaction(db, r)
      case 'serviceFaultComplaints': return complaints(db, r)
      case 'warrantyFollowup': return warrantyFollowup(db, r, today, timeZone)
      case 'requisitionAccuracy': return requisitions(db, r)
      case 'countVariance': return countLines(db, r)
      case 'ledgerAgreement': return r.from <= today && today <= r.to ? ledger(db) : []
      case 'solveMedian':
      case 'solveWorst': return solved(db, r).sort((a, b) => (b.value ?? 0) - (a.value ?? 0))
      default: return appointments(db, r, figure)
    }
  })()
  const rank = (x: Row): number => (x.ok === false ? 0 : x.ok === null ? 1 : 2)
  const sorted = figure === 'solveMedian' || figure === 'solveWorst' ? all : all.map((x, i) => ({ x, i })).sort((a, b) => rank(a.x) - rank(b.x) || a.i - b.i).map((y) => y.x)
  return { rows: sorted.slice(0, limit), more: sorted.length > limit }
}
