/**
 * The plan fills itself: new deliveries get their first call, serviced vehicles get their next
 * service due (and a reminder when it comes near), all incrementally from watermarks so building
 * today's list stays cheap on a shop with years of history.
 */
import type { Db } from '../../db/types'
import type { FollowupSettings } from '../../../shared/contract/followup'
import { toLocalDate, addDays } from '../../../shared/time'
import { readSettings } from '../settings/settings'
import { readFollowupSettings, getState, setState } from './settings'
import { firstCallWindow, serviceDue, serviceReminderWindow, type ServiceVisit } from './rules'

const DAY = 86_400_000

export interface PlanResult {
  firstCalls: number
  vehiclesUpdated: number
  reminders: number
}

/** Deliveries since the watermark, by the delivered_at index (the + keeps SQLite off the status index). */
export const DELIVERIES_SQL = `SELECT id, customer_id AS customerId, vehicle_id AS vehicleId, advisor_id AS advisorId, delivered_at AS deliveredAt
  FROM work_orders WHERE delivered_at > ? AND +status = 'delivered' ORDER BY delivered_at`

/** Due dates within the reminder window not yet reminded, by the partial index of exactly those. */
export const PENDING_REMINDERS_SQL = `SELECT d.vehicle_id AS vehicleId, d.customer_id AS customerId, d.due_date AS dueDate, d.due_km AS dueKm,
    wo.advisor_id AS advisorId
  FROM followup_vehicle_due d LEFT JOIN work_orders wo ON wo.id = d.last_work_order_id
  WHERE (d.reminded_due IS NULL OR d.reminded_due <> d.due_date) AND d.due_date <= ? AND d.due_date >= ?`

interface Delivery {
  id: number
  customerId: number
  vehicleId: number
  advisorId: number | null
  deliveredAt: string
}

