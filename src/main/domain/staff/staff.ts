import type { Db, ReadDb } from '../../db/types'
import type { Role } from '../../../shared/roles'
import { AppError } from '../../../shared/errors'
import type { Actor } from '../../core/context'
import { recordAudit } from '../audit/audit'
import { hashPin, verifyPin } from './pin'

export const MAX_WRONG_PINS = 5
export const LOCK_MINUTES = 5

interface StaffRow {
  id: number
  name: string
  roles: string
  pin_hash: string
  active: number
  failed_pins: number
  locked_until: string | null
}

export function staffCount(db: ReadDb): number {
  return (db.prepare('SELECT count(*) AS n FROM staff').get() as { n: number }).n
}

export function listActiveStaff(db: ReadDb): Array<{ id: number; name: string }> {
  return db.prepare('SELECT id, name FROM staff WHERE active = 1 ORDER BY name').all() as Array<{ id: number; name: string }>
}

export function actorOf(row: Pick<StaffRow, 'id' | 'name' | 'roles'>): Actor {
  return { id: row.id, name: row.name, roles: JSON.parse(row.roles) as Role[] }
}

export function insertStaff(db: Db, actor: Actor | null, at: Date, name: string, roles: Role[], pin: string): Actor {
  const now = at.toISOString()
  const info = db
    .prepare('INSERT INTO staff (name, roles, pin_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
    .run(name, JSON.stringify(roles), hashPin(pin), now, now)
  const created: Actor = { id: Number(info.lastInsertRowid), name, roles }
  recordAudit(db, actor ?? created, at, { action: 'create', entity: 'staff', entityId: created.id, after: { name, roles } })
  return created
}

/**
 * Checks a PIN. Five wrong PINs in a row lock the person for LOCK_MINUTES; the count and the
 * lock are written even though the call fails, so a restart does not reset them.
 */
export function checkPin(db: Db, at: Date, staffId: number, pin: string): Actor {
  // The failure is committed before it is thrown: a wrong PIN must count even though the call fails.
  const outcome = db.transaction(() => {
    try {
      return { actor: attemptPin(db, at, staffId, pin) }
    } catch (err) {
      if (err instanceof AppError) return { error: err }
      throw err
    }
  }).immediate()
  if ('error' in outcome) throw outcome.error
  return outcome.actor
}

function attemptPin(db: Db, at: Date, staffId: number, pin: string): Actor {
  const row = db.prepare('SELECT * FROM staff WHERE id = ? AND active = 1').get(staffId) as StaffRow | undefined
  if (!row) throw new AppError('unknown_staff', 'No active member of staff with that id.')
  if (row.locked_until && row.locked_until > at.toISOString()) {
    throw new AppError('pin_locked', `Too many wrong PINs: ${row.name} is locked until ${row.locked_until}.`, {
      until: row.locked_until
    })
  }
  if (/^\d{4,6}$/.test(pin) && verifyPin(pin, row.pin_hash)) {
    db.prepare('UPDATE staff SET failed_pins = 0, locked_until = NULL WHERE id = ?').run(staffId)
    const actor = actorOf(row)
    recordAudit(db, actor, at, { action: 'sign-in', entity: 'staff', entityId: staffId, note: {} })
    return actor
  }
  const failed = row.failed_pins + 1
  const lockedUntil = failed >= MAX_WRONG_PINS ? new Date(at.getTime() + LOCK_MINUTES * 60_000).toISOString() : null
  db.prepare('UPDATE staff SET failed_pins = ?, locked_until = ? WHERE id = ?').run(
    lockedUntil ? 0 : failed,
    lockedUntil,
    staffId
  )
  recordAudit(db, null, at, { action: 'sign-in-failed', entity: 'staff', entityId: staffId, note: { failed } })
  if (lockedUntil) {
    throw new AppError('pin_locked', `Too many wrong PINs: locked until ${lockedUntil}.`, { until: lockedUntil })
  }
  throw new AppError('wrong_pin', 'Wrong PIN.', { left: MAX_WRONG_PINS - failed })
}

const STAFF_COLUMNS = `id, name, roles, active, locked_until AS lockedUntil, version`

export interface StaffRecordRow {
  id: number
  name: string
  roles: Role[]
  active: boolean
  lockedUntil: string | null
  version: number
}

function toRecord(r: { id: number; name: string; roles: string; active: number; lockedUntil: string | null; version: number }): StaffRecordRow {
  return { ...r, roles: JSON.parse(r.roles) as Role[], active: r.active === 1 }
}

export function listStaff(db: ReadDb, includeInactive: boolean): StaffRecordRow[] {
  const rows = db
    .prepare(`SELECT ${STAFF_COLUMNS} FROM staff ${includeInactive ? '' : 'WHERE active = 1'} ORDER BY name`)
    .all() as Array<Parameters<typeof toRecord>[0]>
  return rows.map(toRecord)
}

export function getStaff(db: ReadDb, id: number): StaffRecordRow {
  const row = db.prepare(`SELECT ${STAFF_COLUMNS} FROM staff WHERE id = ?`).get(id) as Parameters<typeof toRecord>[0] | undefined
  if (!row) throw new AppError('not_found', `staff ${id} not found`, { what: 'staff', id })
  return toRecord(row)
}

export function updateStaff(
  db: Db,
  actor: Actor,
  at: Date,
  id: number,
  version: number,
  fields: { name: string; roles: Role[]; active: boolean }
): StaffRecordRow {
  const before = getStaff(db, id)
  if (before.version !== version) throw new AppError('stale_version', `staff ${id} was changed by someone else`, { what: 'staff', id })
  // The shop must keep someone who can manage staff.
  if (before.roles.includes('admin') && (!fields.roles.includes('admin') || !fields.active)) {
    const admins = (db.prepare(`SELECT count(*) AS n FROM staff WHERE active = 1 AND id != ? AND roles LIKE '%"admin"%'`).get(id) as { n: number }).n
    if (admins === 0) throw new AppError('last_admin', 'At least one active administrator must remain.')
  }
  db.prepare('UPDATE staff SET name = ?, roles = ?, active = ?, updated_at = ?, version = version + 1 WHERE id = ?').run(
    fields.name,
    JSON.stringify(fields.roles),
    fields.active ? 1 : 0,
    at.toISOString(),
    id
  )
  recordAudit(db, actor, at, { action: 'update', entity: 'staff', entityId: id, before: { ...before }, after: { ...before, ...fields } })
  return getStaff(db, id)
}

export function setPin(db: Db, actor: Actor, at: Date, id: number, pin: string): StaffRecordRow {
  getStaff(db, id)
  db.prepare('UPDATE staff SET pin_hash = ?, failed_pins = 0, locked_until = NULL, updated_at = ?, version = version + 1 WHERE id = ?').run(
    hashPin(pin),
    at.toISOString(),
    id
  )
  recordAudit(db, actor, at, { action: 'set-pin', entity: 'staff', entityId: id, note: {} })
  return getStaff(db, id)
}
