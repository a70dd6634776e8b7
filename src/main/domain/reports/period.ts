import type { PeriodKind } from '../../../shared/contract/reports'
import { addDays, fromLocal, weekday } from '../../../shared/time'

/** A period of the shop's calendar: local dates `from`..`to` inclusive and the UTC instants bounding it. */
export interface Range {
  from: string
  to: string
  /** First instant inside, ISO. */
  start: string
  /** First instant after, ISO. */
  end: string
}

export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`
  return addDays(next, -1)
}

/** The day, Monday-to-Sunday week, calendar month or calendar year that `date` falls in. */
export function periodOf(kind: PeriodKind, date: string, timeZone: string): Range {
  let from = date
  let to = date
  if (kind === 'week') {
    from = addDays(date, -((weekday(date) + 6) % 7))
    to = addDays(from, 6)
  } else if (kind === 'month') {
    from = `${date.slice(0, 7)}-01`
    to = monthEnd(date.slice(0, 7))
  } else if (kind === 'year') {
    from = `${date.slice(0, 4)}-01-01`
    to = `${date.slice(0, 4)}-12-31`
  }
  return localRange(from, to, timeZone)
}

export function localRange(from: string, to: string, timeZone: string): Range {
  return { from, to, start: fromLocal(from, timeZone).toISOString(), end: fromLocal(addDays(to, 1), timeZone).toISOString() }
}

/** The twelve months ending with the month of `date` (a year's trend is its own twelve months). */
export function trendMonths(kind: PeriodKind, date: string): string[] {
  const lastMonth = kind === 'year' ? `${date.slice(0, 4)}-12` : date.slice(0, 7)
  const months: string[] = []
  let [y, m] = lastMonth.split('-').map(Number) as [number, number]
  for (let i = 0; i < 12; i++) {
    months.unshift(`${y}-${String(m).padStart(2, '0')}`)
    m -= 1
    if (m === 0) (m = 12), (y -= 1)
  }
  return months
}
