import type { ReadDb } from '../../db/types'
import type { Figure } from '../../../shared/contract/reports'
import { addDays } from '../../../shared/time'
import { readSettings } from '../settings/settings'
import { figuresFor } from './kpi'
import { localRange, periodOf, type Range } from './period'
import { readTargets } from './targets'
import { hasTables } from './sources'

export interface WeeklyData {
  from: string
  to: string
  calls: { made: number; reached: number; byScore: number[]; firstCallsDue: number; firstCallsDone: number }
  figures: Figure[]
  /** Department → category → [complaints, of them the service's fault]. */
  complaintsByDepartment: Array<{ department: string; counts: Record<string, number>; total: number; serviceFault: number }>
  complaints: Array<{ id: number; receivedAt: string; customer: string; category: string; department: string | null; status: string; serviceFault: number | null; description: string }>
  requests: { opened: number; solved: number; solvedInTime: number; openOverdue: number }
  /** Satisfaction of the eight weeks up to this one, oldest first. */
  weeks: Array<{ label: string; satisfaction: number | null }>
}

const CATEGORIES = ['attitude', 'quality', 'parts', 'price', 'time']

/** The week's follow-up work for the departments' meeting: calls, satisfaction, complaints by department, requests. */
export function weeklyFollowup(db: ReadDb, date: string, now: Date): WeeklyData {
  const tz = readSettings(db).timeZone
  const r = periodOf('week', date, tz)
  const { targets } = readTargets(db)
  const at = { now, timeZone: tz }
  const figures = figuresFor(db, r, targets, at, false).filter((f) => ['satisfaction', 'warrantyFollowup', 'serviceFaultComplaints', 'solveMedian', 'solveWorst'].includes(f.key))
  const data: WeeklyData = {
    from: r.from,
    to: r.to,
    calls: { made: 0, reached: 0, byScore: [0, 0, 0, 0, 0], firstCallsDue: 0, firstCallsDone: 0 },
    figures,
    complaintsByDepartment: [],
    complaints: [],
    requests: { opened: 0, solved: 0, solvedInTime: 0, openOverdue: 0 },
    weeks: []
  }
  if (!hasTables(db, 'followup_calls', 'followup_complaints', 'followup_requests', 'followup_tasks')) return data
  const c = db
    .prepare(`SELECT count(*) AS made, coalesce(sum(outcome = 'reached'), 0) AS reached FROM followup_calls WHERE at >= ? AND at < ? AND direction = 'out'`)
    .get(r.start, r.end) as { made: number; reached: number }
  const scores = db
    .prepare(`SELECT satisfaction AS s, count(*) AS n FROM followup_calls WHERE at >= ? AND at < ? AND direction = 'out' AND outcome = 'reached' AND satisfaction IS NOT NULL GROUP BY satisfaction`)
    .all(r.start, r.end) as Array<{ s: number; n: number }>
  for (const s of scores) data.calls.byScore[s.s - 1] = s.n
  const first = db
    .prepare(`SELECT count(*) AS due, coalesce(sum(status = 'done'), 0) AS done FROM followup_tasks WHERE kind = 'first_call' AND due_by >= ? AND due_by <= ? AND status <> 'cancelled'`)
    .get(r.from, r.to) as { due: number; done: number }
  data.calls = { ...data.calls, made: c.made, reached: c.reached, firstCallsDue: first.due, firstCallsDone: first.done }
  data.complaints = db
    .prepare(
      `SELECT f.id, f.received_at AS receivedAt, c.name AS customer, f.category, f.department, f.status, f.service_fault AS serviceFault, f.description
       FROM followup_complaints f JOIN customers c ON c.id = f.customer_id WHERE f.received_at >= ? AND f.received_at < ? ORDER BY f.department, f.received_at`
    )
    .all(r.start, r.end) as WeeklyData['complaints']
  const byDept = new Map<string, WeeklyData['complaintsByDepartment'][number]>()
  for (const k of data.complaints) {
    const dept = k.department ?? 'unassigned'
    const row = byDept.get(dept) ?? { department: dept, counts: Object.fromEntries(CATEGORIES.map((x) => [x, 0])), total: 0, serviceFault: 0 }
    row.counts[k.category] = (row.counts[k.category] ?? 0) + 1
    row.total++
    if (k.serviceFault === 1) row.serviceFault++
    byDept.set(dept, row)
  }
  data.complaintsByDepartment = [...byDept.values()]
  data.requests = db
    .prepare(
      `SELECT (SELECT count(*) FROM followup_requests WHERE created_at >= @start AND created_at < @end) AS opened,
              (SELECT count(*) FROM followup_requests WHERE solved_at >= @start AND solved_at < @end) AS solved,
              (SELECT count(*) FROM followup_requests WHERE solved_at >= @start AND solved_at < @end AND solved_at <= due_at) AS solvedInTime,
              (SELECT count(*) FROM followup_requests WHERE status = 'open' AND due_at < @end) AS openOverdue`
    )
    .get({ start: r.start, end: r.end }) as WeeklyData['requests']
  for (let i = 7; i >= 0; i--) {
    const from = addDays(r.from, -7 * i)
    const w: Range = localRange(from, addDays(from, 6), tz)
    const s = db
      .prepare(`SELECT count(*) AS den, coalesce(sum(satisfaction >= 4), 0) AS num FROM followup_calls WHERE at >= ? AND at < ? AND direction = 'out' AND outcome = 'reached' AND satisfaction IS NOT NULL`)
      .get(w.start, w.end) as { den: number; num: number }
    data.weeks.push({ label: from.slice(5), satisfaction: s.den ? Math.round((s.num / s.den) * 1000) / 10 : null })
  }
  return data
}
