import type { Db, ReadDb } from '../../db/types'
import type { Actor } from '../../core/context'
import type { FollowupTask } from '../../../shared/contract/followup'
import { AppError, notFound, staleVersion } from '../../../shared/errors'
import { fromLocal, toLocalDate, addDays } from '../../../shared/time'
import { readSettings } from '../settings/settings'
import { recordAudit } from '../audit/audit'
import { estimatedKm, overdueDays } from './rules'
import { phoneShownTo } from './privacy'
import { readFollowupSettings } from './settings'

/** Everything a task row needs to say who, what and why, in one query. */
export const TASK_SELECT = `SELECT t.id, t.kind, t.channel, t.status, t.customer_id AS customerId, c.name AS customerName, c.phone,
    c.address, t.vehicle_id AS vehicleId, v.plate, trim(coalesce(v.make, '') || ' ' || coalesce(v.model, '')) AS model,
    t.work_order_id AS workOrderId, wo.number AS workOrderNumber, t.avoid_staff_id AS servedById, sv.name AS servedByName,
    t.assigned_to AS assignedTo, sa.name AS assignedName, t.due_from AS dueFrom, t.due_by AS dueBy, t.attempts,
    t.unreached_since AS unreachedSince, t.next_try_at AS nextTryAt, t.reason_date AS reasonDate, t.reason_km AS reasonKm,
    cp.title AS campaignTitle, cp.event_date AS eventOn, r.text AS requestText, r.solution, pt.kind AS previousKind,
    vd.last_service_date AS lastServiceDate, vd.last_km AS lastKm, vd.km_per_day AS kmPerDay, vd.due_by AS serviceDueBy,
    t.version
  FROM followup_tasks t
  JOIN customers c ON c.id = t.customer_id
  LEFT JOIN vehicles v ON v.id = t.vehicle_id
  LEFT JOIN work_orders wo ON wo.id = t.work_order_id
  LEFT JOIN staff sv ON sv.id = t.avoid_staff_id
  LEFT JOIN staff sa ON sa.id = t.assigned_to
  LEFT JOIN followup_campaigns cp ON cp.id = t.campaign_id
  LEFT JOIN followup_requests r ON r.id = t.request_id
  LEFT JOIN followup_tasks pt ON pt.id = t.previous_task_id
  LEFT JOIN followup_vehicle_due vd ON vd.vehicle_id = t.vehicle_id AND t.kind = 'service_due'`

export interface TaskRow {
  id: number
  kind: FollowupTask['kind']
  channel: FollowupTask['channel']
  status: FollowupTask['status']
  customerId: number
  customerName: string
  phone: string
  address: string | null
  vehicleId: number | null
  plate: string | null
  model: string | null
  workOrderId: number | null
  workOrderNumber: string | null
  servedById: number | null
  servedByName: string | null
  assignedTo: number | null
  assignedName: string | null
  dueFrom: string
  dueBy: string
  attempts: number
  unreachedSince: string | null
  nextTryAt: string | null
  reasonDate: string | null
  reasonKm: number | null
  campaignTitle: string | null
  eventOn: string | null
  requestText: string | null
  solution: string | null
  previousKind: string | null
  lastServiceDate: string | null
  lastKm: number | null
  kmPerDay: number | null
  serviceDueBy: 'months' | 'km' | null
  version: number
}

export function toTask(r: TaskRow, today: string, showPhone: (p: string) => string): FollowupTask {
  const k = r.kind
  return {
    id: r.id,
    kind: k,
    channel: r.channel,
    status: r.status,
    customerId: r.customerId,
    customerName: r.customerName,
    phone: showPhone(r.phone),
    address: r.address,
    vehicleId: r.vehicleId,
    plate: r.plate,
    model: r.model || null,
    workOrderId: r.workOrderId,
    servedById: r.servedById,
    servedByName: r.servedByName,
    assignedTo: r.assignedTo,
    assignedName: r.assignedName,
    dueFrom: r.dueFrom,
    dueBy: r.dueBy,
    overdueDays: r.status === 'open' ? overdueDays(r.dueBy, today) : 0,
    attempts: r.attempts,
    unreachedSince: r.unreachedSince,
    nextTryAt: r.nextTryAt,
    reason: {
      workOrderNumber: r.workOrderNumber,
      deliveredOn: k === 'first_call' ? r.reasonDate : null,
      firstCallOn: k === 'second_call' ? r.reasonDate : null,
      serviceDueOn: k === 'service_due' ? r.reasonDate : null,
      serviceDueBy: k === 'service_due' ? r.serviceDueBy : null,
      dueKm: k === 'service_due' ? r.reasonKm : null,
      estimatedKm:
        k === 'service_due' && r.lastServiceDate && r.kmPerDay !== null
          ? estimatedKm({ lastServiceDate: r.lastServiceDate, lastKm: r.lastKm, kmPerDay: r.kmPerDay }, today)
          : null,
      campaignTitle: r.campaignTitle,
      eventOn: r.eventOn,
      requestText: r.requestText,
      solution: r.solution,
      previousOutcome: r.previousKind
    },
    version: r.version
  }
}

export function shopToday(db: ReadDb, now: Date): { today: string; tz: string } {
  const tz = readSettings(db).timeZone
  return { today: toLocalDate(now, tz), tz }
}

export type AssignedFilter = 'mine' | 'unassigned' | 'all'

