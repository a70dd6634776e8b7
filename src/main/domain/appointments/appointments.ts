import type { Db, ReadDb } from '../../db/types'
import type { Actor } from '../../core/context'
import type { Appointment, AppointmentStatus, BookingInput } from '../../../shared/contract/appointments'
import { AppError, notFound, staleVersion } from '../../../shared/errors'
import { addDays, toLocalDateTime } from '../../../shared/time'
import { recordAudit } from '../audit/audit'
import { readSettings } from '../settings/settings'
import { appointmentNumber, clashError, findClash, loadClashContext, nextFreeSlots, type Candidate } from './clash'
import { addMinutes, toMinutes } from './clock'
import { getBay, listBays, readBoardSettings } from './settings'

const COLUMNS = `a.id, a.customer_id AS customerId, c.name AS customerName, c.phone, a.vehicle_id AS vehicleId, v.plate,
  trim(coalesce(v.make, '') || ' ' || coalesce(v.model, '')) AS model, a.advisor_id AS advisorId, s.name AS advisorName,
  a.bay_id AS bayId, a.held_bay_id AS heldBayId, a.starts_at AS startsAt, a.ends_at AS endsAt, a.status,
  a.service_type AS serviceType, a.complaint, a.channel, a.notes, a.booked_discount AS bookedDiscount, a.arrival,
  a.arrived_at AS arrivedAt, a.confirmed_at AS confirmedAt, a.confirmed_by AS confirmedBy, a.reminded_at AS remindedAt,
  a.reminded_by AS remindedBy, a.remind_result AS remindResult, a.remind_note AS remindNote, a.late_call_at AS lateCallAt,
  a.late_call_by AS lateCallBy, a.late_call_result AS lateCallResult, a.late_call_delay AS lateCallDelay,
  a.late_call_note AS lateCallNote, a.cancel_reason AS cancelReason, a.held_until AS heldUntil,
  a.work_order_id AS workOrderId, a.version`
const FROM = `FROM appointments a JOIN customers c ON c.id = a.customer_id JOIN vehicles v ON v.id = a.vehicle_id
  JOIN staff s ON s.id = a.advisor_id`

type Row = Omit<Appointment, 'number' | 'parts' | 'bookedDiscount' | 'model'> & { bookedDiscount: number; model: string }

function withParts(db: ReadDb, rows: Row[]): Appointment[] {
  if (rows.length === 0) return []
  const parts = new Map<number, Appointment['parts']>()
  const found = db
    .prepare(
      `SELECT id, appointment_id AS appointmentId, part_id AS partId, description, qty FROM appointment_parts
       WHERE appointment_id IN (SELECT value FROM json_each(?)) ORDER BY id`
    )
    .all(JSON.stringify(rows.map((r) => r.id))) as Array<Appointment['parts'][number] & { appointmentId: number }>
  for (const { appointmentId, ...p } of found) parts.set(appointmentId, [...(parts.get(appointmentId) ?? []), p])
  return rows.map((r) => ({ ...r, number: appointmentNumber(r.id), model: r.model || null, bookedDiscount: r.bookedDiscount === 1, parts: parts.get(r.id) ?? [] }))
}

export function getAppointment(db: ReadDb, id: number): Appointment {
  const row = db.prepare(`SELECT ${COLUMNS} ${FROM} WHERE a.id = ?`).get(id) as Row | undefined
  if (!row) throw notFound('appointment', id)
  return withParts(db, [row])[0] as Appointment
}

/** The bare SQL of the day's board, exported so the benchmark can run it beside the app's call. */
export const DAY_SQL = `SELECT ${COLUMNS} ${FROM} WHERE a.starts_at >= ? AND a.starts_at < ? ORDER BY a.starts_at, a.id`

export function listDay(db: ReadDb, date: string): Appointment[] {
  return withParts(db, db.prepare(DAY_SQL).all(`${date}T00:00`, `${addDays(date, 1)}T00:00`) as Row[])
}

export const localNow = (db: ReadDb, at: Date): string => toLocalDateTime(at, readSettings(db).timeZone)

function nameOf(db: ReadDb, table: 'staff' | 'appointment_bays', id: number): string {
  const row = db.prepare(`SELECT name FROM ${table} WHERE id = ?`).get(id) as { name: string } | undefined
  if (!row) throw notFound(table === 'staff' ? 'advisor' : 'bay', id)
  return row.name
}

