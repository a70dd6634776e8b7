import type { ReadDb } from '../../db/types'
import { notFound } from '../../../shared/errors'
import type { Line, WorkOrder, WorkOrderRow, WoSettings } from '../../../shared/contract/workorders'

/** The columns of work_orders as the contract names them. */
export interface OrderRow {
  id: number
  number: string
  status: string
  kind: string
  customerId: number
  vehicleId: number
  appointmentId: number | null
  advisorId: number | null
  bay: string | null
  arrivalMode: string
  repairCategory: string
  payType: string
  complaint: string | null
  diagnosis: string | null
  technician: string | null
  workSection: string | null
  mileageKm: number | null
  openedAt: string
  promisedAt: string | null
  doneAt: string | null
  deliveredAt: string | null
  revision: number
  approvedRevision: number | null
  subtotalCents: number
  taxCents: number
  totalCents: number
  taxRateBp: number
  pricesIncludeTax: number
  onsiteAddress: string | null
  onsiteDistanceKm: number | null
  supplierInvolved: number
  faultSystem: string
  departedAt: string | null
  arrivedAt: string | null
  answeredAt: string | null
  responseDueAt: string | null
  writtenDueAt: string | null
  closedReason: string | null
  version: number
}

export const ORDER_COLUMNS = `id, number, status, kind, customer_id AS customerId, vehicle_id AS vehicleId,
  appointment_id AS appointmentId, advisor_id AS advisorId, bay, arrival_mode AS arrivalMode,
  repair_category AS repairCategory, pay_type AS payType, complaint, diagnosis, technician,
  work_section AS workSection, mileage_km AS mileageKm, opened_at AS openedAt, promised_at AS promisedAt,
  done_at AS doneAt, delivered_at AS deliveredAt, revision, approved_revision AS approvedRevision,
  subtotal_cents AS subtotalCents, tax_cents AS taxCents, total_cents AS totalCents,
  tax_rate_bp AS taxRateBp, prices_include_tax AS pricesIncludeTax,
  onsite_address AS onsiteAddress, onsite_distance_km AS onsiteDistanceKm, supplier_involved AS supplierInvolved,
  fault_system AS faultSystem, departed_at AS departedAt, arrived_at AS arrivedAt, answered_at AS answeredAt,
  response_due_at AS responseDueAt, written_due_at AS writtenDueAt, closed_reason AS closedReason, version`

export function orderRow(db: ReadDb, id: number): OrderRow {
  const row = db.prepare(`SELECT ${ORDER_COLUMNS} FROM work_orders WHERE id = ?`).get(id) as OrderRow | undefined
  if (!row) throw notFound('work order', id)
  return row
}

export const LINE_COLUMNS = `id, section, position, description, part_id AS partId, part_no AS partNo, qty_milli AS qtyMilli,
  unit_cents AS unitCents, discount_bp AS discountBp, amount_cents AS amountCents, charged,
  warranty_category AS warrantyCategory, inspection_item_id AS inspectionItemId`

const SECTION_ORDER = `CASE section WHEN 'diagnosis' THEN 0 WHEN 'callout' THEN 1 WHEN 'labour' THEN 2 WHEN 'parts' THEN 3
  WHEN 'customer_parts' THEN 4 WHEN 'outside' THEN 5 ELSE 6 END`

export function linesOf(db: ReadDb, workOrderId: number): Line[] {
  const rows = db
    .prepare(`SELECT ${LINE_COLUMNS} FROM wo_lines WHERE work_order_id = ? ORDER BY ${SECTION_ORDER}, position, id`)
    .all(workOrderId) as Array<Omit<Line, 'charged'> & { charged: number }>
  return rows.map((r) => ({ ...r, charged: r.charged === 1 }))
}

const ACTIVE = new Set(['open', 'approved', 'in_progress', 'waiting_parts', 'done'])

/**
 * The due times an order must meet and whether one has passed unmet: on-site response (arrival
 * inside the near distance, an answer beyond it), the written answer for engine and chassis
 * faults, and the time promised to the customer.
 */