/** Brings the plan up to date at `now`. Runs inside the caller's transaction. */
export function planFollowups(db: Db, now: Date): PlanResult {
  const s = readFollowupSettings(db)
  const tz = readSettings(db).timeZone
  const today = toLocalDate(now, tz)
  const nowIso = now.toISOString()
  const result: PlanResult = { firstCalls: 0, vehiclesUpdated: 0, reminders: 0 }

  const deliveredThrough = getState(db, 'delivered_through')
  const firstRun = deliveredThrough === null
  // A little overlap: a delivery saved a moment late is still seen; the unique index drops repeats.
  const since = firstRun
    ? new Date(now.getTime() - (s.firstCallByDays + 30) * DAY).toISOString()
    : new Date(Date.parse(deliveredThrough) - 3_600_000).toISOString()
  const deliveries = db.prepare(DELIVERIES_SQL).all(since) as Delivery[]
  const insertTask = db.prepare(
    `INSERT OR IGNORE INTO followup_tasks (kind, channel, customer_id, vehicle_id, work_order_id, reason_date, due_from, due_by,
       avoid_staff_id, created_at, updated_at)
     VALUES ('first_call', 'phone', ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const touched = new Set<number>()
  let maxDelivered = deliveredThrough ?? ''
  for (const d of deliveries) {
    const on = toLocalDate(new Date(d.deliveredAt), tz)
    const w = firstCallWindow(on, s)
    const added = insertTask.run(d.customerId, d.vehicleId, d.id, on, w.from, w.by, d.advisorId, nowIso, nowIso).changes
    result.firstCalls += added
    // Deliveries in the overlap that were already planned need no second look.
    if (added || deliveredThrough === null || d.deliveredAt > deliveredThrough) touched.add(d.vehicleId)
    if (d.deliveredAt > maxDelivered) maxDelivered = d.deliveredAt
  }

  const vehiclesThrough = getState(db, 'vehicles_through')
  if (firstRun || vehiclesThrough === null) {
    result.vehiclesUpdated += backfillVehicleDue(db, s, tz)
  } else {
    const changed = db.prepare('SELECT id FROM vehicles WHERE updated_at > ?').pluck().all(vehiclesThrough) as number[]
    for (const id of changed) touched.add(id)
    for (const vehicleId of touched) if (recomputeVehicleDue(db, s, tz, vehicleId)) result.vehiclesUpdated++
  }
  const maxVehicle = db.prepare('SELECT max(updated_at) FROM vehicles').pluck().get() as string | null

  result.reminders = createServiceReminders(db, s, today, nowIso)
  if (maxDelivered) setState(db, 'delivered_through', maxDelivered)
  else if (firstRun) setState(db, 'delivered_through', since)
  setState(db, 'vehicles_through', maxVehicle ?? '')
  return result
}

const DUE_UPSERT = `INSERT INTO followup_vehicle_due (vehicle_id, customer_id, last_work_order_id, last_service_date, last_km, km_per_day,
    due_date, due_by, due_km)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT(vehicle_id) DO UPDATE SET customer_id = excluded.customer_id, last_work_order_id = excluded.last_work_order_id,
    last_service_date = excluded.last_service_date, last_km = excluded.last_km, km_per_day = excluded.km_per_day,
    due_date = excluded.due_date, due_by = excluded.due_by, due_km = excluded.due_km`

interface VisitRow {
  id: number
  vehicleId: number
  deliveredAt: string
  km: number | null
}

function writeDue(
  db: Db,
  s: FollowupSettings,
  tz: string,
  vehicle: { id: number; customerId: number; km: number | null; months: number | null },
  visits: VisitRow[]
): boolean {
  const due = serviceDue(
    visits.map((v): ServiceVisit => ({ date: toLocalDate(new Date(v.deliveredAt), tz), km: v.km })),
    { km: vehicle.km, months: vehicle.months },
    s.kmPerDay
  )
  const before = db.prepare('SELECT due_date FROM followup_vehicle_due WHERE vehicle_id = ?').pluck().get(vehicle.id) as string | undefined
  if (!due) {
    if (before === undefined) return false
    db.prepare('DELETE FROM followup_vehicle_due WHERE vehicle_id = ?').run(vehicle.id)
    cancelStaleReminders(db, vehicle.id, null)
    return true
  }
  const last = visits.reduce((a, b) => (b.deliveredAt > a.deliveredAt ? b : a))
  db.prepare(DUE_UPSERT).run(vehicle.id, vehicle.customerId, last.id, due.lastServiceDate, due.lastKm, due.kmPerDay, due.dueDate, due.dueBy, due.dueKm)
  if (before !== due.dueDate) cancelStaleReminders(db, vehicle.id, due.dueDate)
  return true
}

/** A reminder for a due date that no longer holds (the vehicle was serviced, its interval changed) is dropped. */
function cancelStaleReminders(db: Db, vehicleId: number, dueDate: string | null): void {
  db.prepare(
    `UPDATE followup_tasks SET status = 'cancelled', close_note = 'service_due_changed', version = version + 1
     WHERE vehicle_id = ? AND kind = 'service_due' AND status = 'open' AND reason_date IS NOT ?`
  ).run(vehicleId, dueDate)
}

const VEHICLE_SQL = `SELECT id, customer_id AS customerId, service_interval_km AS km, service_interval_months AS months FROM vehicles`

export function recomputeVehicleDue(db: Db, s: FollowupSettings, tz: string, vehicleId: number): boolean {
  const vehicle = db.prepare(`${VEHICLE_SQL} WHERE id = ?`).get(vehicleId) as
    | { id: number; customerId: number; km: number | null; months: number | null }
    | undefined
  if (!vehicle) return false
  const visits = db
    .prepare(
      `SELECT id, vehicle_id AS vehicleId, delivered_at AS deliveredAt, mileage_km AS km FROM work_orders
       WHERE vehicle_id = ? AND status = 'delivered' AND delivered_at IS NOT NULL`
    )
    .all(vehicleId) as VisitRow[]
  return writeDue(db, s, tz, vehicle, visits)
}

/** First run on a file with history: every serviced vehicle's due date, from one pass over its orders. */
function backfillVehicleDue(db: Db, s: FollowupSettings, tz: string): number {
  const vehicles = db.prepare(`${VEHICLE_SQL} WHERE id = ?`)
  const rows = db
    .prepare(
      `SELECT id, vehicle_id AS vehicleId, delivered_at AS deliveredAt, mileage_km AS km FROM work_orders
       WHERE status = 'delivered' AND delivered_at IS NOT NULL ORDER BY vehicle_id`
    )
    .all() as VisitRow[]
  let n = 0
  for (let i = 0; i < rows.length; ) {
    let j = i
    const vehicleId = (rows[i] as VisitRow).vehicleId
    while (j < rows.length && (rows[j] as VisitRow).vehicleId === vehicleId) j++
    const v = vehicles.get(vehicleId) as { id: number; customerId: number; km: number | null; months: number | null } | undefined
    if (v && writeDue(db, s, tz, v, rows.slice(i, j))) n++
    i = j
  }
  return n
}

/** Vehicles whose service falls due within the lead time get a reminder call (once per due date). */
function createServiceReminders(db: Db, s: FollowupSettings, today: string, nowIso: string): number {
  const pending = db
    .prepare(PENDING_REMINDERS_SQL)
    .all(addDays(today, s.reminderLeadDays), addDays(today, -s.reminderLookbackDays)) as Array<{
    vehicleId: number
    customerId: number
    dueDate: string
    dueKm: number | null
    advisorId: number | null
  }>
  const insert = db.prepare(
    `INSERT OR IGNORE INTO followup_tasks (kind, channel, customer_id, vehicle_id, reason_date, reason_km, due_from, due_by,
       avoid_staff_id, created_at, updated_at)
     VALUES ('service_due', 'phone', ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const mark = db.prepare('UPDATE followup_vehicle_due SET reminded_due = due_date WHERE vehicle_id = ?')
  let n = 0
  for (const p of pending) {
    const w = serviceReminderWindow(p.dueDate, s)
    // Listed from today at the latest: a reminder found late is due now, not in the past.
    const from = w.from < today ? today : w.from
    const by = w.by < from ? from : w.by
    n += insert.run(p.customerId, p.vehicleId, p.dueDate, p.dueKm, from, by, p.advisorId, nowIso, nowIso).changes
    mark.run(p.vehicleId)
  }
  return n
}