/** Refuses a candidate that breaks a rule of the board, naming the clash and offering the next free slots. */
export function assertNoClash(db: ReadDb, c: Candidate, now: string): void {
  const settings = readBoardSettings(db)
  const today = now.slice(0, 10)
  const clash = findClash(c, loadClashContext(db, settings, c, today))
  if (!clash) return
  const bays = listBays(db, false)
  const slots = nextFreeSlots(db, settings, c, bays, today, now)
  throw clashError(clash, c, { bay: nameOf(db, 'appointment_bays', c.bayId), advisor: nameOf(db, 'staff', c.advisorId) }, slots)
}

function assertAdvisor(db: ReadDb, advisorId: number): void {
  const row = db.prepare('SELECT roles, active FROM staff WHERE id = ?').get(advisorId) as { roles: string; active: number } | undefined
  if (!row) throw notFound('advisor', advisorId)
  if (row.active !== 1 || !(JSON.parse(row.roles) as string[]).includes('advisor')) {
    throw new AppError('board.not_an_advisor', `${nameOf(db, 'staff', advisorId)} is not an active service advisor.`, { name: nameOf(db, 'staff', advisorId) })
  }
}

function assertBayInUse(db: ReadDb, bayId: number): void {
  const bay = getBay(db, bayId)
  if (!bay.active) throw new AppError('board.bay_retired', `Bay ${bay.name} is no longer in use.`, { bay: bay.name })
}

function assertFuture(startsAt: string, now: string): void {
  if (startsAt < now) throw new AppError('board.in_past', `${startsAt.replace('T', ' ')} has already passed.`, { start: startsAt.replace('T', ' ') })
}

function writeParts(db: Db, appointmentId: number, parts: BookingInput['parts'], hadParts: boolean): void {
  // Statements on appointment_parts are prepared only when there is something to write: its
  // part_id points at the parts master, which a file from before the parts ledger does not have.
  if (hadParts) db.prepare('DELETE FROM appointment_parts WHERE appointment_id = ?').run(appointmentId)
  if (parts.length === 0) return
  const insert = db.prepare('INSERT INTO appointment_parts (appointment_id, part_id, description, qty) VALUES (?, ?, ?, ?)')
  for (const p of parts) insert.run(appointmentId, p.partId, p.description, p.qty)
}

