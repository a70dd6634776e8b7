import type { Db, ReadDb } from '../../db/types'
import type { Actor } from '../../core/context'
import { AppError, notFound, staleVersion } from '../../../shared/errors'
import type { Claim, OldPart } from '../../../shared/contract/parts'
import { fromLocal } from '../../../shared/time'
import { recordAudit } from '../audit/audit'
import { nextNumber } from './movements'

// ——— old parts (舊件) ———

const OLD_SELECT = `SELECT o.id, o.part_id AS partId, p.part_no AS partNo, o.description, o.qty, o.work_order_id AS workOrderId,
  w.number AS workOrderNumber, o.service_report AS serviceReport, o.status, o.due_at AS dueAt, o.returned_at AS returnedAt,
  o.disposed_at AS disposedAt, o.disposition_note AS dispositionNote, o.created_at AS createdAt, o.version
  FROM old_parts o LEFT JOIN parts p ON p.id = o.part_id LEFT JOIN work_orders w ON w.id = o.work_order_id`

export function getOldPart(db: ReadDb, id: number): OldPart {
  const r = db.prepare(`${OLD_SELECT} WHERE o.id = ?`).get(id) as OldPart | undefined
  if (!r) throw notFound('old part', id)
  return r
}

/** Those of one shop-local month (the monthly 舊件 list), or those overdue (due date before today). */
export function listOldParts(db: ReadDb, timeZone: string, today: string, q: { month?: string | undefined; dueOnly: boolean }): OldPart[] {
  if (q.dueOnly) {
    return db.prepare(`${OLD_SELECT} WHERE o.status = 'due' AND o.due_at < ? ORDER BY o.due_at`).all(today) as OldPart[]
  }
  const monthStart = `${q.month ?? today.slice(0, 7)}-01`
  const [y, m] = monthStart.split('-').map(Number) as [number, number]
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`
  return db
    .prepare(`${OLD_SELECT} WHERE o.created_at >= ? AND o.created_at < ? ORDER BY o.created_at`)
    .all(fromLocal(monthStart, timeZone).toISOString(), fromLocal(next, timeZone).toISOString()) as OldPart[]
}

function changeOldPart(db: Db, actor: Actor, at: Date, id: number, version: number, from: string[], set: Record<string, unknown>): OldPart {
  const before = getOldPart(db, id)
  if (before.version !== version) throw staleVersion('old part', id)
  if (!from.includes(before.status)) throw new AppError('parts.old_part_status', `That old part is ${before.status}.`, { status: before.status })
  const cols = Object.keys(set)
  db.prepare(`UPDATE old_parts SET ${cols.map((c) => `${c} = ?`).join(', ')}, updated_at = ?, version = version + 1 WHERE id = ?`).run(
    ...cols.map((c) => set[c]),
    at.toISOString(),
    id
  )
  const after = getOldPart(db, id)
  recordAudit(db, actor, at, { action: 'update', entity: 'old_part', entityId: id, before, after })
  return after
}

export const receiveOldPart = (db: Db, actor: Actor, at: Date, id: number, version: number): OldPart =>
  changeOldPart(db, actor, at, id, version, ['due'], { status: 'returned', returned_at: at.toISOString() })

export const disposeOldPart = (db: Db, actor: Actor, at: Date, id: number, version: number, status: string, note: string | null): OldPart =>
  changeOldPart(db, actor, at, id, version, ['returned', 'due'], { status, disposed_at: at.toISOString(), disposition_note: note })

// ——— supplier re-claims (二次索賠) ———

const CLAIM_SELECT = `SELECT k.id, k.number, k.supplier_id AS supplierId, s.name AS supplierName, k.part_id AS partId, p.part_no AS partNo,
  p.name AS partName, k.old_part_id AS oldPartId, k.work_order_id AS workOrderId, w.number AS workOrderNumber, k.qty, k.fault,
  k.claimed_cents AS claimedCents, k.recovered_cents AS recoveredCents, k.status, k.sent_at AS sentAt, k.decided_at AS decidedAt,
  k.credited_at AS creditedAt, k.note, k.created_at AS createdAt, k.version
  FROM supplier_claims k JOIN suppliers s ON s.id = k.supplier_id LEFT JOIN parts p ON p.id = k.part_id
  LEFT JOIN work_orders w ON w.id = k.work_order_id`

const withAge = (c: Omit<Claim, 'ageDays'>, at: Date): Claim => ({ ...c, ageDays: Math.floor((at.getTime() - Date.parse(c.createdAt)) / 86_400_000) })

export function getClaim(db: ReadDb, id: number, at: Date): Claim {
  const r = db.prepare(`${CLAIM_SELECT} WHERE k.id = ?`).get(id) as Omit<Claim, 'ageDays'> | undefined
  if (!r) throw notFound('claim', id)
  return withAge(r, at)
}

export function createClaim(
  db: Db,
  actor: Actor,
  at: Date,
  timeZone: string,
  input: { supplierId: number; partId: number | null; oldPartId: number | null; workOrderId: number | null; qty: number; fault: string; claimedCents: number; note: string | null }
): number {
  if (!db.prepare('SELECT 1 FROM suppliers WHERE id = ?').get(input.supplierId)) throw notFound('supplier', input.supplierId)
  let { partId, workOrderId } = input
  if (input.oldPartId !== null) {
    const old = getOldPart(db, input.oldPartId)
    if (!['due', 'returned'].includes(old.status)) throw new AppError('parts.old_part_status', `That old part is ${old.status}.`, { status: old.status })
    partId ??= old.partId
    workOrderId ??= old.workOrderId
    db.prepare("UPDATE old_parts SET status = 'claimed', disposed_at = ?, updated_at = ?, version = version + 1 WHERE id = ?").run(at.toISOString(), at.toISOString(), old.id)
  }
  if (partId !== null && !db.prepare('SELECT 1 FROM parts WHERE id = ?').get(partId)) throw notFound('part', partId)
  if (workOrderId !== null && !db.prepare('SELECT 1 FROM work_orders WHERE id = ?').get(workOrderId)) throw notFound('work order', workOrderId)
  const now = at.toISOString()
  const number = nextNumber(db, 'supplier_claims', 'SP', at, timeZone)
  const id = Number(
    db
      .prepare(
        `INSERT INTO supplier_claims (number, supplier_id, part_id, old_part_id, work_order_id, qty, fault, claimed_cents, status, note, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?)`
      )
      .run(number, input.supplierId, partId, input.oldPartId, workOrderId, input.qty, input.fault, input.claimedCents, input.note, now, now).lastInsertRowid
  )
  recordAudit(db, actor, at, { action: 'create', entity: 'supplier_claim', entityId: id, after: { number, ...input } })
  return id
}

const NEXT: Record<string, string[]> = { draft: ['sent'], sent: ['accepted', 'rejected'], accepted: ['credited'], rejected: [], credited: [] }

export function advanceClaim(
  db: Db,
  actor: Actor,
  at: Date,
  input: { id: number; version: number; to: 'sent' | 'accepted' | 'rejected' | 'credited'; recoveredCents?: number | undefined; note: string | null }
): void {
  const c = getClaim(db, input.id, at)
  if (c.version !== input.version) throw staleVersion('claim', input.id)
  if (!NEXT[c.status]?.includes(input.to)) throw new AppError('parts.claim_step', `A ${c.status} claim cannot become ${input.to}.`, { from: c.status, to: input.to })
  const now = at.toISOString()
  const set: Record<string, unknown> = { status: input.to }
  if (input.to === 'sent') set.sent_at = now
  if (input.to === 'accepted' || input.to === 'rejected') set.decided_at = now
  if (input.to === 'credited') {
    if (input.recoveredCents === undefined) throw new AppError('parts.recovered_required', 'Enter the amount the supplier credited.')
    set.credited_at = now
    set.recovered_cents = input.recoveredCents
  }
  if (input.note) set.note = input.note
  const cols = Object.keys(set)
  db.prepare(`UPDATE supplier_claims SET ${cols.map((k) => `${k} = ?`).join(', ')}, updated_at = ?, version = version + 1 WHERE id = ?`).run(
    ...cols.map((k) => set[k]),
    now,
    input.id
  )
  recordAudit(db, actor, at, { action: 'update', entity: 'supplier_claim', entityId: input.id, before: { status: c.status }, after: { status: input.to, recoveredCents: input.recoveredCents ?? null } })
}

export function listClaims(db: ReadDb, at: Date, openOnly: boolean): { items: Claim[]; bySupplier: Array<{ supplierId: number; supplierName: string; open: number; claimedCents: number; oldestDays: number }> } {
  const rows = (db.prepare(`${CLAIM_SELECT} ${openOnly ? "WHERE k.status IN ('draft', 'sent', 'accepted')" : ''} ORDER BY k.created_at`).all() as Array<Omit<Claim, 'ageDays'>>).map((c) =>
    withAge(c, at)
  )
  const groups = new Map<number, { supplierId: number; supplierName: string; open: number; claimedCents: number; oldestDays: number }>()
  for (const c of rows) {
    if (!['draft', 'sent', 'accepted'].includes(c.status)) continue
    const g = groups.get(c.supplierId) ?? { supplierId: c.supplierId, supplierName: c.supplierName, open: 0, claimedCents: 0, oldestDays: 0 }
    g.open++
    g.claimedCents += c.claimedCents
    g.oldestDays = Math.max(g.oldestDays, c.ageDays)
    groups.set(c.supplierId, g)
  }
  return { items: rows, bySupplier: [...groups.values()].sort((a, b) => b.oldestDays - a.oldestDays) }
}

