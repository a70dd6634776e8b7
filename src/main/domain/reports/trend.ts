/**
 * The twelve-month trend in one pass per figure: each figure's rows of the whole span grouped by
 * shop-local month. Grouping in SQL needs the zone's offset to be the same all year (true for
 * China, Hong Kong and Taiwan); a zone with summer time takes the month-by-month road instead.
 */
import type { ReadDb } from '../../db/types'
import type { TrendPoint } from '../../../shared/contract/reports'
import { addDays, fromLocal, offsetMinutes } from '../../../shared/time'
import { localRange, monthEnd } from './period'
import { hasTables, median, onsiteMetSql, UNDER_WARRANTY_SQL } from './sources'

const pct = (num: number, den: number): number | null => (den === 0 ? null : Math.round((num / den) * 1000) / 10)

/** The zone's offset if it is the same at every month start of the span (and its end), else null. */
export function steadyOffset(months: string[], timeZone: string): number | null {
  const instants = [...months.map((m) => `${m}-01`), monthEnd(months[months.length - 1]!)].map((d) => fromLocal(d, timeZone))
  const offsets = new Set(instants.map((i) => offsetMinutes(i, timeZone)))
  return offsets.size === 1 ? [...offsets][0]! : null
}

type Pair = { m: string; num: number; den: number }

