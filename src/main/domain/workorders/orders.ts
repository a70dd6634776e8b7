import type { Db, ReadDb } from '../../db/types'
import type { Actor } from '../../core/context'
import { AppError, notFound, staleVersion } from '../../../shared/errors'
import { fromLocal, toLocalDate } from '../../../shared/time'
import type { WoSettings } from '../../../shared/contract/workorders'
import { translate } from '../../../shared/i18n'
import { recordAudit } from '../audit/audit'
import { readSettings } from '../settings/settings'
import { linesOf, orderRow, type OrderRow } from './read'
import { EDITABLE, TRANSITIONS, logStatus } from './status'
import { FEE_SECTIONS, lineTotal, totalsOf } from './totals'
import { recordWarranties } from './warranty'
import { appointmentForCheckIn, markAppointmentCheckedIn } from './appointments-link'

export interface DamageInput {
  view: string
  x: number
  y: number
  kind: string
  note: string | null
}

export interface LineInput {
  id?: number | undefined
  section: string
  description: string
  partId: number | null
  partNo: string | null
  qtyMilli: number
  unitCents: number
  discountBp: number
  warrantyCategory: string | null
  inspectionItemId: number | null
}

export interface OnsiteInput {
  kind: 'shop' | 'onsite'
  onsiteAddress: string | null
  onsiteDistanceKm: number | null
  supplierInvolved: boolean
  faultSystem: string
}

export interface CheckInInput extends OnsiteInput {
  appointmentId?: number | undefined
  customerId?: number | undefined
  vehicleId?: number | undefined
  mileageKm: number
  confirmLowerMileage: boolean
  fuelEighths: number
  warningLights: string[]
  tyres: string | null
  spareWheel: boolean
  tools: boolean
  valuables: string | null
  customerWords: string | null
  protectiveKit: string[]
  arrivalMode: string
  payType: string
  bay: string | null
  promisedAt: string | null
  damages: DamageInput[]
  customerSignature: string | null
  advisorSignature: string | null
}

const hoursLater = (from: Date, h: number): string => new Date(from.getTime() + h * 3_600_000).toISOString()

/** Due times from the spec's on-site targets, fixed when the order is opened (or its on-site facts change). */
export function dueTimes(o: OnsiteInput, openedAt: Date, s: WoSettings): { responseDueAt: string | null; writtenDueAt: string | null } {
  let responseDueAt: string | null = null
  if (o.kind === 'onsite') {
    const near = o.onsiteDistanceKm !== null && o.onsiteDistanceKm <= s.onsiteNearKm && !o.supplierInvolved
    responseDueAt = hoursLater(openedAt, near ? s.onsiteNearHours : s.onsiteFarAnswerHours)
  }
  const writtenDueAt = o.faultSystem === 'engine' || o.faultSystem === 'chassis' ? hoursLater(openedAt, s.writtenAnswerHours) : null
  return { responseDueAt, writtenDueAt }
}

/** The mileage on file for a vehicle: the higher of its record and its last work order. */
export function lastMileage(db: ReadDb, vehicleId: number, exceptOrder = 0): number | null {
  const r = db
    .prepare(
      `SELECT max(coalesce((SELECT mileage_km FROM vehicles WHERE id = ?), -1),
        coalesce((SELECT max(mileage_km) FROM work_orders WHERE vehicle_id = ? AND id != ? AND status != 'cancelled'), -1)) AS km`
    )
    .get(vehicleId, vehicleId, exceptOrder) as { km: number }
  return r.km < 0 ? null : r.km
}

function nextNumber(db: Db, at: Date, timeZone: string): string {
  const prefix = `WO${toLocalDate(at, timeZone).replace(/-/g, '')}-`
  const last = db
    .prepare(`SELECT number FROM work_orders WHERE number LIKE ? ORDER BY number DESC LIMIT 1`)
    .get(`${prefix}%`) as { number: string } | undefined
  const n = last ? Number(last.number.slice(prefix.length)) + 1 : 1
  return `${prefix}${String(n).padStart(3, '0')}`
}

