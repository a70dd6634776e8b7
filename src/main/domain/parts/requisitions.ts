import type { Db, ReadDb } from '../../db/types'
import type { Actor } from '../../core/context'
import { AppError, notFound, staleVersion } from '../../../shared/errors'
import type { Requisition } from '../../../shared/contract/parts'
import { recordAudit } from '../audit/audit'
import { postMovements, refreshRequisitionStatus } from './ledger'
import { activeLocation, approverRoles, readPartsSettings } from './master'
import { nextNumber, workOrderRow } from './movements'

type Head = Omit<Requisition, 'lines' | 'approverRoles'>

const HEAD_SELECT = `SELECT r.id, r.number, r.work_order_id AS workOrderId, w.number AS workOrderNumber, v.plate, c.name AS customerName,
  r.location_id AS locationId, l.name AS locationName, r.status, r.amount_cents AS amountCents, r.note,
  r.requested_by_name AS requestedByName, r.requested_at AS requestedAt, r.decided_by_name AS decidedByName,
  r.decided_at AS decidedAt, r.decision_note AS decisionNote, r.version
  FROM requisitions r JOIN work_orders w ON w.id = r.work_order_id JOIN part_locations l ON l.id = r.location_id
  LEFT JOIN vehicles v ON v.id = w.vehicle_id LEFT JOIN customers c ON c.id = w.customer_id`

function complete(db: ReadDb, head: Head): Requisition {
  const lines = db
    .prepare(
      `SELECT rl.id, rl.part_id AS partId, p.part_no AS partNo, p.name, p.unit, p.bin, rl.qty, rl.issued_qty AS issuedQty,
              rl.unit_cost_cents AS unitCostCents, coalesce(b.qty, 0) AS onHand
       FROM requisition_lines rl JOIN parts p ON p.id = rl.part_id
       LEFT JOIN part_balances b ON b.part_id = rl.part_id AND b.location_id = ?
       WHERE rl.requisition_id = ? ORDER BY rl.id`
    )
    .all(head.locationId, head.id) as Requisition['lines']
  return { ...head, approverRoles: approverRoles(readPartsSettings(db), head.amountCents), lines }
}

export function getRequisition(db: ReadDb, id: number): Requisition {
  const head = db.prepare(`${HEAD_SELECT} WHERE r.id = ?`).get(id) as Head | undefined
  if (!head) throw notFound('requisition', id)
  return complete(db, head)
}

export function listRequisitions(db: ReadDb, q: { status?: string | undefined; workOrderId?: number | undefined; limit: number }): Requisition[] {
  const where: string[] = []
  const args: unknown[] = []
  if (q.status === 'open') where.push("r.status IN ('pending', 'approved', 'partly_issued')")
  else if (q.status) {
    where.push('r.status = ?')
    args.push(q.status)
  }
  if (q.workOrderId) {
    where.push('r.work_order_id = ?')
    args.push(q.workOrderId)
  }
  const heads = db.prepare(`${HEAD_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY r.id DESC LIMIT ?`).all(...args, q.limit) as Head[]
  return heads.map((h) => complete(db, h))
}

