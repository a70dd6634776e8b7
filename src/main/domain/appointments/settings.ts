import type { Db, ReadDb } from '../../db/types'
import type { Actor } from '../../core/context'
import type { Bay, Block, BoardSettings } from '../../../shared/contract/appointments'
import { AppError, notFound, staleVersion } from '../../../shared/errors'
import { recordAudit } from '../audit/audit'

const KEY = 'appointments'

const weekday = { open: '08:00', close: '18:00' }
export const DEFAULT_BOARD_SETTINGS: BoardSettings = {
  openingHours: [{ open: '09:00', close: '17:00' }, weekday, weekday, weekday, weekday, weekday, weekday],
  intervalMinutes: 60,
  windowMinutes: 15,
  slotMinutes: 15,
  defaultDurationMinutes: 60
}

/** The board's own settings live under one key of the settings table, merged over the defaults. */
export function readBoardSettings(db: ReadDb): BoardSettings {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined
  return row ? { ...DEFAULT_BOARD_SETTINGS, ...(JSON.parse(row.value) as Partial<BoardSettings>) } : DEFAULT_BOARD_SETTINGS
}

export function writeBoardSettings(db: Db, actor: Actor, at: Date, next: BoardSettings): BoardSettings {
  for (const day of next.openingHours) {
    if (day && day.close <= day.open) throw new AppError('board.hours_order', `Closing time ${day.close} is not after opening time ${day.open}.`, { open: day.open, close: day.close })
  }
  const before = readBoardSettings(db)
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(next))
  recordAudit(db, actor, at, { action: 'update', entity: 'board-settings', entityId: KEY, before: { ...before }, after: { ...next } })
  return next
}

type BayRow = { id: number; name: string; sort: number; active: number; version: number }
const toBay = (r: BayRow): Bay => ({ ...r, active: r.active === 1 })

export function listBays(db: ReadDb, includeRetired = true): Bay[] {
  const rows = db.prepare(`SELECT id, name, sort, active, version FROM appointment_bays ${includeRetired ? '' : 'WHERE active = 1'} ORDER BY sort, id`).all() as BayRow[]
  return rows.map(toBay)
}

export function getBay(db: ReadDb, id: number): Bay {
  const row = db.prepare('SELECT id, name, sort, active, version FROM appointment_bays WHERE id = ?').get(id) as BayRow | undefined
  if (!row) throw notFound('bay', id)
  return toBay(row)
}

export function saveBay(db: Db, actor: Actor, at: Date, input: { id?: number | undefined; version?: number | undefined; name: string; sort: number; active: boolean }): Bay {
  const clash = db.prepare('SELECT id FROM appointment_bays WHERE name = ? AND id IS NOT ?').get(input.name, input.id ?? null) as { id: number } | undefined
  if (clash) throw new AppError('board.bay_name_taken', `There is already a bay called ${input.name}.`, { name: input.name })
  if (input.id === undefined) {
    const info = db.prepare('INSERT INTO appointment_bays (name, sort, active) VALUES (?, ?, ?)').run(input.name, input.sort, input.active ? 1 : 0)
    const id = Number(info.lastInsertRowid)
    recordAudit(db, actor, at, { action: 'create', entity: 'bay', entityId: id, after: { name: input.name, sort: input.sort, active: input.active } })
    return getBay(db, id)
  }
  const before = getBay(db, input.id)
  if (before.version !== input.version) throw staleVersion('bay', input.id)
  db.prepare('UPDATE appointment_bays SET name = ?, sort = ?, active = ?, version = version + 1 WHERE id = ?').run(input.name, input.sort, input.active ? 1 : 0, input.id)
  recordAudit(db, actor, at, { action: 'update', entity: 'bay', entityId: input.id, before: { ...before }, after: { ...before, name: input.name, sort: input.sort, active: input.active } })
  return getBay(db, input.id)
}

type BlockRow = Omit<Block, 'label'> & { bayName: string | null; advisorName: string | null }
const BLOCK_SQL = `SELECT b.id, b.bay_id AS bayId, b.advisor_id AS advisorId, b.starts_at AS startsAt, b.ends_at AS endsAt, b.reason,
    y.name AS bayName, s.name AS advisorName
  FROM appointment_blocks b LEFT JOIN appointment_bays y ON y.id = b.bay_id LEFT JOIN staff s ON s.id = b.advisor_id`
const toBlock = ({ bayName, advisorName, ...b }: BlockRow): Block => ({ ...b, label: bayName ?? advisorName ?? '' })

/** Blocked periods overlapping [from, to), or every one still to come when no range is given. */
export function listBlocks(db: ReadDb, from: string, to: string): Block[] {
  return (db.prepare(`${BLOCK_SQL} WHERE b.starts_at < ? AND b.ends_at > ? ORDER BY b.starts_at`).all(to, from) as BlockRow[]).map(toBlock)
}

export function addBlock(db: Db, actor: Actor, at: Date, input: { bayId: number | null; advisorId: number | null; startsAt: string; endsAt: string; reason: string | null }): Block {
  if ((input.bayId === null) === (input.advisorId === null)) throw new AppError('board.block_target', 'Block either a bay or an advisor.')
  if (input.endsAt <= input.startsAt) throw new AppError('board.end_before_start', 'The end must come after the start.')
  if (input.bayId !== null) getBay(db, input.bayId)
  if (input.advisorId !== null && !db.prepare('SELECT 1 FROM staff WHERE id = ?').get(input.advisorId)) throw notFound('staff', input.advisorId)
  const info = db
    .prepare('INSERT INTO appointment_blocks (bay_id, advisor_id, starts_at, ends_at, reason, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(input.bayId, input.advisorId, input.startsAt, input.endsAt, input.reason, at.toISOString())
  const id = Number(info.lastInsertRowid)
  recordAudit(db, actor, at, { action: 'create', entity: 'board-block', entityId: id, after: { ...input } })
  return toBlock(db.prepare(`${BLOCK_SQL} WHERE b.id = ?`).get(id) as BlockRow)
}

export function removeBlock(db: Db, actor: Actor, at: Date, id: number): void {
  const before = db.prepare(`${BLOCK_SQL} WHERE b.id = ?`).get(id) as BlockRow | undefined
  if (!before) throw notFound('block', id)
  db.prepare('DELETE FROM appointment_blocks WHERE id = ?').run(id)
  recordAudit(db, actor, at, { action: 'delete', entity: 'board-block', entityId: id, before: { ...before } })
}

/** Staff who hold the advisor role and can sign in: the board's advisor columns and pickers. */
export function listAdvisors(db: ReadDb): Array<{ id: number; name: string }> {
  const rows = db.prepare('SELECT id, name, roles FROM staff WHERE active = 1 ORDER BY id').all() as Array<{ id: number; name: string; roles: string }>
  return rows.filter((r) => (JSON.parse(r.roles) as string[]).includes('advisor')).map(({ id, name }) => ({ id, name }))
}
