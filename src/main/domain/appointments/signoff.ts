import type { Db } from '../../db/types'
import type { Actor } from '../../core/context'
import { AppError } from '../../../shared/errors'
import { addDays } from '../../../shared/time'
import { recordAudit } from '../audit/audit'
import { localNow } from './appointments'

/**
 * The service director signs off a past day once every booking of it is settled (arrived, late,
 * checked in, no-show or cancelled); the name and time are kept and the day leaves the board's list.
 */
export function signOffDay(db: Db, actor: Actor, at: Date, date: string, note: string | null): { date: string; by: string; at: string } {
  const today = localNow(db, at).slice(0, 10)
  if (date >= today) throw new AppError('board.day_not_over', `${date} is not over yet.`, { date })
  const signed = db.prepare('SELECT signed_by_name AS by FROM appointment_signoffs WHERE day = ?').get(date) as { by: string } | undefined
  if (signed) throw new AppError('board.already_signed', `${date} was already signed off by ${signed.by}.`, { date, by: signed.by })
  const open = db
    .prepare(
      `SELECT count(*) AS n FROM appointments WHERE starts_at >= ? AND starts_at < ? AND status IN ('booked', 'confirmed', 'reminded')`
    )
    .get(`${date}T00:00`, `${addDays(date, 1)}T00:00`) as { n: number }
  if (open.n > 0) throw new AppError('board.day_open', `${open.n} booking(s) of ${date} are not marked arrived, late, no-show or cancelled yet.`, { date, count: open.n })
  const stamp = at.toISOString()
  db.prepare('INSERT INTO appointment_signoffs (day, signed_by, signed_by_name, signed_at, note) VALUES (?, ?, ?, ?, ?)').run(date, actor.id, actor.name, stamp, note)
  recordAudit(db, actor, at, { action: 'sign-off', entity: 'appointment-day', entityId: date, after: { date, by: actor.name, at: stamp, note } })
  return { date, by: actor.name, at: stamp }
}
