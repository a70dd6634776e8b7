import type { ReadDb } from '../../db/types'
import type { Actor } from '../../core/context'
import type { CustomerFile } from '../../../shared/contract/followup'
import { getCustomer } from '../customers/customers'
import { complaintNumber } from './complaints'
import { phoneShownTo } from './privacy'
import { estimatedKm, serviceDue } from './rules'
import { readFollowupSettings } from './settings'
import { shopToday, TASK_SELECT, toTask, type TaskRow } from './tasks'
import { toLocalDate } from '../../../shared/time'

const DAY = 86_400_000

/** The work done on a visit: its work-order lines, or what the customer asked for when there are none yet. */
const WORK_DONE = `coalesce((SELECT group_concat(l.description, '；') FROM wo_lines l
    WHERE l.work_order_id = wo.id AND l.section <> 'customer_parts'), wo.complaint)`

/** What a complete file must hold (SPEC §4), as keys under followup.missing. */
export function missingItems(
  c: { address: string | null; wants: string | null },
  v: { model: string | null; serviceIntervalKm: number | null; serviceIntervalMonths: number | null } | null,
  workDone: string | null | undefined
): string[] {
  const missing: string[] = []
  if (!c.address) missing.push('address')
  if (!c.wants) missing.push('wants')
  if (v && !v.model) missing.push('model')
  if (v && v.serviceIntervalKm === null && v.serviceIntervalMonths === null) missing.push('interval')
  if (workDone !== undefined && !workDone) missing.push('workDone')
  return missing
}

interface VisitRow {
  workOrderId: number
  number: string
  vehicleId: number
  plate: string
  status: string
  openedAt: string
  deliveredAt: string | null
  mileageKm: number | null
  workDone: string | null
  totalCents: number
  advisorName: string | null
}

/** The customer's file for the follow-up desk: everything on one page. */
export function customerFile(db: ReadDb, actor: Actor | null, now: Date, customerId: number): CustomerFile {
  const c = getCustomer(db, customerId)
  const s = readFollowupSettings(db)
  const { today, tz } = shopToday(db, now)
  const show = phoneShownTo(actor)
  const visits = db
    .prepare(
      `SELECT wo.id AS workOrderId, wo.number, wo.vehicle_id AS vehicleId, v.plate, wo.status, wo.opened_at AS openedAt,
         wo.delivered_at AS deliveredAt, wo.mileage_km AS mileageKm, ${WORK_DONE} AS workDone, wo.total_cents AS totalCents,
         s.name AS advisorName
       FROM work_orders wo JOIN vehicles v ON v.id = wo.vehicle_id LEFT JOIN staff s ON s.id = wo.advisor_id
       WHERE wo.customer_id = ? AND wo.status <> 'cancelled' ORDER BY wo.opened_at DESC LIMIT 200`
    )
    .all(customerId) as VisitRow[]

  const vehicles = c.vehicles.map((v) => {
    const served = visits.filter((x) => x.vehicleId === v.id && x.status === 'delivered' && x.deliveredAt)
    const due = serviceDue(
      served.map((x) => ({ date: toLocalDate(new Date(x.deliveredAt as string), tz), km: x.mileageKm })),
      { km: v.serviceIntervalKm, months: v.serviceIntervalMonths },
      s.kmPerDay
    )
    return {
      id: v.id,
      plate: v.plate,
      make: v.make,
      model: v.model,
      vehicleType: v.vehicleType,
      mileageKm: v.mileageKm,
      serviceIntervalKm: v.serviceIntervalKm,
      serviceIntervalMonths: v.serviceIntervalMonths,
      lastServiceOn: due?.lastServiceDate ?? null,
      lastServiceKm: due?.lastKm ?? null,
      estimatedKmToday: due ? estimatedKm(due, today) : null,
      nextServiceOn: due?.dueDate ?? null,
      nextServiceBy: due?.dueBy ?? null,
      nextServiceKm: due?.dueKm ?? null
    }
  })

  const openTasks = (db.prepare(`${TASK_SELECT} WHERE t.customer_id = ? AND t.status = 'open' ORDER BY t.due_by`).all(customerId) as TaskRow[]).map((r) =>
    toTask(r, today, show)
  )

  type H = CustomerFile['history'][number]
  const history: H[] = []
  for (const v of visits) {
    history.push({ at: v.openedAt, kind: 'visit', refId: v.workOrderId, title: `${v.number} · ${v.plate}`, detail: v.workDone, staffName: v.advisorName })
  }
  const calls = db
    .prepare(
      `SELECT id, at, direction, purpose, outcome, satisfaction, customer_words AS words, staff_name AS staffName
       FROM followup_calls WHERE customer_id = ? ORDER BY at DESC LIMIT 200`
    )
    .all(customerId) as Array<{ id: number; at: string; direction: string; purpose: string; outcome: string; satisfaction: number | null; words: string | null; staffName: string }>
  for (const k of calls) {
    history.push({
      at: k.at, kind: 'call', refId: k.id, title: `${k.direction}|${k.purpose}|${k.outcome}|${k.satisfaction ?? ''}`, detail: k.words, staffName: k.staffName
    })
  }
  const letters = db
    .prepare(
      `SELECT l.id, l.created_at AS at, l.number, l.subject, s.name AS staffName FROM followup_letters l LEFT JOIN staff s ON s.id = l.created_by
       WHERE l.customer_id = ? ORDER BY l.id DESC LIMIT 200`
    )
    .all(customerId) as Array<{ id: number; at: string; number: string; subject: string; staffName: string | null }>
  for (const l of letters) history.push({ at: l.at, kind: 'letter', refId: l.id, title: `${l.number} · ${l.subject}`, detail: null, staffName: l.staffName })
  const complaints = db
    .prepare(
      `SELECT k.id, k.received_at AS at, k.category, k.status, k.description, s.name AS staffName FROM followup_complaints k
       LEFT JOIN staff s ON s.id = k.created_by WHERE k.customer_id = ? ORDER BY k.id DESC LIMIT 200`
    )
    .all(customerId) as Array<{ id: number; at: string; category: string; status: string; description: string; staffName: string | null }>
  for (const k of complaints) {
    history.push({ at: k.at, kind: 'complaint', refId: k.id, title: `${complaintNumber(k.id)}|${k.category}|${k.status}`, detail: k.description, staffName: k.staffName })
  }
  const requests = db
    .prepare(
      `SELECT r.id, r.created_at AS at, r.text, r.status, r.solution, s.name AS staffName FROM followup_requests r
       LEFT JOIN staff s ON s.id = r.created_by WHERE r.customer_id = ? ORDER BY r.id DESC LIMIT 200`
    )
    .all(customerId) as Array<{ id: number; at: string; text: string; status: string; solution: string | null; staffName: string | null }>
  for (const r of requests) history.push({ at: r.at, kind: 'request', refId: r.id, title: `${r.status}|${r.text}`, detail: r.solution, staffName: r.staffName })
  history.sort((a, b) => b.at.localeCompare(a.at))

  const lastVisit = visits[0]
  const lastVehicle = lastVisit ? c.vehicles.find((v) => v.id === lastVisit.vehicleId) ?? null : c.vehicles[0] ?? null
  return {
    customerId: c.id,
    name: c.name,
    phone: show(c.phone),
    phone2: c.phone2 ? show(c.phone2) : null,
    address: c.address,
    wants: c.wants,
    missing: missingItems(c, lastVehicle, lastVisit ? lastVisit.workDone : undefined),
    vehicles,
    visits,
    openTasks,
    history: history.slice(0, 300)
  }
}

