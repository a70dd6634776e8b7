import type { ReadDb } from '../../db/types'
import type { Block, BoardSettings, FreeSlot } from '../../../shared/contract/appointments'
import { AppError } from '../../../shared/errors'
import { addDays, weekday } from '../../../shared/time'
import { fromMinutes, hhmmToMinutes, timeOf, toMinutes } from './clock'

/** A booking (or a job carried over from an earlier day) that holds a bay and an advisor's time. */
export interface Occupant {
  id: number
  plate: string
  bayId: number | null
  advisorId: number
  startsAt: string
  endsAt: string
  /** A job still in its bay from an earlier day: it holds the bay, not the advisor. */
  carried: boolean
}

export interface Candidate {
  id: number | null
  bayId: number
  advisorId: number
  startsAt: string
  endsAt: string
}

export type Clash =
  | { kind: 'closed' | 'hours' }
  | { kind: 'bay' | 'advisor' | 'carried'; with: Occupant }
  | { kind: 'bay_blocked' | 'advisor_blocked'; block: Block }

export interface ClashContext {
  settings: BoardSettings
  occupants: readonly Occupant[]
  blocks: readonly Block[]
}

export const appointmentNumber = (id: number): string => `A${String(id).padStart(6, '0')}`

/**
 * The shop's rules for one booking, pure: inside the day's opening hours; no other booking or
 * carried-over job in the bay at the same time (touching is fine); the advisor's receptions at
 * least the interval apart (exactly the interval is fine); not in blocked time. The booking's own
 * row never clashes with itself, so moving it onto itself is allowed.
 */
export function findClash(c: Candidate, ctx: ClashContext): Clash | null {
  const date = c.startsAt.slice(0, 10)
  const hours = ctx.settings.openingHours[weekday(date)]
  if (!hours) return { kind: 'closed' }
  const dayStart = toMinutes(date)
  const start = toMinutes(c.startsAt)
  const end = toMinutes(c.endsAt)
  let limit = dayStart + hhmmToMinutes(hours.close)
  // Open round the clock: a booking may run on into the next day if the shop is open then too.
  const next = ctx.settings.openingHours[weekday(addDays(date, 1))]
  if (hours.close === '24:00' && next?.open === '00:00') limit += hhmmToMinutes(next.close)
  if (start < dayStart + hhmmToMinutes(hours.open) || end > limit) return { kind: 'hours' }
  for (const block of ctx.blocks) {
    const bs = toMinutes(block.startsAt)
    const be = toMinutes(block.endsAt)
    if (block.bayId === c.bayId && bs < end && start < be) return { kind: 'bay_blocked', block }
    if (block.advisorId === c.advisorId && bs <= start && start < be) return { kind: 'advisor_blocked', block }
  }
  for (const o of ctx.occupants) {
    if (o.id === c.id || o.bayId !== c.bayId) continue
    if (toMinutes(o.startsAt) < end && start < toMinutes(o.endsAt)) return { kind: o.carried ? 'carried' : 'bay', with: o }
  }
  for (const o of ctx.occupants) {
    if (o.id === c.id || o.carried || o.advisorId !== c.advisorId) continue
    if (Math.abs(toMinutes(o.startsAt) - start) < ctx.settings.intervalMinutes) return { kind: 'advisor', with: o }
  }
  return null
}

/** The longest booking the contract allows; bounds how far back a range scan must look. */
export const MAX_DURATION_MINUTES = 720
const OPEN_WORK_ORDER = `('open', 'approved', 'in_progress', 'waiting_parts')`
const HOLDS_BAY = `('booked', 'confirmed', 'reminded', 'arrived', 'checked_in')`
const HOLDS_ADVISOR = `('booked', 'confirmed', 'reminded', 'arrived', 'late', 'checked_in')`