export function dueState(o: OrderRow, s: WoSettings, now: Date): { dueAt: string | null; late: boolean } {
  if (!ACTIVE.has(o.status)) return { dueAt: null, late: false }
  const dues: string[] = []
  if (o.kind === 'onsite' && o.responseDueAt) {
    const near = o.onsiteDistanceKm !== null && o.onsiteDistanceKm <= s.onsiteNearKm && !o.supplierInvolved
    if (!(near ? o.arrivedAt : o.answeredAt)) dues.push(o.responseDueAt)
  }
  if (o.writtenDueAt && !o.answeredAt) dues.push(o.writtenDueAt)
  if (o.promisedAt && o.status !== 'done') dues.push(o.promisedAt)
  dues.sort()
  const dueAt = dues[0] ?? null
  return { dueAt, late: dueAt !== null && dueAt < now.toISOString() }
}

export function getWorkOrder(db: ReadDb, id: number, s: WoSettings, now: Date): WorkOrder {
  const o = orderRow(db, id)
  const cv = db
    .prepare(
      `SELECT c.name AS customerName, c.phone AS customerPhone, v.plate, v.vin, v.make, v.model, v.colour, v.vehicle_type AS vehicleType
       FROM customers c, vehicles v WHERE c.id = ? AND v.id = ?`
    )
    .get(o.customerId, o.vehicleId) as Pick<WorkOrder, 'customerName' | 'customerPhone' | 'plate' | 'vin' | 'make' | 'model' | 'colour' | 'vehicleType'>
  const advisorName = o.advisorId
    ? ((db.prepare('SELECT name FROM staff WHERE id = ?').get(o.advisorId) as { name: string } | undefined)?.name ?? null)
    : null
  const ci = db
    .prepare(
      `SELECT k.fuel_eighths AS fuelEighths, k.warning_lights AS warningLights, k.tyres, k.spare_wheel AS spareWheel, k.tools,
        k.valuables, k.customer_words AS customerWords, k.protective_kit AS protectiveKit, k.previous_mileage_km AS previousMileageKm,
        k.mileage_lower_confirmed AS mileageLowerConfirmed, k.customer_signature IS NOT NULL AS customerSigned,
        k.advisor_signature IS NOT NULL AS advisorSigned, k.checked_in_at AS checkedInAt, s.name AS checkedInBy
       FROM wo_checkins k LEFT JOIN staff s ON s.id = k.checked_in_by WHERE k.work_order_id = ?`
    )
    .get(id) as Record<string, unknown> | undefined
  const insp = db
    .prepare(`SELECT template_name AS templateName, started_at AS startedAt, completed_at AS completedAt, inspector FROM wo_inspections WHERE work_order_id = ?`)
    .get(id) as { templateName: string; startedAt: string; completedAt: string | null; inspector: string | null } | undefined
  const report = db
    .prepare(`SELECT findings, work_done AS workDone, old_parts AS oldParts, signed_at AS signedAt, signer_name AS signerName, version FROM wo_service_reports WHERE work_order_id = ?`)
    .get(id) as { findings: string | null; workDone: string | null; oldParts: string; signedAt: string | null; signerName: string | null; version: number } | undefined
  const { dueAt: _d, late } = dueState(o, s, now)
  return {
    ...o,
    ...cv,
    supplierInvolved: o.supplierInvolved === 1,
    pricesIncludeTax: o.pricesIncludeTax === 1,
    advisorName,
    needsApproval: o.approvedRevision !== o.revision && !['declined', 'cancelled', 'delivered'].includes(o.status),
    late,
    checkin: ci
      ? {
          fuelEighths: ci.fuelEighths as number,
          warningLights: JSON.parse(ci.warningLights as string) as string[],
          tyres: ci.tyres as string | null,
          spareWheel: ci.spareWheel === 1,
          tools: ci.tools === 1,
          valuables: ci.valuables as string | null,
          customerWords: ci.customerWords as string | null,
          protectiveKit: JSON.parse(ci.protectiveKit as string) as string[],
          previousMileageKm: ci.previousMileageKm as number | null,
          mileageLowerConfirmed: ci.mileageLowerConfirmed === 1,
          customerSigned: ci.customerSigned === 1,
          advisorSigned: ci.advisorSigned === 1,
          checkedInAt: ci.checkedInAt as string,
          checkedInBy: ci.checkedInBy as string | null
        }
      : null,
    damages: db
      .prepare('SELECT id, view, x_permille AS x, y_permille AS y, kind, note FROM wo_damages WHERE work_order_id = ? ORDER BY id')
      .all(id) as WorkOrder['damages'],
    photos: db
      .prepare(
        `SELECT id, subject, subject_id AS subjectId, mime, bytes, caption, created_at AS createdAt FROM wo_photos WHERE work_order_id = ? ORDER BY id`
      )
      .all(id) as WorkOrder['photos'],
    inspection: insp
      ? {
          ...insp,
          items: db
            .prepare(
              `SELECT id, position, group_name AS "group", label, unit, result, measurement, note, decision, line_id AS lineId
               FROM wo_inspection_items WHERE work_order_id = ? ORDER BY position`
            )
            .all(id) as NonNullable<WorkOrder['inspection']>['items']
        }
      : null,
    lines: linesOf(db, id),
    revisions: (
      db
        .prepare(
          `SELECT revision, total_cents AS totalCents, approved_at AS approvedAt, approval_method AS approvalMethod,
            signer_name AS signerName, signature IS NOT NULL AS hasSignature FROM wo_revisions WHERE work_order_id = ? ORDER BY revision`
        )
        .all(id) as Array<Omit<WorkOrder['revisions'][number], 'hasSignature'> & { hasSignature: number }>
    ).map((r) => ({ ...r, hasSignature: r.hasSignature === 1 })),
    statusLog: db
      .prepare(`SELECT from_status AS "from", to_status AS "to", at, staff_name AS staffName, note FROM wo_status_log WHERE work_order_id = ? ORDER BY id`)
      .all(id) as WorkOrder['statusLog'],
    ledgerOldParts: ledgerOldParts(db, id),
    report: report ? { ...report, oldParts: JSON.parse(report.oldParts) as Array<{ lineId: number; fate: string }> } : null
  }
}