export function groupedTrend(db: ReadDb, months: string[], timeZone: string, offset: number, now: string): TrendPoint[] {
  const span = localRange(`${months[0]}-01`, monthEnd(months[months.length - 1]!), timeZone)
  const shift = `${offset >= 0 ? '+' : ''}${offset} minutes`
  // Month of an instant by comparing with the months' first instants: plain text comparisons,
  // several times faster than datetime() on every row. The literals are our own ISO strings.
  const starts = months.map((m) => fromLocal(`${m}-01`, timeZone).toISOString())
  const month = (col: string) =>
    `CASE ${starts.slice(1).map((b, i) => `WHEN ${col} < '${b}' THEN '${months[i]}'`).join(' ')} ELSE '${months[months.length - 1]}' END`
  const args = { start: span.start, end: span.end, from: span.from, to: span.to, now, shift }
  const pairs = new Map<string, Map<string, { num: number; den: number }>>()
  const add = (key: string, rows: Pair[]) => {
    const byMonth = pairs.get(key) ?? new Map<string, { num: number; den: number }>()
    for (const r of rows) {
      const cur = byMonth.get(r.m) ?? { num: 0, den: 0 }
      byMonth.set(r.m, { num: cur.num + r.num, den: cur.den + r.den })
    }
    pairs.set(key, byMonth)
  }
  const all = (sql: string) => db.prepare(sql).all(args) as Pair[]
  // Plain counts are cheapest as one index range a month (no bucketing expression on every row).
  const ranges = months.map((m, i) => ({ m, start: starts[i]!, end: starts[i + 1] ?? span.end }))
  const perMonth = (sql: string): Pair[] => {
    const st = db.prepare(sql)
    return ranges.map((r) => ({ m: r.m, ...(st.get({ ...args, start: r.start, end: r.end }) as { num: number | null; den: number }) })).map((p) => ({ ...p, num: p.num ?? 0 }))
  }
  if (hasTables(db, 'work_orders')) {
    add('timeliness', perMonth(`SELECT count(*) AS den, sum(delivered_at <= promised_at) AS num FROM work_orders
      WHERE delivered_at >= @start AND delivered_at < @end AND kind = 'shop' AND promised_at IS NOT NULL`))
    const met = onsiteMetSql(db)
    add('timeliness', all(`SELECT ${month('response_due_at')} AS m, count(*) AS den, sum(${met}) AS num FROM work_orders
      WHERE response_due_at >= @start AND response_due_at < @end AND kind = 'onsite' AND status NOT IN ('cancelled', 'declined')
        AND (response_due_at <= @now OR ${met}) GROUP BY m`))
  }
  if (hasTables(db, 'followup_calls')) {
    add('satisfaction', perMonth(`SELECT count(*) AS den, sum(satisfaction >= 4) AS num FROM followup_calls
      WHERE at >= @start AND at < @end AND direction = 'out' AND outcome = 'reached' AND satisfaction IS NOT NULL`))
  }
  if (hasTables(db, 'followup_complaints', 'work_orders')) {
    add('serviceFaultComplaints', perMonth(`SELECT count(*) AS den, 0 AS num FROM work_orders WHERE delivered_at >= @start AND delivered_at < @end`))
    add('serviceFaultComplaints', all(`SELECT ${month('received_at')} AS m, 0 AS den, count(*) AS num FROM followup_complaints
      WHERE received_at >= @start AND received_at < @end AND service_fault = 1 GROUP BY m`))
  }
  if (hasTables(db, 'followup_tasks', 'followup_calls', 'wo_warranties', 'work_orders')) {
    // Each day's end as an instant, so "reached by the end of the window" is an index range on the call's time.
    const ends: string[] = []
    for (let d = span.from; d <= span.to; d = addDays(d, 1)) ends.push(`('${d}', '${new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000 - offset * 60_000).toISOString()}')`)
    add('warrantyFollowup', db.prepare(`WITH d(day, ends) AS (VALUES ${ends.join(', ')})
      SELECT substr(t.due_by, 1, 7) AS m, count(*) AS den,
        sum(EXISTS (SELECT 1 FROM followup_calls c WHERE c.task_id = t.id AND c.outcome = 'reached' AND c.at < d.ends)) AS num
      FROM d JOIN followup_tasks t ON t.due_by = d.day
      WHERE t.kind = 'first_call' AND t.due_by >= @from AND t.due_by <= @to AND t.status <> 'cancelled' AND (t.due_by < @today OR t.status = 'done')
        AND ${UNDER_WARRANTY_SQL}
      GROUP BY m`).all({ ...args, today: localToday(now, offset) }) as Pair[])
  }
  if (hasTables(db, 'requisitions')) {
    // Finished requisitions a month, less those with a line issued otherwise than approved: the
    // few such lines are read from their own small index (a filter on the month's requisitions,
    // `+r.id` so they are not looked up one by one in the table), not one look-up per requisition.
    add('requisitionAccuracy', perMonth(`SELECT count(*) AS den, count(*) AS num FROM requisitions r
      WHERE r.decided_at >= @start AND r.decided_at < @end AND r.status IN ('issued', 'closed')`))
    add('requisitionAccuracy', all(`SELECT ${month('r.decided_at')} AS m, 0 AS den, -count(*) AS num FROM requisitions r
      WHERE +r.id IN (SELECT l.requisition_id FROM requisition_lines l WHERE l.issued_qty <> l.qty)
        AND r.decided_at >= @start AND r.decided_at < @end AND r.status IN ('issued', 'closed') GROUP BY m`))
  }
  if (hasTables(db, 'part_counts', 'part_count_lines')) {
    add('countVariance', all(`SELECT ${month('c.posted_at')} AS m, count(*) AS den, sum(l.counted_qty <> l.expected_qty) AS num
      FROM part_counts c JOIN part_count_lines l ON l.count_id = c.id
      WHERE c.status = 'posted' AND c.posted_at >= @start AND c.posted_at < @end AND l.counted_qty IS NOT NULL GROUP BY m`))
  }
  const hours = new Map<string, number[]>()
  if (hasTables(db, 'followup_requests', 'followup_complaints')) {
    const rows = db.prepare(`SELECT ${month('solved_at')} AS m, (julianday(solved_at) - julianday(created_at)) * 24 AS h FROM followup_requests WHERE solved_at >= @start AND solved_at < @end
      UNION ALL SELECT ${month('resolved_at')} AS m, (julianday(resolved_at) - julianday(received_at)) * 24 AS h FROM followup_complaints WHERE resolved_at >= @start AND resolved_at < @end`).all(args) as Array<{ m: string; h: number }>
    for (const r of rows) hours.set(r.m, [...(hours.get(r.m) ?? []), r.h])
  }
  return months.map((m) => {
    const started = fromLocal(`${m}-01`, timeZone).toISOString() <= now
    const value = (key: string) => {
      const p = pairs.get(key)?.get(m)
      return started && p ? pct(p.num, p.den) : null
    }
    const med = started ? median(hours.get(m) ?? []) : null
    return {
      month: m,
      values: {
        timeliness: value('timeliness'),
        satisfaction: value('satisfaction'),
        serviceFaultComplaints: value('serviceFaultComplaints'),
        warrantyFollowup: value('warrantyFollowup'),
        requisitionAccuracy: value('requisitionAccuracy'),
        countVariance: value('countVariance'),
        solveMedian: med === null ? null : Math.round(med * 10) / 10
      }
    }
  })
}

function localToday(nowIso: string, offset: number): string {
  return new Date(Date.parse(nowIso) + offset * 60_000).toISOString().slice(0, 10)
}