/** The bare SQL of the clash check, exported so the benchmark can run it beside the app's call. */
export const CLASH_SQL = {
  bay: `SELECT a.id, v.plate, a.bay_id AS bayId, a.advisor_id AS advisorId, a.starts_at AS startsAt,
      max(a.ends_at, coalesce(a.held_until, a.ends_at)) AS endsAt, 0 AS carried
    FROM appointments a JOIN vehicles v ON v.id = a.vehicle_id
    WHERE a.bay_id = ? AND a.starts_at >= ? AND a.starts_at < ? AND a.status IN ${HOLDS_BAY}`,
  advisor: `SELECT a.id, v.plate, a.bay_id AS bayId, a.advisor_id AS advisorId, a.starts_at AS startsAt, a.ends_at AS endsAt, 0 AS carried
    FROM appointments a JOIN vehicles v ON v.id = a.vehicle_id
    WHERE a.advisor_id = ? AND a.starts_at > ? AND a.starts_at < ? AND a.status IN ${HOLDS_ADVISOR}`,
  held: `SELECT a.id, v.plate, a.bay_id AS bayId, a.advisor_id AS advisorId, a.starts_at AS startsAt, a.held_until AS endsAt, 1 AS carried
    FROM appointments a JOIN vehicles v ON v.id = a.vehicle_id
    WHERE a.bay_id = ? AND a.held_until > ? AND a.starts_at < ? AND a.status = 'checked_in'`,
  heldAll: `SELECT a.id, v.plate, a.bay_id AS bayId, a.advisor_id AS advisorId, a.starts_at AS startsAt, a.held_until AS endsAt, 1 AS carried
    FROM appointments a JOIN vehicles v ON v.id = a.vehicle_id
    WHERE a.held_until > ? AND a.starts_at < ? AND a.status = 'checked_in' AND a.bay_id IS NOT NULL`,
  openJobs: `SELECT a.id, v.plate, a.bay_id AS bayId, a.advisor_id AS advisorId, a.starts_at AS startsAt, a.ends_at AS endsAt, 1 AS carried
    FROM work_orders w JOIN appointments a ON a.id = w.appointment_id JOIN vehicles v ON v.id = a.vehicle_id
    WHERE w.status IN ${OPEN_WORK_ORDER} AND a.status = 'checked_in' AND a.bay_id IS NOT NULL AND a.starts_at < ?`,
  blocks: `SELECT b.id, b.bay_id AS bayId, b.advisor_id AS advisorId, b.starts_at AS startsAt, b.ends_at AS endsAt, b.reason, '' AS label
    FROM appointment_blocks b WHERE b.starts_at < ? AND b.ends_at > ?`
}

type Row = Omit<Occupant, 'carried'> & { carried: number }
const occupant = (r: Row): Occupant => ({ ...r, carried: r.carried === 1 })

/**
 * Jobs carried over into `date`: a checked-in job whose held_until reaches into the day, and on
 * today only, a job from an earlier day whose work order is still open (it is still in the bay).
 */
export function carriedInto(db: ReadDb, settings: BoardSettings, date: string, today: string, bayId: number | null): Occupant[] {
  const hours = settings.openingHours[weekday(date)]
  const dayEnd = `${date}T${hours?.close === '24:00' || !hours ? '23:59' : hours.close}`
  const rows = bayId === null
    ? db.prepare(CLASH_SQL.heldAll).all(`${date}T00:00`, `${date}T00:00`)
    : db.prepare(CLASH_SQL.held).all(bayId, `${date}T00:00`, `${date}T00:00`)
  const held = (rows as Row[]).map(occupant)
  const out = held.map((o) => ({ ...o, startsAt: `${date}T00:00` }))
  if (date === today) {
    for (const o of (db.prepare(CLASH_SQL.openJobs).all(`${date}T00:00`) as Row[]).map(occupant)) {
      if ((bayId === null || o.bayId === bayId) && !out.some((h) => h.id === o.id)) out.push({ ...o, startsAt: `${date}T00:00`, endsAt: dayEnd })
    }
  }
  return out
}

/** What the clash check of one candidate needs: its bay's and its advisor's neighbours, blocks, carry-overs. */
export function loadClashContext(db: ReadDb, settings: BoardSettings, c: Candidate, today: string): ClashContext {
  const start = toMinutes(c.startsAt)
  const interval = Math.max(settings.intervalMinutes, 1)
  const bay = db.prepare(CLASH_SQL.bay).all(c.bayId, fromMinutes(start - MAX_DURATION_MINUTES), c.endsAt) as Row[]
  const advisor = db.prepare(CLASH_SQL.advisor).all(c.advisorId, fromMinutes(start - interval), fromMinutes(start + interval)) as Row[]
  const occupants = [...bay, ...advisor].map(occupant)
  for (let d = c.startsAt.slice(0, 10); d <= c.endsAt.slice(0, 10); d = addDays(d, 1)) occupants.push(...carriedInto(db, settings, d, today, c.bayId))
  const blocks = db.prepare(CLASH_SQL.blocks).all(c.endsAt, c.startsAt) as Block[]
  return { settings, occupants, blocks }
}

/**
 * The next free slots of the same length for the same advisor, from `from` on (at most two weeks
 * ahead), trying the wanted bay first at each time; one slot per time, `limit` of them.
 */
