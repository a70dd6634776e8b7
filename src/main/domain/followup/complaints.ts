import type { Db, ReadDb } from '../../db/types'
import type { Actor } from '../../core/context'
import type { Complaint, ComplaintSummary } from '../../../shared/contract/followup'
import { SUPERVISOR_ROLES } from '../../../shared/contract/followup'
import { AppError, notFound, staleVersion } from '../../../shared/errors'
import { recordAudit } from '../audit/audit'
import { phoneShownTo } from './privacy'

const HOUR = 3_600_000
/** Acknowledged within 24 hours, investigated within 48. */
export const ACK_HOURS = 24
export const INVESTIGATE_HOURS = 48

export const complaintNumber = (id: number): string => `TS${String(id).padStart(6, '0')}`

export interface ComplaintInput {
  customerId: number
  vehicleId: number | null
  workOrderId: number | null
  staffId: number | null
  callId: number | null
  channel: 'call' | 'counter' | 'letter' | 'online' | 'other'
  category: 'attitude' | 'quality' | 'parts' | 'price' | 'time'
  department: 'front_desk' | 'workshop' | 'parts' | 'finance' | 'management' | null
  description: string
}

function addStep(db: Db, actor: Actor | null, at: Date, complaintId: number, step: string, note: string | null): void {
  db.prepare('INSERT INTO followup_complaint_steps (complaint_id, at, staff_id, staff_name, step, note) VALUES (?, ?, ?, ?, ?, ?)').run(
    complaintId, at.toISOString(), actor?.id ?? null, actor?.name ?? null, step, note
  )
}

