import type { Db, ReadDb } from '../../db/types'
import type { Actor } from '../../core/context'
import { AppError } from '../../../shared/errors'

export type AuditAction = 'create' | 'update' | 'delete' | 'sign-in' | 'sign-in-failed' | 'export' | 'restore' | 'backup' | string

type Row = Record<string, unknown>

/** Field name → [before, after] of what changed; a created record lists every field it was given. */
export function diff(before: Row | null, after: Row | null): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {}
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])
  for (const key of keys) {
    if (key === 'version' || key === 'updatedAt' || key === 'createdAt' || key === 'pinHash') continue
    const a = before?.[key] ?? null
    const b = after?.[key] ?? null
    if (JSON.stringify(a) !== JSON.stringify(b)) changes[key] = [a, b]
  }
  return changes
}

export interface AuditEntry {
  action: AuditAction
  entity: string
  entityId: number | string
  before?: Row | null
  after?: Row | null
  /** Extra facts for actions that are not a field change (an export's filter, a restore's file). */
  note?: Row
}

/** Must be called inside the transaction of the change it records. */
export function recordAudit(db: Db, actor: Actor | null, at: Date, entry: AuditEntry): void {
  const changes = entry.note ?? diff(entry.before ?? null, entry.after ?? null)
  if (entry.action === 'update' && Object.keys(changes).length === 0) return
  db.prepare(
    `INSERT INTO audit_log (at, staff_id, staff_name, action, entity, entity_id, changes)
     VALUES (?, ?, ?, ?, ?, ?, ?)`
  ).run(at.toISOString(), actor?.id ?? null, actor?.name ?? null, entry.action, entry.entity, String(entry.entityId), JSON.stringify(changes))
}

export interface AuditRow {
  id: number
  at: string
  staffId: number | null
  staffName: string | null
  action: string
  entity: string
  entityId: string
  changes: Record<string, unknown>
}

export function historyOf(db: ReadDb, entity: string, entityId: number | string, limit = 200): AuditRow[] {
  const rows = db
    .prepare(
      `SELECT id, at, staff_id AS staffId, staff_name AS staffName, action, entity, entity_id AS entityId, changes
       FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id DESC LIMIT ?`
    )
    .all(entity, String(entityId), limit) as Array<Omit<AuditRow, 'changes'> & { changes: string }>
  return rows.map((r) => ({ ...r, changes: JSON.parse(r.changes) as Record<string, unknown> }))
}

export interface AuditQuery {
  staffId?: number | undefined
  entity?: string | undefined
  text?: string | undefined
  from?: string | undefined
  to?: string | undefined
  beforeId?: number | undefined
  limit: number
}

/** The audit view in Settings: newest first, paged by id, filtered by who, what, a word and a period. */
export function searchAudit(db: ReadDb, q: AuditQuery): { rows: AuditRow[]; more: boolean } {
  const where: string[] = []
  const args: unknown[] = []
  if (q.staffId !== undefined) (where.push('staff_id = ?'), args.push(q.staffId))
  if (q.entity) (where.push('entity = ?'), args.push(q.entity))
  if (q.from) (where.push('at >= ?'), args.push(new Date(q.from).toISOString()))
  if (q.to) (where.push('at < ?'), args.push(new Date(q.to).toISOString()))
  if (q.beforeId !== undefined) (where.push('id < ?'), args.push(q.beforeId))
  if (q.text) {
    where.push("(changes LIKE ? ESCAPE '\\' OR entity_id = ? OR staff_name LIKE ? ESCAPE '\\' OR action = ?)")
    const like = `%${q.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    args.push(like, q.text, like, q.text)
  }
  const rows = db
    .prepare(
      `SELECT id, at, staff_id AS staffId, staff_name AS staffName, action, entity, entity_id AS entityId, changes
       FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`
    )
    .all(...args, q.limit + 1) as Array<Omit<AuditRow, 'changes'> & { changes: string }>
  return {
    rows: rows.slice(0, q.limit).map((r) => ({ ...r, changes: JSON.parse(r.changes) as Record<string, unknown> })),
    more: rows.length > q.limit
  }
}

/**
 * The refusal for a save made on an old copy of a record: it names who changed the record in
 * between, when, and which fields, so the person can look at their change and make theirs again.
 */
export function changedByOther(db: ReadDb, entity: string, entityId: number): AppError {
  const last = db
    .prepare(`SELECT at, staff_name AS by, changes FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id DESC LIMIT 1`)
    .get(entity, String(entityId)) as { at: string; by: string | null; changes: string } | undefined
  const fields = last ? Object.keys(JSON.parse(last.changes) as object) : []
  return new AppError(
    'changed_by_other',
    `${last?.by ?? 'Someone'} changed this ${entity} at ${last?.at ?? 'an unknown time'} (${fields.join(', ')}); reload it and make your change again.`,
    { what: entity, id: entityId, by: last?.by ?? '?', at: last?.at ?? '', fields: fields.join(', ') }
  )
}
