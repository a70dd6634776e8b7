import type { Db, ReadDb } from '../../db/types'
import type { Actor } from '../../core/context'
import type { Appointment, BoardTask } from '../../../shared/contract/appointments'
import { TICK_TASKS } from '../../../shared/contract/appointments'
import { AppError } from '../../../shared/errors'
import { addDays, weekday } from '../../../shared/time'
import { recordAudit } from '../audit/audit'
import { getAppointment, listDay } from './appointments'
import { addMinutes } from './clock'
import { readBoardSettings } from './settings'

/** Minutes before the booked start each ticked task falls due (SPEC 1: call 1 h, bay 15 min, lane 5 min). */
const LEAD_MINUTES: Record<(typeof TICK_TASKS)[number], number> = {
  bay_clean: 15,
  lane_free: 5,
  kit_three_piece: 30,
  kit_settings_card: 30,
  kit_seat_sticker: 30,
  kit_slip: 30,
  kit_work_order: 30,
  kit_checkin_sheet: 30,
  kit_roof_sign: 30
}
const CALL_LEAD_MINUTES = 60
const LIVE = new Set(['booked', 'confirmed', 'reminded', 'arrived', 'late'])

type Tick = { appointmentId: number; task: string; doneByName: string; doneAt: string }

function ticksOf(db: ReadDb, ids: number[]): Map<string, Tick> {
  const rows = db
    .prepare(
      `SELECT appointment_id AS appointmentId, task, done_by_name AS doneByName, done_at AS doneAt FROM appointment_ticks
       WHERE appointment_id IN (SELECT value FROM json_each(?))`
    )
    .all(JSON.stringify(ids)) as Tick[]
  return new Map(rows.map((r) => [`${r.appointmentId}:${r.task}`, r]))
}

const base = (a: Appointment) => ({ appointmentId: a.id, number: a.number, plate: a.plate, customerName: a.customerName, startsAt: a.startsAt })

/**
 * The counter's list for a day, filled from the bookings: tomorrow's bookings to confirm before
 * closing, then for each of today's live bookings the call an hour before, the bay, the lane and
 * the kit. Confirming and calling are done by their status steps; the rest by a tick.
 */
export function tasksFor(db: ReadDb, date: string): BoardTask[] {
  const settings = readBoardSettings(db)
  const closing = `${date}T${settings.openingHours[weekday(date)]?.close.replace('24:00', '23:59') ?? '18:00'}`
  const tasks: BoardTask[] = []
  for (const a of listDay(db, addDays(date, 1))) {
    if (a.status === 'cancelled') continue
    tasks.push({ ...base(a), task: 'confirm', dueAt: closing, done: a.confirmedAt !== null, doneBy: a.confirmedBy, doneAt: a.confirmedAt })
  }
  const today = listDay(db, date).filter((a) => LIVE.has(a.status))
  const ticks = ticksOf(db, today.map((a) => a.id))
  for (const a of today) {
    // Once the customer is here the reminder call, the bay and the lane are past; the kit is not.
    const here = a.status === 'arrived' || a.status === 'late'
    if (!here || a.remindedAt) tasks.push({ ...base(a), task: 'call', dueAt: addMinutes(a.startsAt, -CALL_LEAD_MINUTES), done: a.remindedAt !== null, doneBy: a.remindedBy, doneAt: a.remindedAt })
    for (const task of TICK_TASKS) {
      if (here && (task === 'bay_clean' || task === 'lane_free') && !ticks.has(`${a.id}:${task}`)) continue
      const tick = ticks.get(`${a.id}:${task}`)
      tasks.push({ ...base(a), task, dueAt: addMinutes(a.startsAt, -LEAD_MINUTES[task]), done: !!tick, doneBy: tick?.doneByName ?? null, doneAt: tick?.doneAt ?? null })
    }
  }
  return tasks.sort((x, y) => (x.dueAt < y.dueAt ? -1 : x.dueAt > y.dueAt ? 1 : x.appointmentId - y.appointmentId))
}

export function tickTask(db: Db, actor: Actor, at: Date, appointmentId: number, task: (typeof TICK_TASKS)[number], done: boolean): BoardTask {
  const a = getAppointment(db, appointmentId)
  if (!LIVE.has(a.status)) throw new AppError('board.bad_status', `${a.number} is ${a.status}; its tasks are closed.`, { number: a.number, status: a.status, action: 'ticked' })
  const had = db.prepare('SELECT done_by_name AS by, done_at AS at FROM appointment_ticks WHERE appointment_id = ? AND task = ?').get(appointmentId, task) as { by: string; at: string } | undefined
  if (done && !had) {
    db.prepare('INSERT INTO appointment_ticks (appointment_id, task, done_by, done_by_name, done_at) VALUES (?, ?, ?, ?, ?)').run(appointmentId, task, actor.id, actor.name, at.toISOString())
    recordAudit(db, actor, at, { action: 'tick', entity: 'appointment', entityId: appointmentId, note: { task, done: true } })
  } else if (!done && had) {
    db.prepare('DELETE FROM appointment_ticks WHERE appointment_id = ? AND task = ?').run(appointmentId, task)
    recordAudit(db, actor, at, { action: 'untick', entity: 'appointment', entityId: appointmentId, note: { task, done: false, was: had } })
  }
  const now = db.prepare('SELECT done_by_name AS by, done_at AS at FROM appointment_ticks WHERE appointment_id = ? AND task = ?').get(appointmentId, task) as { by: string; at: string } | undefined
  return { ...base(a), task, dueAt: addMinutes(a.startsAt, -LEAD_MINUTES[task]), done: !!now, doneBy: now?.by ?? null, doneAt: now?.at ?? null }
}