/**
 * Files still missing a required item two days (Settings) after a visit, newest visit first; one
 * line per customer and vehicle, from visits in the last 90 days.
 */
export function filesToComplete(db: ReadDb, now: Date, limit: number) {
  const s = readFollowupSettings(db)
  const cutoff = new Date(now.getTime() - s.fileCompleteDays * DAY).toISOString()
  const since = new Date(now.getTime() - 90 * DAY).toISOString()
  const rows = db
    .prepare(
      `SELECT wo.number AS workOrderNumber, wo.opened_at AS visitedAt, ${WORK_DONE} AS workDone, c.id AS customerId, c.name AS customerName,
         c.address, c.wants, v.id AS vehicleId, v.plate, v.model, v.service_interval_km AS serviceIntervalKm,
         v.service_interval_months AS serviceIntervalMonths
       FROM work_orders wo JOIN customers c ON c.id = wo.customer_id JOIN vehicles v ON v.id = wo.vehicle_id
       WHERE wo.status IN ('open', 'approved', 'in_progress', 'waiting_parts', 'done', 'delivered')
         AND wo.opened_at <= @cutoff AND wo.opened_at >= @since
         AND (c.address IS NULL OR c.wants IS NULL OR v.model IS NULL OR ${WORK_DONE} IS NULL
              OR (v.service_interval_km IS NULL AND v.service_interval_months IS NULL))
       ORDER BY wo.opened_at DESC`
    )
    .all({ cutoff, since }) as Array<{
    workOrderNumber: string
    visitedAt: string
    workDone: string | null
    customerId: number
    customerName: string
    address: string | null
    wants: string | null
    vehicleId: number
    plate: string
    model: string | null
    serviceIntervalKm: number | null
    serviceIntervalMonths: number | null
  }>
  const seen = new Set<string>()
  const out = []
  for (const r of rows) {
    const key = `${r.customerId}:${r.vehicleId}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push({
      customerId: r.customerId,
      customerName: r.customerName,
      vehicleId: r.vehicleId,
      plate: r.plate,
      visitedAt: r.visitedAt,
      workOrderNumber: r.workOrderNumber,
      missing: missingItems(r, r, r.workDone)
    })
    if (out.length >= limit) break
  }
  return out
}
