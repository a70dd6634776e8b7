import type { ReadDb } from '../../db/types'
import type { FigureRow } from '../../../shared/contract/appointments'
import { AppError } from '../../../shared/errors'
import { addDays, fromLocal, weekday } from '../../../shared/time'
import { readSettings } from '../settings/settings'

export type Period = 'day' | 'week' | 'month'
const MAX_DAYS = 400

/** The first day of the period a date falls in: itself, its week's Monday, or the 1st of its month. */
export function periodStart(date: string, period: Period): string {
  if (period === 'day') return date
  if (period === 'month') return `${date.slice(0, 7)}-01`
  return addDays(date, -((weekday(date) + 6) % 7))
}

function periodEnd(start: string, period: Period): string {
  if (period === 'day') return start
  if (period === 'week') return addDays(start, 6)
  const [y, m] = start.split('-').map(Number) as [number, number]
  return addDays(`${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-01`, -1)
}

const ratio = (n: number, d: number): number | null => (d === 0 ? null : Math.round((n / d) * 10_000) / 10_000)

/**
 * Booking rate = vehicles taken in on a booking / all vehicles taken in (work orders opened);
 * on-time rate = on-time arrivals / settled bookings (on time, late, no-show); no-show rate =
 * no-shows / settled bookings. Cancelled bookings are counted but are in neither rate.
 */
export function figures(db: ReadDb, period: Period, from: string, to: string): FigureRow[] {
  if (to < from) throw new AppError('board.end_before_start', 'The end must come after the start.')
  if (addDays(from, MAX_DAYS) < to) throw new AppError('board.range_too_long', `Pick at most ${MAX_DAYS} days.`, { days: MAX_DAYS })
  const tz = readSettings(db).timeZone
  const first = periodStart(from, period)
  const last = periodEnd(periodStart(to, period), period)
  const rows = new Map<string, FigureRow>()
  for (let d = first; d <= last; d = addDays(periodEnd(d, period), 1)) {
    rows.set(d, { period: period === 'month' ? d.slice(0, 7) : d, from: d, to: periodEnd(d, period), bookings: 0, due: 0, onTime: 0, late: 0, noShow: 0, cancelled: 0, intake: 0, bookedIntake: 0, bookingRate: null, onTimeRate: null, noShowRate: null })
  }
  const byDay = db
    .prepare(
      `SELECT substr(starts_at, 1, 10) AS day, count(*) AS bookings, sum(status = 'cancelled') AS cancelled,
         sum(arrival = 'on_time') AS onTime, sum(arrival = 'late') AS late, sum(status = 'no_show') AS noShow
       FROM appointments WHERE starts_at >= ? AND starts_at < ? GROUP BY day`
    )
    .all(`${first}T00:00`, `${addDays(last, 1)}T00:00`) as Array<{ day: string; bookings: number; cancelled: number; onTime: number; late: number; noShow: number }>
  for (const d of byDay) {
    const row = rows.get(periodStart(d.day, period))
    if (!row) continue
    row.bookings += d.bookings
    row.cancelled += d.cancelled
    row.due += d.bookings - d.cancelled
    row.onTime += d.onTime
    row.late += d.late
    row.noShow += d.noShow
  }
  // Vehicles taken in, counted per shop-local day in SQL: each day is its own index range between
  // the instants its midnights fall on (exact on summer-time changes too), so no row is read into JS.
  // CROSS JOIN keeps the days outside and `+w.kind` keeps kind out of the look-up: on a year the
  // planner would otherwise build an automatic index on kind over every order (seconds, not 36 ms).
  const days: string[] = []
  for (let d = first; d <= addDays(last, 1); d = addDays(d, 1)) days.push(d)
  const midnights = days.map((d) => fromLocal(d, tz).toISOString())
  const dayRanges = days.slice(0, -1).map((d, i) => `('${d}', '${midnights[i]}', '${midnights[i + 1]}')`)
  const intake = db
    .prepare(
      `WITH d(day, starts, ends) AS (VALUES ${dayRanges.join(', ')})
       SELECT d.day, count(*) AS intake, sum(w.appointment_id IS NOT NULL) AS booked
       FROM d CROSS JOIN work_orders w ON w.opened_at >= d.starts AND w.opened_at < d.ends AND +w.kind = 'shop' GROUP BY d.day`
    )
    .all() as Array<{ day: string; intake: number; booked: number }>
  for (const w of intake) {
    const row = rows.get(periodStart(w.day, period))
    if (!row) continue
    row.intake += w.intake
    row.bookedIntake += w.booked
  }
  for (const row of rows.values()) {
    const settled = row.onTime + row.late + row.noShow
    row.bookingRate = ratio(row.bookedIntake, row.intake)
    row.onTimeRate = ratio(row.onTime, settled)
    row.noShowRate = ratio(row.noShow, settled)
  }
  return [...rows.values()]
}