/**
 * Old parts the warehouse wrote off under warranty against this order (parts ledger, 0005): the
 * service report shows where each one kept for a claim has got to.
 */
function ledgerOldParts(db: ReadDb, workOrderId: number): WorkOrder['ledgerOldParts'] {
  if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'old_parts'").get()) return []
  return db
    .prepare('SELECT id, part_id AS partId, description, status FROM old_parts WHERE work_order_id = ? ORDER BY id')
    .all(workOrderId) as WorkOrder['ledgerOldParts']
}

export interface ListFilter {
  status: string
  advisorId?: number | undefined
  bay?: string | undefined
  query?: string | undefined
  limit: number
}

export function listWorkOrders(db: ReadDb, f: ListFilter, s: WoSettings, now: Date): { items: WorkOrderRow[]; more: boolean } {
  const where: string[] = []
  const params: unknown[] = []
  if (f.status === 'active') where.push(`w.status IN ('open', 'approved', 'in_progress', 'waiting_parts', 'done')`)
  else if (f.status !== 'all') {
    where.push('w.status = ?')
    params.push(f.status)
  }
  if (f.advisorId) {
    where.push('w.advisor_id = ?')
    params.push(f.advisorId)
  }
  if (f.bay) {
    where.push('w.bay = ?')
    params.push(f.bay)
  }
  if (f.query) {
    where.push(`(w.number LIKE ? OR v.plate_key LIKE ? OR c.name LIKE ?)`)
    const q = `%${f.query.replace(/[%_\s·]/g, '')}%`
    params.push(q, q.toUpperCase(), q)
  }
  const rows = db
    .prepare(
      `SELECT ${ORDER_COLUMNS.replace(/(^|,\s*)(\w+)/g, '$1w.$2')}, v.plate, c.name AS customerName, s.name AS advisorName
       FROM work_orders w JOIN vehicles v ON v.id = w.vehicle_id JOIN customers c ON c.id = w.customer_id
       LEFT JOIN staff s ON s.id = w.advisor_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY w.opened_at DESC, w.id DESC LIMIT ?`
    )
    .all(...params, f.limit + 1) as Array<OrderRow & { plate: string; customerName: string; advisorName: string | null }>
  const items = rows.slice(0, f.limit).map((o) => {
    const { dueAt, late } = dueState(o, s, now)
    return {
      id: o.id,
      number: o.number,
      status: o.status,
      kind: o.kind,
      plate: o.plate,
      customerName: o.customerName,
      advisorId: o.advisorId,
      advisorName: o.advisorName,
      bay: o.bay,
      openedAt: o.openedAt,
      promisedAt: o.promisedAt,
      dueAt,
      late,
      needsApproval: o.approvedRevision !== o.revision && ACTIVE.has(o.status),
      totalCents: o.totalCents
    }
  })
  // Late orders first: they are the ones the counter must act on.
  items.sort((a, b) => Number(b.late) - Number(a.late))
  return { items, more: rows.length > f.limit }
}