export function createRequisition(
  db: Db,
  actor: Actor,
  at: Date,
  timeZone: string,
  input: { workOrderId: number; locationId: number; lines: Array<{ partId: number; qty: number }>; note: string | null }
): number {
  const wo = workOrderRow(db, input.workOrderId)
  if (['cancelled', 'declined', 'delivered'].includes(wo.status)) {
    throw new AppError('parts.work_order_closed', `Work order ${wo.number} is ${wo.status}.`, { number: wo.number, status: wo.status })
  }
  activeLocation(db, input.locationId)
  const seen = new Set<number>()
  const costOf = db.prepare('SELECT part_no AS partNo, cost_cents AS cost FROM parts WHERE id = ? AND active = 1')
  const lines = input.lines.map((l) => {
    const p = costOf.get(l.partId) as { partNo: string; cost: number } | undefined
    if (!p) throw notFound('part', l.partId)
    if (seen.has(l.partId)) throw new AppError('parts.duplicate_line', `${p.partNo} is on the requisition twice.`, { partNo: p.partNo })
    seen.add(l.partId)
    return { ...l, cost: p.cost }
  })
  const amount = lines.reduce((a, l) => a + l.qty * l.cost, 0)
  const now = at.toISOString()
  const number = nextNumber(db, 'requisitions', 'LL', at, timeZone)
  const id = Number(
    db
      .prepare(
        `INSERT INTO requisitions (number, work_order_id, location_id, status, amount_cents, note, requested_by, requested_by_name, requested_at, created_at, updated_at)
         VALUES (?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(number, input.workOrderId, input.locationId, amount, input.note, actor.id, actor.name, now, now, now).lastInsertRowid
  )
  const insert = db.prepare('INSERT INTO requisition_lines (requisition_id, part_id, qty, unit_cost_cents) VALUES (?, ?, ?, ?)')
  for (const l of lines) insert.run(id, l.partId, l.qty, l.cost)
  recordAudit(db, actor, at, { action: 'create', entity: 'requisition', entityId: id, after: { number, workOrder: wo.number, amountCents: amount, lines: lines.length } })
  return id
}

function loadForChange(db: Db, id: number, version: number, allowed: string[]): Requisition {
  const r = getRequisition(db, id)
  if (r.version !== version) throw staleVersion('requisition', id)
  if (!allowed.includes(r.status)) throw new AppError('parts.requisition_status', `Requisition ${r.number} is ${r.status}.`, { number: r.number, status: r.status })
  return r
}

/** Approval is role-checked here, in main, against the shop's amount thresholds. */
export function decideRequisition(db: Db, actor: Actor, at: Date, id: number, version: number, approve: boolean, note: string | null): void {
  const r = loadForChange(db, id, version, ['pending'])
  if (approve) {
    const roles = approverRoles(readPartsSettings(db), r.amountCents)
    if (!actor.roles.some((role) => roles.includes(role))) {
      throw new AppError('parts.approval_role', `A requisition of ${(r.amountCents / 100).toFixed(2)} yuan needs approval by: ${roles.join(', ')}.`, {
        amount: (r.amountCents / 100).toFixed(2),
        roles
      })
    }
  }
  const status = approve ? 'approved' : 'rejected'
  db.prepare(
    'UPDATE requisitions SET status = ?, decided_by = ?, decided_by_name = ?, decided_at = ?, decision_note = ?, updated_at = ?, version = version + 1 WHERE id = ?'
  ).run(status, actor.id, actor.name, at.toISOString(), note, at.toISOString(), id)
  recordAudit(db, actor, at, { action: status, entity: 'requisition', entityId: id, before: { status: r.status }, after: { status, note } })
}

/**
 * Issues what was approved, line by line, in one posting. A line may be issued in part; what is
 * left stays open on the requisition. Any line that would take the shelf below zero refuses the
 * whole issue, naming the part, the location and what is on hand.
 */
export function issueRequisition(db: Db, actor: Actor, at: Date, id: number, version: number, lines: Array<{ lineId: number; qty: number }>): number {
  const r = loadForChange(db, id, version, ['approved', 'partly_issued'])
  const byId = new Map(r.lines.map((l) => [l.id, l]))
  const moves = lines.map((want) => {
    const line = byId.get(want.lineId)
    if (!line) throw notFound('requisition line', want.lineId)
    const open = line.qty - line.issuedQty
    if (want.qty > open) {
      throw new AppError('parts.issue_exceeds_approved', `Only ${open} of ${line.partNo} remain to issue on ${r.number}.`, { partNo: line.partNo, open, number: r.number })
    }
    return { partId: line.partId, locationId: r.locationId, qty: -want.qty, unitCostCents: line.unitCostCents, workOrderId: r.workOrderId, requisitionLineId: line.id }
  })
  const postingId = postMovements(db, actor, at, 'issue', moves, { reason: r.number })
  const bump = db.prepare('UPDATE requisition_lines SET issued_qty = issued_qty + ? WHERE id = ?')
  for (const l of lines) bump.run(l.qty, l.lineId)
  refreshRequisitionStatus(db, at, lines[0]!.lineId)
  db.prepare('UPDATE requisitions SET version = version + 1, updated_at = ? WHERE id = ?').run(at.toISOString(), id)
  return postingId
}

/** What is still open is not needed any more: a pending one is cancelled, an approved one closed. */
export function closeRequisition(db: Db, actor: Actor, at: Date, id: number, version: number, note: string): void {
  const r = loadForChange(db, id, version, ['pending', 'approved', 'partly_issued'])
  const status = r.status === 'pending' ? 'cancelled' : 'closed'
  db.prepare('UPDATE requisitions SET status = ?, decision_note = coalesce(decision_note, ?), updated_at = ?, version = version + 1 WHERE id = ?').run(status, note, at.toISOString(), id)
  recordAudit(db, actor, at, { action: status, entity: 'requisition', entityId: id, before: { status: r.status }, after: { status, note } })
}
