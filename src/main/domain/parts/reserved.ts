import type { ReadDb } from '../../db/types'
import { addDays, toLocalDate } from '../../../shared/time'

/** Bookings that still expect their parts: not cancelled, not a no-show, not yet turned into a work order. */
const WAITING = ['booked', 'confirmed', 'reminded', 'arrived', 'late']

const known = new WeakSet<object>()
function bookingsExist(db: ReadDb): boolean {
  // The appointments part creates these tables (migration 0004); until they exist nothing is reserved.
  if (known.has(db)) return true
  const n = (
    db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('appointment_parts', 'appointments')").get() as { n: number }
  ).n
  if (n === 2) known.add(db)
  return n === 2
}

export const RESERVED_SQL = `SELECT ap.part_id AS partId, sum(ap.qty) AS qty
  FROM appointment_parts ap JOIN appointments a ON a.id = ap.appointment_id
  WHERE ap.part_id IS NOT NULL AND a.starts_at >= ? AND a.starts_at < ?
    AND a.status IN (${WAITING.map((s) => `'${s}'`).join(', ')})`

/**
 * Parts promised to today's and tomorrow's bookings (shop-local) that have not turned into a work
 * order yet: shown as reserved and not counted as available, so the clerk does not issue
 * tomorrow's brake pads today. A late or arrived customer of this morning still holds theirs.
 */
export function reservedByPart(db: ReadDb, at: Date, timeZone: string, partIds?: number[]): Map<number, number> {
  const out = new Map<number, number>()
  if (!bookingsExist(db)) return out
  const from = `${toLocalDate(at, timeZone)}T00:00`
  const until = `${addDays(toLocalDate(at, timeZone), 2)}T00:00`
  let sql = RESERVED_SQL
  const args: unknown[] = [from, until]
  if (partIds) {
    if (partIds.length === 0) return out
    sql += ` AND ap.part_id IN (${partIds.map(() => '?').join(',')})`
    args.push(...partIds)
  }
  sql += ' GROUP BY ap.part_id'
  for (const r of db.prepare(sql).all(...args) as Array<{ partId: number; qty: number }>) out.set(r.partId, r.qty)
  return out
}
