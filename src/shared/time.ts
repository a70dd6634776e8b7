/**
 * Shop-local dates and times. Instants are stored as UTC ISO strings (`2026-12-04T01:30:00.000Z`);
 * what the counter sees and books is wall-clock time in the shop's time zone (Settings.timeZone,
 * default Asia/Shanghai): a local date `2026-12-04` and a local time `2026-12-04T09:30`.
 */

const partsFormatter = new Map<string, Intl.DateTimeFormat>()
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatter.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit'
    })
    partsFormatter.set(timeZone, f)
  }
  return f
}

/** The shop-local wall-clock time of an instant: `2026-12-04T09:30`. */
export function toLocalDateTime(instant: Date, timeZone: string): string {
  const p = Object.fromEntries(formatterFor(timeZone).formatToParts(instant).map((x) => [x.type, x.value]))
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`
}

/** The shop-local date of an instant: `2026-12-04`. */
export function toLocalDate(instant: Date, timeZone: string): string {
  return toLocalDateTime(instant, timeZone).slice(0, 10)
}

/** The instant of a shop-local wall-clock time (`2026-12-04T09:30` or a date, meaning midnight). */
export function fromLocal(local: string, timeZone: string): Date {
  const [date, time = '00:00'] = local.split('T')
  const guess = new Date(`${date}T${time}:00Z`)
  // Offset of the zone at that moment; applied twice to settle on DST edges.
  let instant = new Date(guess.getTime() - offsetMinutes(guess, timeZone) * 60_000)
  instant = new Date(guess.getTime() - offsetMinutes(instant, timeZone) * 60_000)
  return instant
}

/** Minutes the zone is ahead of UTC at an instant (+480 for Asia/Shanghai). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const local = toLocalDateTime(instant, timeZone)
  const asUtc = Date.parse(`${local}:00Z`)
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000)
}

/** `2026-12-04` plus n days, as a date string (calendar arithmetic, no time zone involved). */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + n)
  return d.toISOString().slice(0, 10)
}

/** Minutes since local midnight of a local time `2026-12-04T09:30` → 570. */
export function minuteOfDay(localDateTime: string): number {
  const [h, m] = (localDateTime.split('T')[1] ?? '00:00').split(':').map(Number)
  return (h ?? 0) * 60 + (m ?? 0)
}

/** Day of the week of a local date: 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay()
}

export const LOCAL_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/
export const LOCAL_DATE_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d$/