export function nextFreeSlots(
  db: ReadDb,
  settings: BoardSettings,
  want: Candidate,
  bays: ReadonlyArray<{ id: number; name: string }>,
  today: string,
  notBefore: string,
  limit = 3
): FreeSlot[] {
  const length = toMinutes(want.endsAt) - toMinutes(want.startsAt)
  const step = settings.slotMinutes
  let t = Math.ceil(Math.max(toMinutes(want.startsAt), toMinutes(notBefore)) / step) * step
  const horizon = t + 14 * 1440
  const nearby = db.prepare(
    `SELECT a.id, v.plate, a.bay_id AS bayId, a.advisor_id AS advisorId, a.starts_at AS startsAt,
       max(a.ends_at, coalesce(a.held_until, a.ends_at)) AS endsAt, 0 AS carried,
       CASE WHEN a.status IN ${HOLDS_BAY} THEN 1 ELSE 0 END AS holdsBay
     FROM appointments a JOIN vehicles v ON v.id = a.vehicle_id
     WHERE a.starts_at >= ? AND a.starts_at < ? AND a.status IN ${HOLDS_ADVISOR}`
  )
  const blocks = db.prepare(CLASH_SQL.blocks)
  // One day's neighbours at a time: most refusals find their slots the same day or the next.
  const contexts = new Map<string, ClashContext>()
  const contextOf = (date: string): ClashContext => {
    let ctx = contexts.get(date)
    if (!ctx) {
      const from = fromMinutes(toMinutes(date) - MAX_DURATION_MINUTES)
      const to = fromMinutes(toMinutes(date) + 1440 + MAX_DURATION_MINUTES)
      const occupants = (nearby.all(from, to) as Array<Row & { holdsBay: number }>).map(({ holdsBay, ...r }) => occupant({ ...r, bayId: holdsBay ? r.bayId : null }))
      occupants.push(...carriedInto(db, settings, date, today, null))
      ctx = { settings, occupants, blocks: blocks.all(to, from) as Block[] }
      contexts.set(date, ctx)
    }
    return ctx
  }
  const order = [...bays].sort((a, b) => (a.id === want.bayId ? -1 : b.id === want.bayId ? 1 : 0))
  const slots: FreeSlot[] = []
  while (t < horizon && slots.length < limit) {
    const date = fromMinutes(t).slice(0, 10)
    const hours = settings.openingHours[weekday(date)]
    const open = toMinutes(date) + (hours ? hhmmToMinutes(hours.open) : 1440)
    if (t < open) t = open
    if (!hours || t + length > toMinutes(date) + hhmmToMinutes(hours.close)) {
      t = toMinutes(addDays(date, 1))
      continue
    }
    const ctx = contextOf(date)
    for (const bay of order) {
      const c: Candidate = { id: want.id, bayId: bay.id, advisorId: want.advisorId, startsAt: fromMinutes(t), endsAt: fromMinutes(t + length) }
      if (!findClash(c, ctx)) {
        slots.push({ startsAt: c.startsAt, endsAt: c.endsAt, bayId: bay.id, bayName: bay.name, advisorId: want.advisorId })
        break
      }
    }
    t += step
  }
  return slots
}

/** A refusal that names what is in the way and offers the next free slots (params.slots: "start|bayId|bayName"). */
export function clashError(clash: Clash, c: Candidate, names: { bay: string; advisor: string }, slots: FreeSlot[]): AppError {
  const next = slots[0]
  const params = {
    bay: names.bay,
    advisor: names.advisor,
    start: c.startsAt.replace('T', ' '),
    slot: next ? `${next.startsAt.replace('T', ' ')} ${next.bayName}` : '—',
    slots: slots.map((s) => `${s.startsAt}|${s.bayId}|${s.bayName}`)
  }
  switch (clash.kind) {
    case 'closed':
      return new AppError('board.clash_closed', `The shop is closed on ${c.startsAt.slice(0, 10)}. Next free: ${params.slot}.`, params)
    case 'hours':
      return new AppError('board.clash_hours', `${params.start}–${timeOf(c.endsAt)} falls outside opening hours. Next free: ${params.slot}.`, params)
    case 'bay_blocked':
    case 'advisor_blocked': {
      const p = { ...params, from: clash.block.startsAt.replace('T', ' '), to: clash.block.endsAt.replace('T', ' '), reason: clash.block.reason ?? '' }
      return new AppError(`board.clash_${clash.kind}`, `${clash.kind === 'bay_blocked' ? names.bay : names.advisor} is blocked ${p.from}–${p.to}. Next free: ${params.slot}.`, p)
    }
    default: {
      const o = clash.with
      const p = { ...params, number: appointmentNumber(o.id), plate: o.plate, from: timeOf(o.startsAt), to: timeOf(o.endsAt), date: o.startsAt.slice(0, 10) }
      const what = clash.kind === 'advisor' ? `${names.advisor} receives ${p.number} (${p.plate}) at ${p.from}` : `${names.bay} holds ${p.number} (${p.plate}) ${p.from}–${p.to}`
      return new AppError(`board.clash_${clash.kind}`, `Clash: ${what}. Next free: ${params.slot}.`, p)
    }
  }
}