/**
 * Today's list walks the open tasks in last-due-day order (the partial index of open tasks), so
 * overdue ones come first without a sort; the count reads the same index.
 */
export function todaySql(assigned: AssignedFilter): { list: string; count: string } {
  const who = assigned === 'mine' ? 'AND t.assigned_to = @me' : assigned === 'unassigned' ? 'AND t.assigned_to IS NULL' : ''
  const where = `t.status = 'open' AND t.due_from <= @today AND (t.next_try_at IS NULL OR t.next_try_at < @end) ${who}`
  return {
    list: `${TASK_SELECT} WHERE ${where} ORDER BY t.due_by, t.due_from, t.next_try_at, t.assigned_to, t.id LIMIT @limit`,
    count: `SELECT count(*) AS total, coalesce(sum(t.due_by < @today), 0) AS overdue FROM followup_tasks t WHERE ${where}`
  }
}

/** What is due today (and overdue), overdue first, then by last due day; calls set for later today show too. */
export function todayList(db: ReadDb, actor: Actor | null, now: Date, assigned: AssignedFilter, limit: number) {
  const { today, tz } = shopToday(db, now)
  const endOfToday = fromLocal(addDays(today, 1), tz).toISOString()
  const params = { today, end: endOfToday, me: actor?.id ?? 0 }
  const sql = todaySql(assigned)
  const rows = db.prepare(sql.list).all({ ...params, limit }) as TaskRow[]
  const counts = db.prepare(sql.count).get(params) as { total: number; overdue: number }
  const show = phoneShownTo(actor)
  return { today, total: counts.total, overdue: counts.overdue, items: rows.map((r) => toTask(r, today, show)) }
}

export function taskRow(db: ReadDb, id: number): TaskRow {
  const row = db.prepare(`${TASK_SELECT} WHERE t.id = ?`).get(id) as TaskRow | undefined
  if (!row) throw notFound('followup task', id)
  return row
}

export function getTask(db: ReadDb, actor: Actor | null, now: Date, id: number): FollowupTask {
  return toTask(taskRow(db, id), shopToday(db, now).today, phoneShownTo(actor))
}

function assertAssignable(db: ReadDb, task: TaskRow, staffId: number): void {
  const staff = db.prepare('SELECT id, name, active FROM staff WHERE id = ?').get(staffId) as
    | { id: number; name: string; active: number }
    | undefined
  if (!staff || !staff.active) throw notFound('staff', staffId)
  if (task.servedById === staffId && !readFollowupSettings(db).allowAdvisorCalls) {
    throw new AppError('followup.own_customer', `${staff.name} served this customer; a follow-up call goes to someone else.`, { name: staff.name })
  }
}

export function assignTask(db: Db, actor: Actor | null, at: Date, id: number, version: number, staffId: number | null): void {
  const task = taskRow(db, id)
  if (task.version !== version) throw staleVersion('followup task', id)
  if (task.status !== 'open') throw new AppError('followup.task_closed', 'This task is already closed.', { status: task.status })
  if (staffId !== null) assertAssignable(db, task, staffId)
  db.prepare('UPDATE followup_tasks SET assigned_to = ?, updated_at = ?, version = version + 1 WHERE id = ?').run(staffId, at.toISOString(), id)
  recordAudit(db, actor, at, { action: 'update', entity: 'followup_task', entityId: id, before: { assignedTo: task.assignedTo }, after: { assignedTo: staffId } })
}

/**
 * Shares today's unassigned tasks among the agents, in turn; a task never goes to the advisor who
 * served the customer (unless the settings allow it). A task only that advisor could take stays unassigned.
 */
export function splitTasks(db: Db, actor: Actor | null, at: Date, staffIds: number[]): { assigned: number; skipped: number } {
  const { today } = shopToday(db, at)
  const allowAdvisor = readFollowupSettings(db).allowAdvisorCalls
  const ids = [...new Set(staffIds)]
  for (const sid of ids) {
    const ok = db.prepare('SELECT active FROM staff WHERE id = ?').pluck().get(sid) as number | undefined
    if (!ok) throw notFound('staff', sid)
  }
  const tasks = db
    .prepare(
      `SELECT id, avoid_staff_id AS avoid FROM followup_tasks
       WHERE status = 'open' AND assigned_to IS NULL AND due_from <= ? ORDER BY due_by, id`
    )
    .all(today) as Array<{ id: number; avoid: number | null }>
  const update = db.prepare('UPDATE followup_tasks SET assigned_to = ?, updated_at = ?, version = version + 1 WHERE id = ?')
  const load = new Map(ids.map((sid) => [sid, 0]))
  let assigned = 0
  let skipped = 0
  for (const t of tasks) {
    const candidates = ids.filter((sid) => allowAdvisor || sid !== t.avoid)
    if (candidates.length === 0) {
      skipped++
      continue
    }
    // The least loaded agent so far, first in the list on a tie.
    const sid = candidates.reduce((a, b) => ((load.get(b) as number) < (load.get(a) as number) ? b : a))
    load.set(sid, (load.get(sid) as number) + 1)
    update.run(sid, at.toISOString(), t.id)
    assigned++
  }
  recordAudit(db, actor, at, { action: 'split', entity: 'followup_task', entityId: 'today', note: { staffIds: ids, assigned, skipped } })
  return { assigned, skipped }
}