export function createComplaint(db: Db, actor: Actor | null, at: Date, c: ComplaintInput): number {
  const customer = db.prepare('SELECT 1 FROM customers WHERE id = ?').get(c.customerId)
  if (!customer) throw notFound('customer', c.customerId)
  let vehicleId = c.vehicleId
  let staffId = c.staffId
  if (c.workOrderId !== null) {
    const wo = db.prepare('SELECT customer_id AS customerId, vehicle_id AS vehicleId, advisor_id AS advisorId FROM work_orders WHERE id = ?').get(c.workOrderId) as
      | { customerId: number; vehicleId: number; advisorId: number | null }
      | undefined
    if (!wo) throw notFound('work order', c.workOrderId)
    if (wo.customerId !== c.customerId) throw new AppError('followup.not_their_order', "That work order is not this customer's.")
    vehicleId ??= wo.vehicleId
    staffId ??= wo.advisorId
  }
  if (vehicleId !== null) {
    const owner = db.prepare('SELECT customer_id FROM vehicles WHERE id = ?').pluck().get(vehicleId) as number | undefined
    if (owner === undefined) throw notFound('vehicle', vehicleId)
    if (owner !== c.customerId) throw new AppError('followup.not_their_vehicle', "That vehicle is not this customer's.")
  }
  if (staffId !== null && !db.prepare('SELECT 1 FROM staff WHERE id = ?').get(staffId)) throw notFound('staff', staffId)
  const iso = at.toISOString()
  const id = Number(
    db
      .prepare(
        `INSERT INTO followup_complaints (customer_id, vehicle_id, work_order_id, staff_id, call_id, channel, category, department,
           description, received_at, ack_due_at, investigate_due_at, created_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(c.customerId, vehicleId, c.workOrderId, staffId, c.callId, c.channel, c.category, c.department, c.description, iso,
        new Date(at.getTime() + ACK_HOURS * HOUR).toISOString(), new Date(at.getTime() + INVESTIGATE_HOURS * HOUR).toISOString(),
        actor?.id ?? null, iso, iso).lastInsertRowid
  )
  addStep(db, actor, at, id, 'recorded', c.description)
  recordAudit(db, actor, at, { action: 'create', entity: 'followup_complaint', entityId: id, after: { ...c, vehicleId, staffId } })
  return id
}

const SUMMARY = `SELECT k.id, k.customer_id AS customerId, c.name AS customerName, c.phone, k.category, k.department, k.status,
    k.received_at AS receivedAt, k.ack_due_at AS ackDueAt, k.acknowledged_at AS acknowledgedAt, k.investigate_due_at AS investigateDueAt,
    k.investigated_at AS investigatedAt, k.escalation_level AS escalationLevel, k.description, wo.number AS workOrderNumber, v.plate,
    k.vehicle_id AS vehicleId, k.work_order_id AS workOrderId, k.staff_id AS staffId, s.name AS staffName, k.call_id AS callId,
    k.channel, k.findings, k.service_fault AS serviceFault, k.escalated_at AS escalatedAt, k.resolution, k.resolved_at AS resolvedAt,
    k.satisfied, k.confirmed_at AS confirmedAt, k.archived_at AS archivedAt, k.version
  FROM followup_complaints k JOIN customers c ON c.id = k.customer_id
  LEFT JOIN work_orders wo ON wo.id = k.work_order_id LEFT JOIN vehicles v ON v.id = k.vehicle_id
  LEFT JOIN staff s ON s.id = k.staff_id`

type Row = Omit<Complaint, 'number' | 'ageHours' | 'steps' | 'serviceFault' | 'satisfied'> & { serviceFault: number | null; satisfied: number | null }

const summary = (r: Row, now: Date): ComplaintSummary => ({
  id: r.id,
  number: complaintNumber(r.id),
  customerId: r.customerId,
  customerName: r.customerName,
  category: r.category,
  department: r.department,
  status: r.status,
  receivedAt: r.receivedAt,
  ageHours: Math.floor((now.getTime() - Date.parse(r.receivedAt)) / HOUR),
  ackDueAt: r.ackDueAt,
  acknowledgedAt: r.acknowledgedAt,
  investigateDueAt: r.investigateDueAt,
  investigatedAt: r.investigatedAt,
  escalationLevel: r.escalationLevel,
  description: r.description,
  workOrderNumber: r.workOrderNumber,
  plate: r.plate
})

export function listComplaints(db: ReadDb, now: Date, view: 'open' | 'all', customerId?: number): ComplaintSummary[] {
  const where = [view === 'open' ? "k.status <> 'archived'" : '1', customerId ? 'k.customer_id = @customerId' : '1'].join(' AND ')
  const order = view === 'open' ? 'k.received_at' : 'k.received_at DESC'
  return (db.prepare(`${SUMMARY} WHERE ${where} ORDER BY ${order} LIMIT 1000`).all({ customerId: customerId ?? 0 }) as Row[]).map((r) => summary(r, now))
}

export function getComplaint(db: ReadDb, actor: Actor | null, now: Date, id: number): Complaint {
  const r = db.prepare(`${SUMMARY} WHERE k.id = ?`).get(id) as Row | undefined
  if (!r) throw notFound('complaint', id)
  const steps = db
    .prepare('SELECT at, staff_name AS staffName, step, note FROM followup_complaint_steps WHERE complaint_id = ? ORDER BY id')
    .all(id) as Complaint['steps']
  return {
    ...summary(r, now),
    phone: phoneShownTo(actor)(r.phone),
    vehicleId: r.vehicleId,
    workOrderId: r.workOrderId,
    staffId: r.staffId,
    staffName: r.staffName,
    callId: r.callId,
    channel: r.channel,
    findings: r.findings,
    serviceFault: r.serviceFault === null ? null : r.serviceFault === 1,
    escalatedAt: r.escalatedAt,
    resolution: r.resolution,
    resolvedAt: r.resolvedAt,
    satisfied: r.satisfied === null ? null : r.satisfied === 1,
    confirmedAt: r.confirmedAt,
    archivedAt: r.archivedAt,
    steps,
    version: r.version
  }
}

export type ComplaintStep =
  | { step: 'acknowledge'; id: number; version: number; note: string | null }
  | { step: 'investigate'; id: number; version: number; findings: string; serviceFault: boolean; department: NonNullable<ComplaintInput['department']>; staffId?: number | undefined }
  | { step: 'escalate'; id: number; version: number; note: string }
  | { step: 'resolve'; id: number; version: number; resolution: string }
  | { step: 'confirm'; id: number; version: number; satisfied: boolean; note: string | null }
  | { step: 'archive'; id: number; version: number }

/** Which statuses each step may start from: the complaint's path, in order. */
const FROM: Record<ComplaintStep['step'], readonly string[]> = {
  acknowledge: ['open'],
  investigate: ['open', 'acknowledged'],
  escalate: ['open', 'acknowledged', 'investigated'],
  resolve: ['investigated'],
  confirm: ['resolved'],
  archive: ['confirmed']
}

/**
 * Moves a complaint along: acknowledged → investigated (findings, department, whether the
 * service was at fault) → resolved → confirmed with the customer → archived. Escalation raises
 * it to the front-desk supervisor, then the service director; a customer not satisfied with the
 * resolution sends it back to investigation, one level higher.
 */
export function stepComplaint(db: Db, actor: Actor, at: Date, s: ComplaintStep): void {
  const before = db.prepare('SELECT * FROM followup_complaints WHERE id = ?').get(s.id) as Record<string, unknown> | undefined
  if (!before) throw notFound('complaint', s.id)
  if (before.version !== s.version) throw staleVersion('complaint', s.id)
  const status = before.status as string
  if (!FROM[s.step].includes(status)) {
    throw new AppError('followup.complaint_state', `A complaint that is ${status} cannot take the step ${s.step}.`, { status, step: s.step })
  }
  const level = before.escalation_level as number
  const iso = at.toISOString()
  const set = (fields: Record<string, unknown>): void => {
    const cols = Object.keys(fields)
    db.prepare(
      `UPDATE followup_complaints SET ${cols.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @updatedAt, version = version + 1 WHERE id = @id`
    ).run({ ...fields, updatedAt: iso, id: s.id })
  }
  let note: string | null = null
  switch (s.step) {
    case 'acknowledge':
      set({ status: 'acknowledged', acknowledged_at: iso })
      note = s.note
      break
    case 'investigate':
      if (s.staffId !== undefined && !db.prepare('SELECT 1 FROM staff WHERE id = ?').get(s.staffId)) throw notFound('staff', s.staffId)
      set({
        status: 'investigated',
        acknowledged_at: (before.acknowledged_at as string | null) ?? iso,
        investigated_at: iso,
        findings: s.findings,
        service_fault: s.serviceFault ? 1 : 0,
        department: s.department,
        staff_id: s.staffId ?? (before.staff_id as number | null)
      })
      note = s.findings
      break
    case 'escalate':
      if (level >= 2) throw new AppError('followup.escalation_top', 'This complaint is already with the service director.')
      set({ escalation_level: level + 1, escalated_at: iso })
      note = s.note
      break
    case 'resolve':
      set({ status: 'resolved', resolution: s.resolution, resolved_at: iso, satisfied: null })
      note = s.resolution
      break
    case 'confirm':
      if (s.satisfied) set({ status: 'confirmed', satisfied: 1, confirmed_at: iso })
      else set({ status: 'investigated', satisfied: 0, escalation_level: Math.min(2, level + 1), escalated_at: iso })
      note = s.note
      break
    case 'archive':
      if (!actor.roles.some((r) => SUPERVISOR_ROLES.includes(r))) {
        throw new AppError('forbidden', 'Only a supervisor archives a complaint.', { call: 'followup.complaints.step', roles: [...SUPERVISOR_ROLES] })
      }
      set({ status: 'archived', archived_at: iso })
      break
  }
  addStep(db, actor, at, s.id, s.step === 'confirm' ? (s.satisfied ? 'confirmed' : 'not_satisfied') : s.step, note)
  const after = db.prepare('SELECT * FROM followup_complaints WHERE id = ?').get(s.id) as Record<string, unknown>
  recordAudit(db, actor, at, { action: 'update', entity: 'followup_complaint', entityId: s.id, before, after })
}