function insertDamages(db: Db, workOrderId: number, damages: readonly DamageInput[]): void {
  const ins = db.prepare('INSERT INTO wo_damages (work_order_id, view, x_permille, y_permille, kind, note) VALUES (?, ?, ?, ?, ?, ?)')
  for (const d of damages) ins.run(workOrderId, d.view, d.x, d.y, d.kind, d.note)
}

/**
 * Checks a vehicle in: opens the work order with its walk-around. From a booking, the booking's
 * customer, vehicle, advisor, bay and complaint are taken and the booking is marked checked in
 * in the same transaction.
 */
export function checkIn(db: Db, actor: Actor, at: Date, s: WoSettings, input: CheckInInput): { id: number; number: string } {
  const appt = input.appointmentId ? appointmentForCheckIn(db, input.appointmentId) : null
  const vehicleId = appt?.vehicleId ?? input.vehicleId
  if (!vehicleId) throw new AppError('workorders.vehicle_required', 'Pick the vehicle (or the booking) to check in.')
  const vehicle = db.prepare('SELECT id, customer_id AS customerId, mileage_km AS mileageKm FROM vehicles WHERE id = ?').get(vehicleId) as
    | { id: number; customerId: number; mileageKm: number | null }
    | undefined
  if (!vehicle) throw notFound('vehicle', vehicleId)
  const customerId = appt?.customerId ?? input.customerId ?? vehicle.customerId
  if (!db.prepare('SELECT 1 FROM customers WHERE id = ?').get(customerId)) throw notFound('customer', customerId)
  const open = db
    .prepare(`SELECT number FROM work_orders WHERE vehicle_id = ? AND status IN ('open', 'approved', 'in_progress', 'waiting_parts') LIMIT 1`)
    .get(vehicleId) as { number: string } | undefined
  if (open) throw new AppError('workorders.already_open', `This vehicle already has open order ${open.number}.`, { number: open.number })
  const previous = lastMileage(db, vehicleId)
  const lower = previous !== null && input.mileageKm < previous
  if (lower && !input.confirmLowerMileage) {
    throw new AppError('workorders.mileage_lower', `Mileage ${input.mileageKm} km is lower than the ${previous} km of the last visit.`, {
      mileage: input.mileageKm,
      previous
    })
  }
  const tz = readSettings(db).timeZone
  const now = at.toISOString()
  const number = nextNumber(db, at, tz)
  const due = dueTimes(input, at, s)
  const info = db
    .prepare(
      `INSERT INTO work_orders (number, customer_id, vehicle_id, advisor_id, appointment_id, kind, status, pay_type, complaint,
        mileage_km, opened_at, promised_at, bay, arrival_mode, onsite_address, onsite_distance_km, supplier_involved, fault_system,
        response_due_at, written_due_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    )
    .run(
      number,
      customerId,
      vehicleId,
      appt?.advisorId ?? actor.id,
      appt?.id ?? null,
      input.kind,
      input.payType,
      input.customerWords ?? appt?.complaint ?? null,
      input.mileageKm,
      now,
      input.promisedAt ? fromLocal(input.promisedAt, tz).toISOString() : null,
      input.bay ?? appt?.bayName ?? null,
      input.arrivalMode,
      input.onsiteAddress,
      input.onsiteDistanceKm,
      input.supplierInvolved ? 1 : 0,
      input.faultSystem,
      due.responseDueAt,
      due.writtenDueAt,
      now,
      now
    )
  const id = Number(info.lastInsertRowid)
  db.prepare(
    `INSERT INTO wo_checkins (work_order_id, fuel_eighths, warning_lights, tyres, spare_wheel, tools, valuables, customer_words,
      protective_kit, previous_mileage_km, mileage_lower_confirmed, customer_signature, advisor_signature, checked_in_at, checked_in_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  ).run(
    id,
    input.fuelEighths,
    JSON.stringify(input.warningLights),
    input.tyres,
    input.spareWheel ? 1 : 0,
    input.tools ? 1 : 0,
    input.valuables,
    input.customerWords ?? appt?.complaint ?? null,
    JSON.stringify(input.protectiveKit),
    previous,
    lower ? 1 : 0,
    input.customerSignature,
    input.advisorSignature,
    now,
    actor.id
  )
  insertDamages(db, id, input.damages)
  db.prepare(`INSERT INTO wo_revisions (work_order_id, revision, lines, subtotal_cents, tax_cents, total_cents) VALUES (?, 1, '[]', 0, 0, 0)`).run(id)
  if (input.kind === 'onsite') {
    // An on-site job starts with the shop's call-out fee on its estimate; the advisor may change it.
    const fee = { section: 'callout', qtyMilli: 1000, unitCents: s.calloutFeeCents, discountBp: 0 }
    db.prepare(
      `INSERT INTO wo_lines (work_order_id, section, position, description, qty_milli, unit_cents, discount_bp, amount_cents) VALUES (?, 'callout', 0, ?, 1000, ?, 0, ?)`
    ).run(id, translate(readSettings(db).locale ?? 'zh-CN', 'workorders.section.callout'), fee.unitCents, lineTotal(fee))
    refreshTotals(db, id, s)
  }
  // Notes the app writes itself are codes (`appointment:12`, `revision:2`) the screen translates.
  logStatus(db, actor, at, id, null, 'open', appt ? `appointment:${appt.id}` : null)
  // The odometer moves the vehicle's record forward only; a confirmed lower reading stays on the order.
  if (vehicle.mileageKm === null || input.mileageKm > vehicle.mileageKm) {
    db.prepare('UPDATE vehicles SET mileage_km = ?, updated_at = ?, version = version + 1 WHERE id = ?').run(input.mileageKm, now, vehicleId)
    recordAudit(db, actor, at, { action: 'update', entity: 'vehicle', entityId: vehicleId, before: { mileageKm: vehicle.mileageKm }, after: { mileageKm: input.mileageKm } })
  }
  if (appt) markAppointmentCheckedIn(db, actor, at, appt.id, id)
  recordAudit(db, actor, at, {
    action: 'create',
    entity: 'work_order',
    entityId: id,
    after: { number, vehicleId, customerId, mileageKm: input.mileageKm, mileageLowerConfirmed: lower, appointmentId: appt?.id ?? null, damages: input.damages.length }
  })
  return { id, number }
}

export function lockedFor(o: OrderRow, what: string): void {
  if (!EDITABLE.has(o.status)) {
    throw new AppError('workorders.locked', `Order ${o.number} is ${o.status}; ${what} can no longer change.`, { number: o.number, status: o.status })
  }
}

export function checkVersion(o: OrderRow, version: number): void {
  if (o.version !== version) throw staleVersion('work order', o.id)
}

export function bump(db: Db, id: number, at: Date): void {
  db.prepare('UPDATE work_orders SET version = version + 1, updated_at = ? WHERE id = ?').run(at.toISOString(), id)
}

export function setDamages(db: Db, actor: Actor, at: Date, id: number, version: number, damages: DamageInput[]): void {
  const o = orderRow(db, id)
  checkVersion(o, version)
  if (o.status !== 'open') throw new AppError('workorders.locked', `Order ${o.number} is ${o.status}; damages can no longer change.`, { number: o.number, status: o.status })
  const before = db.prepare('SELECT view, x_permille AS x, y_permille AS y, kind, note FROM wo_damages WHERE work_order_id = ? ORDER BY id').all(id)
  db.prepare('DELETE FROM wo_damages WHERE work_order_id = ?').run(id)
  insertDamages(db, id, damages)
  bump(db, id, at)
  recordAudit(db, actor, at, { action: 'update', entity: 'work_order', entityId: id, before: { damages: before }, after: { damages } })
}

export function signCheckIn(db: Db, actor: Actor, at: Date, id: number, version: number, who: 'customer' | 'advisor', signature: string): void {
  const o = orderRow(db, id)
  checkVersion(o, version)
  const col = who === 'customer' ? 'customer_signature' : 'advisor_signature'
  const r = db.prepare(`SELECT ${col} AS sig FROM wo_checkins WHERE work_order_id = ?`).get(id) as { sig: string | null } | undefined
  if (!r) throw notFound('check-in', id)
  if (r.sig) throw new AppError('workorders.already_signed', 'The check-in sheet is already signed; signatures are never altered.')
  db.prepare(`UPDATE wo_checkins SET ${col} = ? WHERE work_order_id = ?`).run(signature, id)
  bump(db, id, at)
  recordAudit(db, actor, at, { action: 'sign', entity: 'work_order', entityId: id, note: { checkin: who } })
}

/** What the customer agrees to: any change to it after approval opens a new revision. */
function estimateKey(lines: readonly LineInput[], payType: string): string {
  return JSON.stringify([
    payType,
    lines.map((l) => [l.section, l.description, l.partId, l.partNo, l.qtyMilli, l.unitCents, l.discountBp, l.warrantyCategory])
  ])
}

/** Writes the order's totals and the current revision's snapshot from its lines. */
export function refreshTotals(db: Db, id: number, s: WoSettings): void {
  const lines = linesOf(db, id)
  const t = totalsOf(lines, s)
  const o = orderRow(db, id)
  db.prepare('UPDATE work_orders SET subtotal_cents = ?, tax_cents = ?, total_cents = ?, tax_rate_bp = ?, prices_include_tax = ? WHERE id = ?').run(
    t.subtotalCents,
    t.taxCents,
    t.totalCents,
    s.taxRateBp,
    s.pricesIncludeTax ? 1 : 0,
    id
  )
  db.prepare(`UPDATE wo_revisions SET lines = ?, subtotal_cents = ?, tax_cents = ?, total_cents = ? WHERE work_order_id = ? AND revision = ?`).run(
    JSON.stringify(lines),
    t.subtotalCents,
    t.taxCents,
    t.totalCents,
    id,
    o.revision
  )
}

/** A change to an approved estimate opens the next revision, which the customer must approve again. */
export function openRevisionIfApproved(db: Db, o: OrderRow): number {
  if (o.approvedRevision !== o.revision) return o.revision
  const next = o.revision + 1
  db.prepare('UPDATE work_orders SET revision = ? WHERE id = ?').run(next, o.id)
  db.prepare(`INSERT INTO wo_revisions (work_order_id, revision, lines, subtotal_cents, tax_cents, total_cents) VALUES (?, ?, '[]', 0, 0, 0)`).run(o.id, next)
  return next
}

export function writeLines(db: Db, workOrderId: number, lines: readonly LineInput[]): void {
  const keep = new Set(lines.filter((l) => l.id).map((l) => l.id as number))
  const existing = db.prepare('SELECT id FROM wo_lines WHERE work_order_id = ?').all(workOrderId) as Array<{ id: number }>
  for (const l of lines) {
    if (l.id && !existing.some((e) => e.id === l.id)) throw new AppError('workorders.line_not_on_order', `Line ${l.id} is not on this order.`, { id: l.id })
  }
  for (const e of existing) {
    if (keep.has(e.id)) continue
    db.prepare(`UPDATE wo_inspection_items SET decision = NULL, decided_at = NULL, decided_by = NULL, line_id = NULL WHERE line_id = ?`).run(e.id)
    db.prepare('DELETE FROM wo_lines WHERE id = ?').run(e.id)
  }
  const update = db.prepare(
    `UPDATE wo_lines SET section = ?, position = ?, description = ?, part_id = ?, part_no = ?, qty_milli = ?, unit_cents = ?,
      discount_bp = ?, amount_cents = ?, warranty_category = ?, inspection_item_id = ? WHERE id = ?`
  )
  const insert = db.prepare(
    `INSERT INTO wo_lines (work_order_id, section, position, description, part_id, part_no, qty_milli, unit_cents, discount_bp,
      amount_cents, warranty_category, inspection_item_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  lines.forEach((l, position) => {
    const amount = lineTotal(l)
    const values = [l.section, position, l.description, l.partId, l.partNo, l.qtyMilli, l.unitCents, l.discountBp, amount, l.warrantyCategory, l.inspectionItemId] as const
    if (l.id) update.run(...values, l.id)
    else insert.run(workOrderId, ...values)
  })
}

export interface UpdateInput extends OnsiteInput {
  arrivalMode: string
  repairCategory: string
  payType: string
  complaint: string | null
  diagnosis: string | null
  technician: string | null
  workSection: string | null
  bay: string | null
  advisorId: number | null
  promisedAt: string | null
  lines: LineInput[]
}

export function updateWorkOrder(db: Db, actor: Actor, at: Date, s: WoSettings, id: number, version: number, input: UpdateInput): void {
  const o = orderRow(db, id)
  checkVersion(o, version)
  lockedFor(o, 'the order')
  const tz = readSettings(db).timeZone
  const current = linesOf(db, id)
  const estimateChanged = estimateKey(current, o.payType) !== estimateKey(input.lines, input.payType)
  if (estimateChanged) openRevisionIfApproved(db, o)
  const onsiteChanged =
    input.kind !== o.kind || input.onsiteDistanceKm !== o.onsiteDistanceKm || input.supplierInvolved !== (o.supplierInvolved === 1) || input.faultSystem !== o.faultSystem
  const due = onsiteChanged ? dueTimes(input, new Date(o.openedAt), s) : { responseDueAt: o.responseDueAt, writtenDueAt: o.writtenDueAt }
  db.prepare(
    `UPDATE work_orders SET arrival_mode = ?, repair_category = ?, pay_type = ?, complaint = ?, diagnosis = ?, technician = ?,
      work_section = ?, bay = ?, advisor_id = ?, promised_at = ?, kind = ?, onsite_address = ?, onsite_distance_km = ?,
      supplier_involved = ?, fault_system = ?, response_due_at = ?, written_due_at = ? WHERE id = ?`
  ).run(
    input.arrivalMode,
    input.repairCategory,
    input.payType,
    input.complaint,
    input.diagnosis,
    input.technician,
    input.workSection,
    input.bay,
    input.advisorId ?? o.advisorId,
    input.promisedAt ? fromLocal(input.promisedAt, tz).toISOString() : null,
    input.kind,
    input.onsiteAddress,
    input.onsiteDistanceKm,
    input.supplierInvolved ? 1 : 0,
    input.faultSystem,
    due.responseDueAt,
    due.writtenDueAt,
    id
  )
  writeLines(db, id, input.lines)
  refreshTotals(db, id, s)
  bump(db, id, at)
  const after = orderRow(db, id)
  const { version: _v1, ...b } = o
  const { version: _v2, ...a } = after
  recordAudit(db, actor, at, {
    action: 'update',
    entity: 'work_order',
    entityId: id,
    before: { ...b, lines: current.map((l) => [l.section, l.description, l.qtyMilli, l.unitCents, l.discountBp]) },
    after: { ...a, lines: input.lines.map((l) => [l.section, l.description, l.qtyMilli, l.unitCents, l.discountBp]) }
  })
}

export interface ApproveInput {
  method: 'signature' | 'paper'
  signerName: string
  signature: string | null
}

export function approve(db: Db, actor: Actor, at: Date, id: number, version: number, input: ApproveInput): void {
  const o = orderRow(db, id)
  checkVersion(o, version)
  lockedFor(o, 'the estimate')
  if (o.approvedRevision === o.revision) throw new AppError('workorders.already_approved', `Revision ${o.revision} is already approved.`, { revision: o.revision })
  if (input.method === 'signature' && !input.signature) throw new AppError('workorders.signature_required', 'Draw the signature, or choose the paper copy.')
  const lines = db.prepare('SELECT count(*) AS n FROM wo_lines WHERE work_order_id = ?').get(id) as { n: number }
  if (lines.n === 0) throw new AppError('workorders.nothing_to_approve', 'The estimate has no lines yet.')
  db.prepare(
    `UPDATE wo_revisions SET approved_at = ?, approval_method = ?, signer_name = ?, signature = ?, recorded_by = ? WHERE work_order_id = ? AND revision = ?`
  ).run(at.toISOString(), input.method, input.signerName, input.method === 'signature' ? input.signature : null, actor.id, id, o.revision)
  db.prepare('UPDATE work_orders SET approved_revision = revision WHERE id = ?').run(id)
  if (o.status === 'open') {
    db.prepare(`UPDATE work_orders SET status = 'approved' WHERE id = ?`).run(id)
    logStatus(db, actor, at, id, 'open', 'approved', `revision:${o.revision}`)
  } else {
    logStatus(db, actor, at, id, o.status, o.status, `revision:${o.revision}`)
  }
  bump(db, id, at)
  recordAudit(db, actor, at, { action: 'approve', entity: 'work_order', entityId: id, note: { revision: o.revision, method: input.method, signer: input.signerName } })
}

/**
 * The customer declines after diagnosis: every line but the diagnosis / call-out fee stops being
 * charged (a fee line from Settings is added if none is on the order) and the order closes.
 */
export function decline(db: Db, actor: Actor, at: Date, s: WoSettings, id: number, version: number, reason: string | null): void {
  const o = orderRow(db, id)
  checkVersion(o, version)
  if (!TRANSITIONS[o.status]?.includes('declined')) {
    throw new AppError('workorders.bad_transition', `Order ${o.number} is ${o.status} and cannot become declined.`, { from: o.status, to: 'declined' })
  }
  const lines = linesOf(db, id)
  if (!lines.some((l) => FEE_SECTIONS.has(l.section))) {
    const onsite = o.kind === 'onsite'
    const fee = { section: onsite ? 'callout' : 'diagnosis', qtyMilli: 1000, unitCents: onsite ? s.calloutFeeCents : s.diagnosisFeeCents, discountBp: 0 }
    db.prepare(
      `INSERT INTO wo_lines (work_order_id, section, position, description, qty_milli, unit_cents, discount_bp, amount_cents)
       VALUES (?, ?, -1, ?, 1000, ?, 0, ?)`
    ).run(id, fee.section, translate(readSettings(db).locale ?? 'zh-CN', `workorders.section.${fee.section}`), fee.unitCents, lineTotal(fee))
  }
  db.prepare(`UPDATE wo_lines SET charged = CASE WHEN section IN ('diagnosis', 'callout') THEN 1 ELSE 0 END WHERE work_order_id = ?`).run(id)
  db.prepare(`UPDATE work_orders SET status = 'declined', closed_reason = ? WHERE id = ?`).run(reason, id)
  refreshTotals(db, id, s)
  logStatus(db, actor, at, id, o.status, 'declined', reason)
  bump(db, id, at)
  recordAudit(db, actor, at, { action: 'update', entity: 'work_order', entityId: id, before: { status: o.status, totalCents: o.totalCents }, after: { status: 'declined', totalCents: orderRow(db, id).totalCents, reason } })
}

export function setStatus(db: Db, actor: Actor, at: Date, id: number, version: number, to: string, note: string | null): void {
  const o = orderRow(db, id)
  checkVersion(o, version)
  if (!TRANSITIONS[o.status]?.includes(to)) {
    throw new AppError('workorders.bad_transition', `Order ${o.number} is ${o.status} and cannot become ${to}.`, { from: o.status, to })
  }
  if ((to === 'in_progress' || to === 'done') && o.approvedRevision !== o.revision) {
    throw new AppError('workorders.needs_approval', `Revision ${o.revision} of order ${o.number} is not approved by the customer yet.`, { revision: o.revision })
  }
  const now = at.toISOString()
  db.prepare(
    `UPDATE work_orders SET status = ?, done_at = CASE WHEN ? = 'done' THEN ? ELSE done_at END,
      delivered_at = CASE WHEN ? = 'delivered' THEN ? ELSE delivered_at END,
      closed_reason = CASE WHEN ? = 'cancelled' THEN ? ELSE closed_reason END WHERE id = ?`
  ).run(to, to, now, to, now, to, note, id)
  if (to === 'delivered') recordWarranties(db, id, at)
  logStatus(db, actor, at, id, o.status, to, note)
  bump(db, id, at)
  recordAudit(db, actor, at, { action: 'update', entity: 'work_order', entityId: id, before: { status: o.status }, after: { status: to, note } })
}

export function logOnsite(db: Db, actor: Actor, at: Date, id: number, version: number, event: 'answered' | 'departed' | 'arrived'): void {
  const o = orderRow(db, id)
  checkVersion(o, version)
  lockedFor(o, 'on-site times')
  if (event !== 'answered' && o.kind !== 'onsite') throw new AppError('workorders.not_onsite', `Order ${o.number} is not an on-site job.`)
  const col = { answered: 'answered_at', departed: 'departed_at', arrived: 'arrived_at' }[event]
  db.prepare(`UPDATE work_orders SET ${col} = ? WHERE id = ?`).run(at.toISOString(), id)
  bump(db, id, at)
  recordAudit(db, actor, at, { action: 'update', entity: 'work_order', entityId: id, before: { [col]: null }, after: { [col]: at.toISOString() } })
}