/** Callers run this inside inTx: the clash check and the insert see the same state of the file. */
export function bookAppointment(db: Db, actor: Actor, at: Date, input: BookingInput): number {
  const vehicle = db.prepare('SELECT customer_id AS customerId FROM vehicles WHERE id = ?').get(input.vehicleId) as { customerId: number } | undefined
  if (!vehicle) throw notFound('vehicle', input.vehicleId)
  if (vehicle.customerId !== input.customerId) throw new AppError('board.vehicle_not_customers', 'That vehicle belongs to another customer.')
  assertAdvisor(db, input.advisorId)
  assertBayInUse(db, input.bayId)
  const now = localNow(db, at)
  assertFuture(input.startsAt, now)
  const c: Candidate = { id: null, bayId: input.bayId, advisorId: input.advisorId, startsAt: input.startsAt, endsAt: addMinutes(input.startsAt, input.durationMinutes) }
  assertNoClash(db, c, now)
  const stamp = at.toISOString()
  const info = db
    .prepare(
      `INSERT INTO appointments (customer_id, vehicle_id, advisor_id, bay_id, starts_at, ends_at, service_type, complaint, channel, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    )
    .run(input.customerId, input.vehicleId, input.advisorId, input.bayId, c.startsAt, c.endsAt, input.serviceType, input.complaint, input.channel, input.notes, stamp, stamp)
  const id = Number(info.lastInsertRowid)
  writeParts(db, id, input.parts, false)
  recordAudit(db, actor, at, { action: 'create', entity: 'appointment', entityId: id, after: { ...input, endsAt: c.endsAt } })
  return id
}

function current(db: ReadDb, id: number, version: number, allowed: readonly AppointmentStatus[], action: string): Appointment {
  const a = getAppointment(db, id)
  if (a.version !== version) throw staleVersion('appointment', id)
  if (!allowed.includes(a.status)) {
    throw new AppError('board.bad_status', `${a.number} is ${a.status}; it cannot be ${action} now.`, { number: a.number, status: a.status, action })
  }
  return a
}

type Changes = Record<string, string | number | null>
const COLUMN_OF: Record<string, string> = {
  bayId: 'bay_id', heldBayId: 'held_bay_id', advisorId: 'advisor_id', startsAt: 'starts_at', endsAt: 'ends_at', status: 'status',
  serviceType: 'service_type', complaint: 'complaint', channel: 'channel', notes: 'notes', arrival: 'arrival', arrivedAt: 'arrived_at',
  confirmedAt: 'confirmed_at', confirmedBy: 'confirmed_by', remindedAt: 'reminded_at', remindedBy: 'reminded_by',
  remindResult: 'remind_result', remindNote: 'remind_note', lateCallAt: 'late_call_at', lateCallBy: 'late_call_by',
  lateCallResult: 'late_call_result', lateCallDelay: 'late_call_delay', lateCallNote: 'late_call_note', cancelReason: 'cancel_reason',
  heldUntil: 'held_until', workOrderId: 'work_order_id', checkedInAt: 'checked_in_at'
}

/** One guarded update of a booking with its audit row: the version must still be the one read. */
function change(db: Db, actor: Actor | null, at: Date, before: Appointment, action: string, changes: Changes): void {
  const keys = Object.keys(changes)
  const sets = keys.map((k) => `${COLUMN_OF[k] as string} = ?`).join(', ')
  const info = db
    .prepare(`UPDATE appointments SET ${sets}, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?`)
    .run(...keys.map((k) => changes[k] ?? null), at.toISOString(), before.id, before.version)
  if (info.changes !== 1) throw staleVersion('appointment', before.id)
  const { parts: _p, ...row } = before
  recordAudit(db, actor, at, { action, entity: 'appointment', entityId: before.id, before: row, after: { ...row, ...changes } })
}

const OPEN: readonly AppointmentStatus[] = ['booked', 'confirmed', 'reminded']

export function updateAppointment(db: Db, actor: Actor, at: Date, id: number, version: number, f: Pick<BookingInput, 'serviceType' | 'complaint' | 'parts' | 'channel' | 'notes'>): void {
  const before = current(db, id, version, [...OPEN, 'arrived', 'late'], 'changed')
  change(db, actor, at, before, 'update', { serviceType: f.serviceType, complaint: f.complaint, channel: f.channel, notes: f.notes })
  writeParts(db, id, f.parts, before.parts.length > 0)
  if (JSON.stringify(before.parts.map(({ id: _i, ...p }) => p)) !== JSON.stringify(f.parts)) {
    recordAudit(db, actor, at, { action: 'update', entity: 'appointment', entityId: id, before: { parts: before.parts.map(({ id: _i, ...p }) => p) }, after: { parts: f.parts } })
  }
}

export function moveAppointment(db: Db, actor: Actor, at: Date, m: { id: number; version: number; startsAt: string; durationMinutes: number; bayId: number; advisorId: number }): void {
  const before = current(db, m.id, m.version, [...OPEN, 'arrived', 'late'], 'moved')
  const now = localNow(db, at)
  if (m.startsAt !== before.startsAt) assertFuture(m.startsAt, now)
  if (m.advisorId !== before.advisorId) assertAdvisor(db, m.advisorId)
  if (m.bayId !== before.bayId) assertBayInUse(db, m.bayId)
  const c: Candidate = { id: m.id, bayId: m.bayId, advisorId: m.advisorId, startsAt: m.startsAt, endsAt: addMinutes(m.startsAt, m.durationMinutes) }
  assertNoClash(db, c, now)
  change(db, actor, at, before, 'move', { startsAt: c.startsAt, endsAt: c.endsAt, bayId: c.bayId, advisorId: c.advisorId })
}

export function confirmAppointment(db: Db, actor: Actor, at: Date, id: number, version: number): void {
  const before = current(db, id, version, ['booked'], 'confirmed')
  change(db, actor, at, before, 'confirm', { status: 'confirmed', confirmedAt: at.toISOString(), confirmedBy: actor.name })
}

export function remindAppointment(db: Db, actor: Actor, at: Date, id: number, version: number, result: string, note: string | null): void {
  const before = current(db, id, version, OPEN, 'reminded')
  const cancelled = result === 'cancelling'
  change(db, actor, at, before, 'remind', {
    status: cancelled ? 'cancelled' : 'reminded',
    remindedAt: at.toISOString(),
    remindedBy: actor.name,
    remindResult: result,
    remindNote: note,
    ...(cancelled ? { cancelReason: note ?? 'cancelled on the reminder call' } : {})
  })
}

/** Minutes the customer is past the booked start (negative: early). */
const minutesPast = (startsAt: string, now: string): number => toMinutes(now) - toMinutes(startsAt)

function arrivalChanges(db: ReadDb, before: Appointment, at: Date): Changes {
  const now = localNow(db, at)
  if (now.slice(0, 10) !== before.startsAt.slice(0, 10)) {
    throw new AppError('board.not_today', `${before.number} is booked for ${before.startsAt.slice(0, 10)}, not today.`, { number: before.number, date: before.startsAt.slice(0, 10) })
  }
  const { windowMinutes } = readBoardSettings(db)
  const late = minutesPast(before.startsAt, now) > windowMinutes
  // A late customer keeps the booked labour discount but gives up the bay held for them.
  return late
    ? { status: 'late', arrival: 'late', arrivedAt: at.toISOString(), bayId: null, heldBayId: before.bayId }
    : { status: 'arrived', arrival: 'on_time', arrivedAt: at.toISOString() }
}

export function arriveAppointment(db: Db, actor: Actor, at: Date, id: number, version: number): void {
  const before = current(db, id, version, OPEN, 'marked arrived')
  change(db, actor, at, before, 'arrive', arrivalChanges(db, before, at))
}

function assertPastWindow(db: ReadDb, a: Appointment, at: Date): void {
  const { windowMinutes } = readBoardSettings(db)
  if (minutesPast(a.startsAt, localNow(db, at)) <= windowMinutes) {
    throw new AppError('board.window_open', `${a.number} is still within its ±${windowMinutes}-minute window.`, { number: a.number, minutes: windowMinutes })
  }
}

export function lateCall(db: Db, actor: Actor, at: Date, id: number, version: number, call: { result: string; delayMinutes: number | null; note: string | null }): void {
  const before = current(db, id, version, OPEN, 'called as late')
  assertPastWindow(db, before, at)
  change(db, actor, at, before, 'late-call', { lateCallAt: at.toISOString(), lateCallBy: actor.name, lateCallResult: call.result, lateCallDelay: call.delayMinutes, lateCallNote: call.note })
}

export function markNoShow(db: Db, actor: Actor, at: Date, id: number, version: number): void {
  const before = current(db, id, version, OPEN, 'marked no-show')
  assertPastWindow(db, before, at)
  change(db, actor, at, before, 'no-show', { status: 'no_show' })
}

export function cancelAppointment(db: Db, actor: Actor, at: Date, id: number, version: number, reason: string): void {
  const before = current(db, id, version, OPEN, 'cancelled')
  change(db, actor, at, before, 'cancel', { status: 'cancelled', cancelReason: reason })
}

export function carryOver(db: Db, actor: Actor, at: Date, id: number, version: number, until: string | null): void {
  const before = current(db, id, version, ['checked_in'], 'carried over')
  if (until !== null && until <= before.endsAt) throw new AppError('board.end_before_start', 'The end must come after the start.')
  if (before.bayId === null) throw new AppError('board.no_bay', `${before.number} has no bay to keep.`, { number: before.number })
  change(db, actor, at, before, 'carry-over', { heldUntil: until })
}

/** What the check-in flow needs of a booking. */
export function getAppointmentForCheckIn(db: ReadDb, appointmentId: number): {
  id: number
  customerId: number
  vehicleId: number
  advisorId: number
  bayId: number | null
  startsAt: string
  complaint: string | null
} {
  const a = getAppointment(db, appointmentId)
  // A late customer has lost the held bay: the check-in gives them whichever bay is free.
  return { id: a.id, customerId: a.customerId, vehicleId: a.vehicleId, advisorId: a.advisorId, bayId: a.bayId, startsAt: a.startsAt, complaint: a.complaint }
}

/**
 * Called by the check-in flow inside its own transaction: the booking becomes 'checked_in' and
 * points at its work order. A booking checked in without being marked arrived gets its arrival
 * (on time or late) from the clock, so the figures still count it.
 */
export function markCheckedIn(db: Db, actor: Actor | null, at: Date, appointmentId: number, workOrderId: number): void {
  const before = getAppointment(db, appointmentId)
  if (!['booked', 'confirmed', 'reminded', 'arrived', 'late'].includes(before.status)) {
    throw new AppError('board.bad_status', `${before.number} is ${before.status}; it cannot be checked in now.`, { number: before.number, status: before.status, action: 'checked in' })
  }
  const arrival = OPEN.includes(before.status) ? arrivalChanges(db, before, at) : {}
  change(db, actor, at, before, 'check-in', { ...arrival, status: 'checked_in', workOrderId, checkedInAt: at.toISOString() })
}
