import type { ReadDb } from '../../db/types'
import type { PeriodKind, StaffRow } from '../../../shared/contract/reports'
import { addDays, toLocalDate } from '../../../shared/time'
import { readSettings } from '../settings/settings'
import { periodOf } from './period'
import { hasTables } from './sources'

/**
 * Each person's work in a period. Jobs are the orders they took in (advisor) that were finished in
 * it; an on-site visit belongs to the technician named on the order when that name is a member of
 * staff, else to its advisor; satisfaction is of the customers they served (the order's advisor).
 */
export function staffFigures(db: ReadDb, kind: PeriodKind, date: string, only: number | null): StaffRow[] {
  const tz = readSettings(db).timeZone
  const r = periodOf(kind, date, tz)
  const people = db.prepare('SELECT id, name, active FROM staff ORDER BY name').all() as Array<{ id: number; name: string; active: number }>
  const rows = new Map<number, StaffRow>(
    people.map((p) => [p.id, { staffId: p.id, name: p.name, jobsDone: 0, onsiteVisits: 0, onsiteDays: 0, calls: 0, callsReached: 0, scoredCalls: 0, satisfiedCalls: 0, satisfaction: null }])
  )
  const byName = new Map(people.map((p) => [p.name, p.id]))
  if (hasTables(db, 'work_orders')) {
    const jobs = db
      .prepare(
        `SELECT advisor_id AS id, count(*) AS n FROM work_orders
         WHERE done_at >= ? AND done_at < ? AND status IN ('done', 'delivered') AND advisor_id IS NOT NULL GROUP BY advisor_id`
      )
      .all(r.start, r.end) as Array<{ id: number; n: number }>
    for (const j of jobs) rows.get(j.id) && (rows.get(j.id)!.jobsDone = j.n)
    const visits = db
      .prepare(
        `SELECT advisor_id AS advisorId, technician, arrived_at AS arrivedAt, coalesce(done_at, arrived_at) AS leftAt FROM work_orders
         WHERE kind = 'onsite' AND arrived_at >= ? AND arrived_at < ? AND status NOT IN ('cancelled', 'declined')`
      )
      .all(r.start, r.end) as Array<{ advisorId: number | null; technician: string | null; arrivedAt: string; leftAt: string }>
    const days = new Map<number, Set<string>>()
    for (const v of visits) {
      const who = (v.technician && byName.get(v.technician.trim())) || v.advisorId
      const row = who ? rows.get(who) : undefined
      if (!row) continue
      row.onsiteVisits++
      const set = days.get(row.staffId) ?? new Set<string>()
      const last = toLocalDate(new Date(v.leftAt), tz)
      // A visit running over several days counts each; a runaway record stops at 31.
      for (let d = toLocalDate(new Date(v.arrivedAt), tz), i = 0; d <= last && i < 31; d = addDays(d, 1), i++) set.add(d)
      days.set(row.staffId, set)
    }
    for (const [id, set] of days) rows.get(id)!.onsiteDays = set.size
  }
  if (hasTables(db, 'followup_calls')) {
    const calls = db
      .prepare(
        `SELECT staff_id AS id, count(*) AS n, sum(outcome = 'reached') AS reached FROM followup_calls
         WHERE at >= ? AND at < ? AND direction = 'out' GROUP BY staff_id`
      )
      .all(r.start, r.end) as Array<{ id: number; n: number; reached: number }>
    for (const c of calls) {
      const row = rows.get(c.id)
      if (row) (row.calls = c.n), (row.callsReached = c.reached)
    }
    if (hasTables(db, 'work_orders')) {
      const served = db
        .prepare(
          `SELECT w.advisor_id AS id, count(*) AS scored, sum(k.satisfaction >= 4) AS satisfied
           FROM followup_calls k JOIN work_orders w ON w.id = k.work_order_id
           WHERE k.at >= ? AND k.at < ? AND k.direction = 'out' AND k.outcome = 'reached' AND k.satisfaction IS NOT NULL AND w.advisor_id IS NOT NULL
           GROUP BY w.advisor_id`
        )
        .all(r.start, r.end) as Array<{ id: number; scored: number; satisfied: number }>
      for (const s of served) {
        const row = rows.get(s.id)
        if (!row) continue
        row.scoredCalls = s.scored
        row.satisfiedCalls = s.satisfied
        row.satisfaction = Math.round((s.satisfied / s.scored) * 1000) / 10
      }
    }
  }
  const active = new Set(people.filter((p) => p.active === 1).map((p) => p.id))
  return [...rows.values()].filter((row) =>
    only !== null ? row.staffId === only : active.has(row.staffId) || row.jobsDone + row.onsiteVisits + row.calls + row.scoredCalls > 0
  )
}
