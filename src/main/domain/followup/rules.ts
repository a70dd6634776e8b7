/**
 * The follow-up due-date rules, pure: shop-local dates in, shop-local dates out. A task is due from
 * `from` and overdue after `by`. With weekends skipped, days are counted as working days (Mon–Fri).
 */
import { addDays, weekday } from '../../../shared/time'
import type { FollowupSettings } from '../../../shared/contract/followup'

export const DEFAULT_FOLLOWUP_SETTINGS: FollowupSettings = {
  skipWeekends: false,
  firstCallFromDays: 3,
  firstCallByDays: 7,
  secondCallByDays: 7,
  noAnswerRetryHours: 4,
  unreachableDays: 5,
  unreachableFallback: 'sms',
  reminderLeadDays: 14,
  reminderLookbackDays: 30,
  kmPerDay: 40,
  campaignNoticeDays: 14,
  campaignLetterDays: 2,
  requestDueHours: 48,
  fileCompleteDays: 2,
  allowAdvisorCalls: false
}

export interface Window {
  from: string
  by: string
}

const isWeekend = (date: string): boolean => weekday(date) === 0 || weekday(date) === 6

/** `date` plus n days; with weekends skipped, n working days (a weekend start rolls to Monday). */
export function addShopDays(date: string, n: number, skipWeekends: boolean): string {
  if (!skipWeekends) return addDays(date, n)
  let d = date
  while (isWeekend(d)) d = addDays(d, 1)
  for (let left = n; left > 0; ) {
    d = addDays(d, 1)
    if (!isWeekend(d)) left--
  }
  return d
}

/** A working day on or before `date` when weekends are skipped. */
function onOrBeforeWorkday(date: string, skipWeekends: boolean): string {
  let d = date
  while (skipWeekends && isWeekend(d)) d = addDays(d, -1)
  return d
}

/** The first call: 3 to 7 days after the vehicle left. */
export function firstCallWindow(deliveredOn: string, s: FollowupSettings): Window {
  return {
    from: addShopDays(deliveredOn, s.firstCallFromDays, s.skipWeekends),
    by: addShopDays(deliveredOn, s.firstCallByDays, s.skipWeekends)
  }
}

/**
 * The second call: in the week after the first call was made (so never before it: the task only
 * exists once the first call reached the customer).
 */
export function secondCallWindow(firstCallOn: string, s: FollowupSettings): Window {
  return {
    from: addShopDays(firstCallOn, 1, s.skipWeekends),
    by: addShopDays(firstCallOn, s.secondCallByDays, s.skipWeekends)
  }
}

/** A campaign's phone notice: two weeks before the event (the working day before, if weekends are skipped). */
export function campaignCallWindow(eventOn: string, s: FollowupSettings): Window {
  const day = onOrBeforeWorkday(addDays(eventOn, -s.campaignNoticeDays), s.skipWeekends)
  return { from: day, by: day }
}

/** The letter that follows a campaign call: within two days after the call. */
export function campaignLetterWindow(calledOn: string, s: FollowupSettings): Window {
  return { from: onOrBeforeWorkday(calledOn, false), by: addShopDays(calledOn, s.campaignLetterDays, s.skipWeekends) }
}

export interface ServiceVisit {
  /** Shop-local date the vehicle left. */
  date: string
  km: number | null
}

export interface ServiceDue {
  lastServiceDate: string
  lastKm: number | null
  kmPerDay: number
  dueDate: string
  dueBy: 'months' | 'km'
  dueKm: number | null
}

const dayNumber = (date: string): number => Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000)

/** `date` plus n calendar months, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const total = y * 12 + (m - 1) + n
  const year = Math.floor(total / 12)
  const month = (total % 12) + 1
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

/**
 * The vehicle's next service: the earlier of last service + interval months and the day its
 * estimated mileage reaches last km + interval km. Mileage per day comes from the vehicle's own
 * readings (first and last at least 30 days apart), else the shop's average. A vehicle never
 * serviced here has no due date: there is nothing to count from.
 */
export function serviceDue(
  visits: readonly ServiceVisit[],
  interval: { km: number | null; months: number | null },
  defaultKmPerDay: number
): ServiceDue | null {
  if (visits.length === 0 || (interval.km === null && interval.months === null)) return null
  const sorted = [...visits].sort((a, b) => a.date.localeCompare(b.date))
  const last = sorted[sorted.length - 1] as ServiceVisit
  const readings = sorted.filter((v) => v.km !== null)
  let kmPerDay = defaultKmPerDay
  const first = readings[0]
  const latest = readings[readings.length - 1]
  if (first && latest && dayNumber(latest.date) - dayNumber(first.date) >= 30 && (latest.km as number) > (first.km as number)) {
    kmPerDay = ((latest.km as number) - (first.km as number)) / (dayNumber(latest.date) - dayNumber(first.date))
  }
  const lastKm = last.km ?? latest?.km ?? null
  const byMonths = interval.months !== null ? addMonths(last.date, interval.months) : null
  const byKm = interval.km !== null ? addDays(last.date, Math.max(1, Math.ceil(interval.km / kmPerDay))) : null
  const useKm = byKm !== null && (byMonths === null || byKm < byMonths)
  return {
    lastServiceDate: last.date,
    lastKm,
    kmPerDay: Math.round(kmPerDay * 100) / 100,
    dueDate: (useKm ? byKm : byMonths) as string,
    dueBy: useKm ? 'km' : 'months',
    dueKm: interval.km !== null && lastKm !== null ? lastKm + interval.km : null
  }
}

/** The mileage a vehicle has probably reached today. */
export function estimatedKm(due: Pick<ServiceDue, 'lastServiceDate' | 'lastKm' | 'kmPerDay'>, today: string): number | null {
  if (due.lastKm === null) return null
  return Math.round(due.lastKm + Math.max(0, dayNumber(today) - dayNumber(due.lastServiceDate)) * due.kmPerDay)
}

/** The reminder for a due date: from `leadDays` before it until the due date itself. */
export function serviceReminderWindow(dueDate: string, s: FollowupSettings): Window {
  const by = onOrBeforeWorkday(dueDate, s.skipWeekends)
  const from = onOrBeforeWorkday(addDays(dueDate, -s.reminderLeadDays), s.skipWeekends)
  return { from: from <= by ? from : by, by }
}

/** Whole days a task is past its last due day (0 when not overdue). */
export function overdueDays(dueBy: string, today: string): number {
  return Math.max(0, dayNumber(today) - dayNumber(dueBy))
}

/** Unreachable for `days` days since the first unanswered attempt: the call is given up. */
export function isUnreachable(unreachedSince: string | null, now: Date, days: number): boolean {
  return unreachedSince !== null && now.getTime() - Date.parse(unreachedSince) >= days * 86_400_000
}
