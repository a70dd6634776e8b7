import type { Db, ReadDb } from '../../db/types'
import type { Actor } from '../../core/context'
import type { FollowupRequest, FollowupSettings } from '../../../shared/contract/followup'
import { AppError, notFound, staleVersion } from '../../../shared/errors'
import { recordAudit } from '../audit/audit'
import { insertTask } from './calls'
import { phoneShownTo } from './privacy'
import { shopToday } from './tasks'

/** A request the call could not answer: solved or passed to the supervisor within two days. */
export function createRequest(
  db: Db,
  actor: Actor | null,
  at: Date,
  s: FollowupSettings,
  r: { customerId: number; vehicleId: number | null; workOrderId: number | null; callId: number | null; text: string }
): number {
  const dueAt = new Date(at.getTime() + s.requestDueHours * 3_600_000).toISOString()
  const id = Number(
    db
      .prepare(
        `INSERT INTO followup_requests (customer_id, vehicle_id, work_order_id, call_id, text, created_at, created_by, due_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(r.customerId, r.vehicleId, r.workOrderId, r.callId, r.text, at.toISOString(), actor?.id ?? null, dueAt).lastInsertRowid
  )
  recordAudit(db, actor, at, { action: 'create', entity: 'followup_request', entityId: id, after: { ...r, dueAt } })
  return id
}

const SELECT = `SELECT r.id, r.customer_id AS customerId, c.name AS customerName, c.phone, r.text, r.created_at AS createdAt,
    s.name AS createdByName, r.due_at AS dueAt, r.status, r.solution, r.solved_at AS solvedAt, r.version
  FROM followup_requests r JOIN customers c ON c.id = r.customer_id LEFT JOIN staff s ON s.id = r.created_by`

type Row = Omit<FollowupRequest, 'escalated'>

const toRequest = (r: Row, now: Date, show: (p: string) => string): FollowupRequest => ({
  ...r,
  phone: show(r.phone),
  // Not solved by its due time: it is on the supervisor's list.
  escalated: r.status === 'open' && Date.parse(r.dueAt) <= now.getTime()
})

export function listRequests(db: ReadDb, actor: Actor | null, now: Date, view: 'open' | 'supervisor' | 'solved'): FollowupRequest[] {
  const sql =
    view === 'open'
      ? `${SELECT} WHERE r.status = 'open' ORDER BY r.due_at, r.id`
      : view === 'supervisor'
        ? `${SELECT} WHERE r.status = 'open' AND r.due_at <= @now ORDER BY r.due_at, r.id`
        : `${SELECT} WHERE r.status = 'solved' ORDER BY r.solved_at DESC LIMIT 200`
  const show = phoneShownTo(actor)
  return (db.prepare(sql).all({ now: now.toISOString() }) as Row[]).map((r) => toRequest(r, now, show))
}

export function getRequest(db: ReadDb, actor: Actor | null, now: Date, id: number): FollowupRequest {
  const row = db.prepare(`${SELECT} WHERE r.id = ?`).get(id) as Row | undefined
  if (!row) throw notFound('request', id)
  return toRequest(row, now, phoneShownTo(actor))
}

/** Solved: the customer is told the same day, so a call to them is due today, for whoever took the request. */
export function solveRequest(db: Db, actor: Actor, at: Date, id: number, version: number, solution: string): number {
  const before = db
    .prepare('SELECT customer_id AS customerId, vehicle_id AS vehicleId, work_order_id AS workOrderId, created_by AS createdBy, status, version FROM followup_requests WHERE id = ?')
    .get(id) as
    | { customerId: number; vehicleId: number | null; workOrderId: number | null; createdBy: number | null; status: string; version: number }
    | undefined
  if (!before) throw notFound('request', id)
  if (before.version !== version) throw staleVersion('request', id)
  if (before.status !== 'open') throw new AppError('followup.request_solved', 'This request is already solved.')
  const iso = at.toISOString()
  db.prepare(
    `UPDATE followup_requests SET status = 'solved', solution = ?, solved_at = ?, solved_by = ?, version = version + 1 WHERE id = ?`
  ).run(solution, iso, actor.id, id)
  recordAudit(db, actor, at, { action: 'update', entity: 'followup_request', entityId: id, before: { status: 'open' }, after: { status: 'solved', solution } })
  const { today } = shopToday(db, at)
  const taskId = insertTask(db, at, {
    kind: 'tell_customer', channel: 'phone', customerId: before.customerId, vehicleId: before.vehicleId, workOrderId: before.workOrderId,
    requestId: id, reasonDate: today, from: today, by: today, assignedTo: before.createdBy ?? actor.id
  })
  recordAudit(db, actor, at, { action: 'create', entity: 'followup_task', entityId: taskId, after: { kind: 'tell_customer', requestId: id, dueBy: today } })
  return taskId
}
