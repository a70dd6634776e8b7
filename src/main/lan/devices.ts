import type { Db, ReadDb } from '../db/types'
import type { Actor } from '../core/context'
import { recordAudit } from '../domain/audit/audit'
import { AppError } from '../../shared/errors'
import { newDeviceKey } from './crypto'

export interface DeviceRow {
  id: number
  name: string
  key: string
  createdAt: string
  lastSeenAt: string | null
  lastAddress: string | null
  revokedAt: string | null
}

const COLUMNS = 'id, name, key, created_at AS createdAt, last_seen_at AS lastSeenAt, last_address AS lastAddress, revoked_at AS revokedAt'

export function listDevices(db: ReadDb): DeviceRow[] {
  return db.prepare(`SELECT ${COLUMNS} FROM lan_devices ORDER BY revoked_at IS NOT NULL, name`).all() as DeviceRow[]
}

export function deviceById(db: ReadDb, id: number): DeviceRow | null {
  return (db.prepare(`SELECT ${COLUMNS} FROM lan_devices WHERE id = ?`).get(id) as DeviceRow | undefined) ?? null
}

export function createDevice(db: Db, at: Date, name: string, address: string): DeviceRow {
  const key = newDeviceKey()
  const id = Number(
    db.prepare('INSERT INTO lan_devices (name, key, created_at, last_seen_at, last_address) VALUES (?, ?, ?, ?, ?)').run(name, key, at.toISOString(), at.toISOString(), address).lastInsertRowid
  )
  recordAudit(db, null, at, { action: 'pair', entity: 'device', entityId: id, note: { name, address } })
  return deviceById(db, id) as DeviceRow
}

export function revokeDevice(db: Db, actor: Actor, at: Date, id: number): void {
  const device = deviceById(db, id)
  if (!device) throw new AppError('not_found', `device ${id} not found`, { what: 'device', id })
  if (device.revokedAt) return
  db.prepare('UPDATE lan_devices SET revoked_at = ? WHERE id = ?').run(at.toISOString(), id)
  recordAudit(db, actor, at, { action: 'revoke', entity: 'device', entityId: id, note: { name: device.name } })
}

export function touchDevice(db: Db, id: number, at: Date, address: string): void {
  db.prepare('UPDATE lan_devices SET last_seen_at = ?, last_address = ? WHERE id = ?').run(at.toISOString(), address, id)
}
