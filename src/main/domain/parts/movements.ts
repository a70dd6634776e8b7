import type { Db, ReadDb } from '../../db/types'
import type { Actor } from '../../core/context'
import { AppError, notFound } from '../../../shared/errors'
import type { Receipt } from '../../../shared/contract/parts'
import { toLocalDate, addDays } from '../../../shared/time'
import { recordAudit } from '../audit/audit'
import { postMovements, refreshRequisitionStatus } from './ledger'
import { activeLocation, partRow, readPartsSettings } from './master'

/** RK20261204-001: a prefix, the shop-local day and that day's sequence. */
export function nextNumber(db: ReadDb, table: string, prefix: string, at: Date, timeZone: string): string {
  const day = toLocalDate(at, timeZone).replaceAll('-', '')
  const stem = `${prefix}${day}-`
  // By length first: RK20261204-1000 comes after RK20261204-999, though it sorts before it as text.
  const last = db.prepare(`SELECT number FROM ${table} WHERE number LIKE ? ORDER BY length(number) DESC, number DESC LIMIT 1`).get(`${stem}%`) as { number: string } | undefined
  const seq = last ? Number(last.number.slice(stem.length)) + 1 : 1
  return `${stem}${String(seq).padStart(3, '0')}`
}

export function postReceipt(
  db: Db,
  actor: Actor,
  at: Date,
  timeZone: string,
  input: { locationId: number; supplierId: number | null; deliveryNote: string | null; note: string | null; lines: Array<{ partId: number; qty: number; unitCostCents?: number | undefined }> }
): number {
  activeLocation(db, input.locationId)
  if (input.supplierId !== null && !db.prepare('SELECT 1 FROM suppliers WHERE id = ?').get(input.supplierId)) throw notFound('supplier', input.supplierId)
  const costOf = db.prepare('SELECT cost_cents AS c FROM parts WHERE id = ? AND active = 1')
  const lines = input.lines.map((l) => {
    const p = costOf.get(l.partId) as { c: number } | undefined
    if (!p) throw notFound('part', l.partId)
    return { partId: l.partId, locationId: input.locationId, qty: l.qty, unitCostCents: l.unitCostCents ?? p.c }
  })
  const postingId = postMovements(db, actor, at, 'receipt', lines, { reason: input.note })
  const number = nextNumber(db, 'part_receipts', 'RK', at, timeZone)
  const info = db
    .prepare(
      `INSERT INTO part_receipts (number, posting_id, location_id, supplier_id, delivery_note, note, received_at, staff_name)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
    )
    .run(number, postingId, input.locationId, input.supplierId, input.deliveryNote, input.note, at.toISOString(), actor.name)
  const id = Number(info.lastInsertRowid)
  recordAudit(db, actor, at, { action: 'create', entity: 'part_receipt', entityId: id, after: { number, postingId, lines: lines.length } })
  return id
}

type ReceiptHead = Omit<Receipt, 'lines' | 'totalCents' | 'reversed'> & { reversed: number }

const RECEIPT_SELECT = `SELECT r.id, r.number, r.posting_id AS postingId, r.location_id AS locationId, l.name AS locationName,
  r.supplier_id AS supplierId, s.name AS supplierName, r.delivery_note AS deliveryNote, r.note, r.received_at AS receivedAt,
  r.staff_name AS staffName, EXISTS (SELECT 1 FROM part_postings x WHERE x.reverses_posting_id = r.posting_id) AS reversed
  FROM part_receipts r JOIN part_locations l ON l.id = r.location_id LEFT JOIN suppliers s ON s.id = r.supplier_id`

export function getReceipt(db: ReadDb, id: number): Receipt {
  const head = db.prepare(`${RECEIPT_SELECT} WHERE r.id = ?`).get(id) as ReceiptHead | undefined
  if (!head) throw notFound('receipt', id)
  const lines = (
    db
      .prepare(
        `SELECT m.part_id AS partId, p.part_no AS partNo, p.name, p.spec, p.unit, p.bin, m.qty, m.unit_cost_cents AS unitCostCents
         FROM part_movements m JOIN parts p ON p.id = m.part_id WHERE m.posting_id = ? ORDER BY m.id`
      )
      .all(head.postingId) as Array<Omit<Receipt['lines'][number], 'amountCents'>>
  ).map((l) => ({ ...l, amountCents: l.qty * l.unitCostCents }))
  return { ...head, reversed: head.reversed === 1, lines, totalCents: lines.reduce((a, l) => a + l.amountCents, 0) }
}

export function listReceipts(db: ReadDb, limit: number): Array<Omit<Receipt, 'lines'>> {
  const heads = db.prepare(`${RECEIPT_SELECT} ORDER BY r.id DESC LIMIT ?`).all(limit) as ReceiptHead[]
  const total = db.prepare('SELECT coalesce(sum(qty * unit_cost_cents), 0) AS t FROM part_movements WHERE posting_id = ?')
  return heads.map((h) => ({ ...h, reversed: h.reversed === 1, totalCents: (total.get(h.postingId) as { t: number }).t }))
}

export function postTransfer(
  db: Db,
  actor: Actor,
  at: Date,
  input: { fromLocationId: number; toLocationId: number; lines: Array<{ partId: number; qty: number }>; note: string | null }
): number {
  if (input.fromLocationId === input.toLocationId) throw new AppError('parts.same_location', 'A transfer goes from one location to another.')
  activeLocation(db, input.fromLocationId)
  activeLocation(db, input.toLocationId)
  const lines = input.lines.flatMap((l) => {
    const cost = partRow(db, l.partId).costCents
    return [
      { partId: l.partId, locationId: input.fromLocationId, qty: -l.qty, unitCostCents: cost },
      { partId: l.partId, locationId: input.toLocationId, qty: l.qty, unitCostCents: cost }
    ]
  })
  return postMovements(db, actor, at, 'transfer', lines, { reason: input.note })
}

export function postScrap(db: Db, actor: Actor, at: Date, input: { locationId: number; lines: Array<{ partId: number; qty: number }>; reason: string }): number {
  activeLocation(db, input.locationId)
  const lines = input.lines.map((l) => ({ partId: l.partId, locationId: input.locationId, qty: -l.qty, unitCostCents: partRow(db, l.partId).costCents }))
  return postMovements(db, actor, at, 'scrap', lines, { reason: input.reason })
}

export function workOrderRow(db: ReadDb, id: number): { id: number; number: string; status: string } {
  const wo = db.prepare('SELECT id, number, status FROM work_orders WHERE id = ?').get(id) as { id: number; number: string; status: string } | undefined
  if (!wo) throw notFound('work order', id)
  return wo
}

/**
 * A part replaced under warranty leaves the shelf against the work order and its service report;
 * the failed part it replaced is recorded as an old part (舊件) due back within the shop's period.
 */
export function postWarrantyWriteOff(
  db: Db,
  actor: Actor,
  at: Date,
  timeZone: string,
  input: { locationId: number; partId: number; qty: number; workOrderId: number; serviceReport: string; oldPartDescription: string | null; oldPartReturned: boolean }
): { postingId: number; oldPartId: number } {
  activeLocation(db, input.locationId)
  const wo = workOrderRow(db, input.workOrderId)
  if (['cancelled', 'declined'].includes(wo.status)) throw new AppError('parts.work_order_closed', `Work order ${wo.number} is ${wo.status}.`, { number: wo.number, status: wo.status })
  const part = partRow(db, input.partId)
  const postingId = postMovements(
    db,
    actor,
    at,
    'warranty',
    [{ partId: input.partId, locationId: input.locationId, qty: -input.qty, unitCostCents: part.costCents, workOrderId: input.workOrderId }],
    { reason: input.serviceReport }
  )
  const movementId = (db.prepare('SELECT id FROM part_movements WHERE posting_id = ?').get(postingId) as { id: number }).id
  const now = at.toISOString()
  const due = `${addDays(toLocalDate(at, timeZone), readPartsSettings(db).oldPartDueDays)}`
  const info = db
    .prepare(
      `INSERT INTO old_parts (part_id, description, qty, work_order_id, service_report, movement_id, status, due_at, returned_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    )
    .run(
      input.partId,
      input.oldPartDescription ?? `${part.partNo} ${part.name}`,
      input.qty,
      input.workOrderId,
      input.serviceReport,
      movementId,
      input.oldPartReturned ? 'returned' : 'due',
      due,
      input.oldPartReturned ? now : null,
      now,
      now
    )
  const oldPartId = Number(info.lastInsertRowid)
  recordAudit(db, actor, at, { action: 'create', entity: 'old_part', entityId: oldPartId, after: { workOrder: wo.number, serviceReport: input.serviceReport, partNo: part.partNo } })
  return { postingId, oldPartId }
}

/** Unused parts come back from the workshop onto the shelf they were issued from. */
export function postReturn(db: Db, actor: Actor, at: Date, input: { requisitionLineId: number; qty: number; reason: string | null }): number {
  const line = db
    .prepare(
      `SELECT l.id, l.part_id AS partId, l.issued_qty AS issued, l.unit_cost_cents AS cost, r.location_id AS locationId, r.work_order_id AS workOrderId
       FROM requisition_lines l JOIN requisitions r ON r.id = l.requisition_id WHERE l.id = ?`
    )
    .get(input.requisitionLineId) as { id: number; partId: number; issued: number; cost: number; locationId: number; workOrderId: number } | undefined
  if (!line) throw notFound('requisition line', input.requisitionLineId)
  if (input.qty > line.issued) {
    const p = partRow(db, line.partId)
    throw new AppError('parts.return_exceeds_issued', `Only ${line.issued} of ${p.partNo} were issued on this line.`, { partNo: p.partNo, issued: line.issued })
  }
  const postingId = postMovements(
    db,
    actor,
    at,
    'return',
    [{ partId: line.partId, locationId: line.locationId, qty: input.qty, unitCostCents: line.cost, workOrderId: line.workOrderId, requisitionLineId: line.id }],
    { reason: input.reason }
  )
  db.prepare('UPDATE requisition_lines SET issued_qty = issued_qty - ? WHERE id = ?').run(input.qty, line.id)
  refreshRequisitionStatus(db, at, line.id)
  return postingId
}

/** Work orders still open for parts, by number (any part) or plate (any part, ignoring the dot). */
export function findWorkOrders(db: ReadDb, query: string): Array<{ id: number; number: string; plate: string | null; customerName: string | null; status: string }> {
  const q = `%${query.replace(/[%_\\·\s]/g, '').toUpperCase()}%`
  return db
    .prepare(
      `SELECT w.id, w.number, v.plate, c.name AS customerName, w.status FROM work_orders w
       LEFT JOIN vehicles v ON v.id = w.vehicle_id LEFT JOIN customers c ON c.id = w.customer_id
       WHERE w.status NOT IN ('cancelled', 'declined', 'delivered')
         AND (upper(w.number) LIKE ? OR replace(upper(v.plate), '·', '') LIKE ?)
       ORDER BY w.id DESC LIMIT 20`
    )
    .all(q, q) as Array<{ id: number; number: string; plate: string | null; customerName: string | null; status: string }>
}
