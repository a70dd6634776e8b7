import type { ReadDb } from '../../db/types'
import { addDays, weekday } from '../../../shared/time'
import { getAppointment, listDay, localNow } from './appointments'
import { appointmentNumber, carriedInto } from './clash'
import { listAdvisors, listBays, listBlocks, readBoardSettings } from './settings'

/** How far back the board looks for days the service director has not signed off. */
const UNSIGNED_LOOKBACK_DAYS = 31

export function unsignedDays(db: ReadDb, today: string): string[] {
  const rows = db
    .prepare(
      `SELECT DISTINCT substr(starts_at, 1, 10) AS day FROM appointments
       WHERE starts_at >= ? AND starts_at < ? AND substr(starts_at, 1, 10) NOT IN (SELECT day FROM appointment_signoffs)
       ORDER BY day`
    )
    .all(`${addDays(today, -UNSIGNED_LOOKBACK_DAYS)}T00:00`, `${today}T00:00`) as Array<{ day: string }>
  return rows.map((r) => r.day)
}

export function signoffOf(db: ReadDb, date: string): { by: string; at: string } | null {
  const row = db.prepare('SELECT signed_by_name AS by, signed_at AS at FROM appointment_signoffs WHERE day = ?').get(date) as { by: string; at: string } | undefined
  return row ?? null
}

/** Everything the day's board shows, in one read. */
export function boardDay(db: ReadDb, date: string, at: Date) {
  const settings = readBoardSettings(db)
  const now = localNow(db, at)
  const today = now.slice(0, 10)
  const carried = carriedInto(db, settings, date, today, null)
  return {
    date,
    today,
    now,
    opening: settings.openingHours[weekday(date)] ?? null,
    settings,
    bays: listBays(db, false),
    advisors: listAdvisors(db),
    appointments: listDay(db, date),
    carriedOver: carried.map((o) => ({ appointmentId: o.id, number: appointmentNumber(o.id), plate: o.plate, bayId: o.bayId as number, until: o.endsAt })),
    blocks: listBlocks(db, `${date}T00:00`, `${addDays(date, 1)}T00:00`),
    unsignedDays: unsignedDays(db, today),
    signoff: signoffOf(db, date)
  }
}

export { getAppointment }
