import type { Db, ReadDb } from '../../db/types'
import type { Actor } from '../../core/context'
import type { CallRecord, FollowupSettings } from '../../../shared/contract/followup'
import { AppError, notFound, staleVersion } from '../../../shared/errors'
import { addDays, fromLocal, toLocalDate } from '../../../shared/time'
import { normalizePhone } from '../../../shared/vehicle-ids'
import { recordAudit } from '../audit/audit'
import { readSettings } from '../settings/settings'
import { createComplaint, type ComplaintInput } from './complaints'
import { phoneShownTo } from './privacy'
import { createRequest } from './requests'
import { addShopDays, campaignLetterWindow, isUnreachable, secondCallWindow } from './rules'
import { readFollowupSettings } from './settings'
import { taskRow } from './tasks'

export type Outcome = CallRecord['outcome']

export interface CallFacts {
  outcome: Outcome
  callBackAt?: string | undefined
  vehicleRuns?: 'well' | 'minor_issue' | 'problem' | undefined
  satisfaction?: number | undefined
  customerWords: string | null
  request: string | null
  complaint?: { category: ComplaintInput['category']; department?: ComplaintInput['department'] | undefined; description: string; staffId?: number | undefined } | undefined
  notes: string | null
}

export interface RecordResult {
  callId: number
  taskStatus: 'open' | 'done' | 'failed' | 'cancelled' | null
  nextTaskId: number | null
  requestId: number | null
  complaintId: number | null
}

const INSERT_CALL = `INSERT INTO followup_calls (direction, task_id, purpose, customer_id, vehicle_id, work_order_id, caller_name, phone,
    staff_id, staff_name, at, outcome, call_back_at, vehicle_runs, satisfaction, customer_words, notes)
  VALUES (@direction, @taskId, @purpose, @customerId, @vehicleId, @workOrderId, @callerName, @phone, @staffId, @staffName, @at,
    @outcome, @callBackAt, @vehicleRuns, @satisfaction, @customerWords, @notes)`

function checkFacts(f: CallFacts, tz: string, now: Date): string | null {
  if (f.outcome === 'call_back') {
    if (!f.callBackAt) throw new AppError('followup.call_back_time', 'Say when to call back.')
    const at = fromLocal(f.callBackAt, tz)
    if (at.getTime() <= now.getTime()) throw new AppError('followup.call_back_past', 'The call-back time has already passed.')
    return at.toISOString()
  }
  if (f.outcome !== 'reached' && (f.satisfaction !== undefined || f.request || f.complaint)) {
    throw new AppError('followup.not_reached', 'Satisfaction, requests and complaints need the customer on the line.')
  }
  return null
}

function insertCall(
  db: Db,
  actor: Actor,
  at: Date,
  row: { direction: 'in' | 'out'; taskId: number | null; purpose: string; customerId: number | null; vehicleId: number | null; workOrderId: number | null; callerName: string | null; phone: string },
  f: CallFacts,
  callBackIso: string | null
): number {
  const id = Number(
    db.prepare(INSERT_CALL).run({
      ...row,
      staffId: actor.id,
      staffName: actor.name,
      at: at.toISOString(),
      outcome: f.outcome,
      callBackAt: callBackIso,
      vehicleRuns: f.vehicleRuns ?? null,
      satisfaction: f.satisfaction ?? null,
      customerWords: f.customerWords,
      notes: f.notes
    }).lastInsertRowid
  )
  recordAudit(db, actor, at, {
    action: 'create',
    entity: 'followup_call',
    entityId: id,
    after: { ...row, phone: undefined, outcome: f.outcome, satisfaction: f.satisfaction ?? null, callBackAt: callBackIso }
  })
  return id
}

/** What the customer asked for and complained about on the call, filed with their own due times. */
function fileRequestAndComplaint(
  db: Db,
  actor: Actor,
  at: Date,
  s: FollowupSettings,
  ctx: { customerId: number; vehicleId: number | null; workOrderId: number | null; servedBy: number | null; callId: number },
  f: CallFacts
): { requestId: number | null; complaintId: number | null } {
  const requestId = f.request
    ? createRequest(db, actor, at, s, { customerId: ctx.customerId, vehicleId: ctx.vehicleId, workOrderId: ctx.workOrderId, callId: ctx.callId, text: f.request })
    : null
  const complaintId = f.complaint
    ? createComplaint(db, actor, at, {
        customerId: ctx.customerId,
        vehicleId: ctx.vehicleId,
        workOrderId: ctx.workOrderId,
        staffId: f.complaint.staffId ?? ctx.servedBy,
        callId: ctx.callId,
        channel: 'call',
        category: f.complaint.category,
        department: f.complaint.department ?? null,
        description: f.complaint.description
      })
    : null
  return { requestId, complaintId }
}

export function insertTask(
  db: Db,
  at: Date,
  t: {
    kind: string
    channel: 'phone' | 'sms' | 'letter'
    customerId: number
    vehicleId?: number | null
    workOrderId?: number | null
    campaignId?: number | null
    requestId?: number | null
    previousTaskId?: number | null
    reasonDate?: string | null
    from: string
    by: string
    avoid?: number | null
    assignedTo?: number | null
  }
): number {
  const iso = at.toISOString()
  return Number(
    db
      .prepare(
        `INSERT INTO followup_tasks (kind, channel, customer_id, vehicle_id, work_order_id, campaign_id, request_id, previous_task_id,
           reason_date, due_from, due_by, avoid_staff_id, assigned_to, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(t.kind, t.channel, t.customerId, t.vehicleId ?? null, t.workOrderId ?? null, t.campaignId ?? null, t.requestId ?? null,
        t.previousTaskId ?? null, t.reasonDate ?? null, t.from, t.by, t.avoid ?? null, t.assignedTo ?? null, iso, iso).lastInsertRowid
  )
}

/**
 * An outbound call on a task. Reached closes it (and plans the second call or the campaign
 * letter); no answer retries later, and after `unreachableDays` of trying the call is marked
 * failed and a text or letter is planned instead; a wrong number goes straight to a letter.
 */
export function recordTaskCall(db: Db, actor: Actor, at: Date, taskId: number, taskVersion: number, f: CallFacts): RecordResult {
  const task = taskRow(db, taskId)
  if (task.version !== taskVersion) throw staleVersion('followup task', taskId)
  if (task.status !== 'open') throw new AppError('followup.task_closed', 'This task is already closed.', { status: task.status })
  if (task.channel !== 'phone') throw new AppError('followup.not_a_call', 'This task is a text message or a letter, not a call.')
  const s = readFollowupSettings(db)
  const tz = readSettings(db).timeZone
  const today = toLocalDate(at, tz)
  const callBackIso = checkFacts(f, tz, at)
  const callId = insertCall(
    db,
    actor,
    at,
    { direction: 'out', taskId, purpose: task.kind, customerId: task.customerId, vehicleId: task.vehicleId, workOrderId: task.workOrderId, callerName: null, phone: task.phone },
    f,
    callBackIso
  )
  const iso = at.toISOString()
  let status: RecordResult['taskStatus'] = 'open'
  let nextTaskId: number | null = null
  const close = (st: 'done' | 'failed', note: string | null): void => {
    status = st
    db.prepare(
      `UPDATE followup_tasks SET status = ?, attempts = attempts + 1, closed_at = ?, closed_by = ?, close_note = ?, next_try_at = NULL,
         updated_at = ?, version = version + 1 WHERE id = ?`
    ).run(st, iso, actor.id, note, iso, taskId)
  }
  const fallback = (kind: 'unreachable_sms' | 'unreachable_letter'): number =>
    insertTask(db, at, {
      kind,
      channel: kind === 'unreachable_sms' ? 'sms' : 'letter',
      customerId: task.customerId,
      vehicleId: task.vehicleId,
      workOrderId: task.workOrderId,
      previousTaskId: taskId,
      reasonDate: today,
      from: today,
      by: addShopDays(today, 1, s.skipWeekends),
      assignedTo: task.assignedTo
    })

  if (f.outcome === 'reached') {
    close('done', null)
    if (task.kind === 'first_call' && task.workOrderId !== null) {
      const w = secondCallWindow(today, s)
      nextTaskId = insertTask(db, at, {
        kind: 'second_call', channel: 'phone', customerId: task.customerId, vehicleId: task.vehicleId, workOrderId: task.workOrderId,
        previousTaskId: taskId, reasonDate: today, from: w.from, by: w.by, avoid: task.servedById, assignedTo: task.assignedTo
      })
    } else if (task.kind === 'campaign_call') {
      const campaignId = db.prepare('SELECT campaign_id FROM followup_tasks WHERE id = ?').pluck().get(taskId) as number
      const w = campaignLetterWindow(today, s)
      nextTaskId = insertTask(db, at, {
        kind: 'campaign_letter', channel: 'letter', customerId: task.customerId, campaignId, previousTaskId: taskId,
        reasonDate: today, from: w.from, by: w.by, assignedTo: task.assignedTo
      })
    }
  } else if (f.outcome === 'wrong_number') {
    close('failed', 'wrong_number')
    nextTaskId = fallback('unreachable_letter')
  } else if (f.outcome === 'no_answer') {
    const since = task.unreachedSince ?? iso
    if (isUnreachable(since, at, s.unreachableDays)) {
      close('failed', 'unreachable')
      nextTaskId = fallback(s.unreachableFallback === 'sms' ? 'unreachable_sms' : 'unreachable_letter')
    } else {
      const retry = new Date(at.getTime() + s.noAnswerRetryHours * 3_600_000).toISOString()
      db.prepare(
        `UPDATE followup_tasks SET attempts = attempts + 1, unreached_since = ?, next_try_at = ?, updated_at = ?, version = version + 1
         WHERE id = ?`
      ).run(since, retry, iso, taskId)
    }
  } else {
    // The customer answered and asked for another time: the unreachable clock starts again.
    db.prepare(
      `UPDATE followup_tasks SET attempts = attempts + 1, unreached_since = NULL, next_try_at = ?, updated_at = ?, version = version + 1
       WHERE id = ?`
    ).run(callBackIso, iso, taskId)
  }
  recordAudit(db, actor, at, {
    action: 'update',
    entity: 'followup_task',
    entityId: taskId,
    before: { status: task.status, attempts: task.attempts },
    after: { status, attempts: task.attempts + 1, outcome: f.outcome }
  })
  const filed = fileRequestAndComplaint(db, actor, at, s, { customerId: task.customerId, vehicleId: task.vehicleId, workOrderId: task.workOrderId, servedBy: task.servedById, callId }, f)
  return { callId, taskStatus: status, nextTaskId, ...filed }
}

export interface InboundInput extends CallFacts {
  direction: 'in' | 'out'
  customerId?: number | undefined
  callerName: string | null
  phone: string
  purpose: string
}

/** A call outside the plan (mostly the customer ringing in): registered, with its request or complaint filed. */
export function recordInboundCall(db: Db, actor: Actor, at: Date, input: InboundInput): RecordResult {
  const tz = readSettings(db).timeZone
  const callBackIso = checkFacts(input, tz, at)
  if (input.customerId !== undefined) {
    const exists = db.prepare('SELECT 1 FROM customers WHERE id = ?').get(input.customerId)
    if (!exists) throw notFound('customer', input.customerId)
  }
  if ((input.request || input.complaint) && input.customerId === undefined) {
    throw new AppError('followup.customer_needed', 'Pick the customer on file before filing a request or complaint.')
  }
  const callId = insertCall(
    db,
    actor,
    at,
    {
      direction: input.direction,
      taskId: null,
      purpose: input.purpose,
      customerId: input.customerId ?? null,
      vehicleId: null,
      workOrderId: null,
      callerName: input.callerName,
      phone: normalizePhone(input.phone)
    },
    input,
    callBackIso
  )
  const s = readFollowupSettings(db)
  const filed =
    input.customerId !== undefined
      ? fileRequestAndComplaint(db, actor, at, s, { customerId: input.customerId, vehicleId: null, workOrderId: null, servedBy: null, callId }, input)
      : { requestId: null, complaintId: null }
  return { callId, taskStatus: null, nextTaskId: null, ...filed }
}

export interface RegisterFilter {
  from?: string | undefined
  to?: string | undefined
  direction?: 'in' | 'out' | undefined
  outcome?: Outcome | undefined
  staffId?: number | undefined
  customerId?: number | undefined
  purpose?: string | undefined
  query?: string | undefined
}

const CALL_SELECT = `SELECT k.id, k.direction, k.task_id AS taskId, k.purpose, k.customer_id AS customerId, c.name AS customerName,
    k.caller_name AS callerName, k.phone, v.plate, k.staff_id AS staffId, k.staff_name AS staffName, k.at, k.outcome,
    k.call_back_at AS callBackAt, k.vehicle_runs AS vehicleRuns, k.satisfaction, k.customer_words AS customerWords, k.notes
  FROM followup_calls k LEFT JOIN customers c ON c.id = k.customer_id LEFT JOIN vehicles v ON v.id = k.vehicle_id`

export function callRegister(db: ReadDb, actor: Actor | null, filter: RegisterFilter, limit: number): { items: CallRecord[]; more: boolean } {
  const tz = readSettings(db).timeZone
  const where: string[] = []
  const params: Record<string, string | number> = {}
  if (filter.from) (where.push('k.at >= @from'), (params.from = fromLocal(filter.from, tz).toISOString()))
  if (filter.to) (where.push('k.at < @to'), (params.to = fromLocal(addDays(filter.to, 1), tz).toISOString()))
  if (filter.direction) (where.push('k.direction = @direction'), (params.direction = filter.direction))
  if (filter.outcome) (where.push('k.outcome = @outcome'), (params.outcome = filter.outcome))
  if (filter.staffId) (where.push('k.staff_id = @staffId'), (params.staffId = filter.staffId))
  if (filter.customerId) (where.push('k.customer_id = @customerId'), (params.customerId = filter.customerId))
  if (filter.purpose) (where.push('k.purpose = @purpose'), (params.purpose = filter.purpose))
  if (filter.query) {
    where.push("(c.name LIKE @q ESCAPE '\\' OR k.caller_name LIKE @q ESCAPE '\\' OR k.phone LIKE @q ESCAPE '\\' OR k.customer_words LIKE @q ESCAPE '\\')")
    params.q = `%${filter.query.replace(/[\\%_]/g, (m) => `\\${m}`)}%`
  }
  const rows = db
    .prepare(`${CALL_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY k.at DESC, k.id DESC LIMIT @limit`)
    .all({ ...params, limit: limit + 1 }) as CallRecord[]
  const show = phoneShownTo(actor)
  return { items: rows.slice(0, limit).map((r) => ({ ...r, phone: show(r.phone) })), more: rows.length > limit }
}

export function getCall(db: ReadDb, actor: Actor | null, id: number): CallRecord {
  const row = db.prepare(`${CALL_SELECT} WHERE k.id = ?`).get(id) as CallRecord | undefined
  if (!row) throw notFound('call', id)
  return { ...row, phone: phoneShownTo(actor)(row.phone) }
}

export function callsOfTask(db: ReadDb, actor: Actor | null, taskId: number): CallRecord[] {
  const show = phoneShownTo(actor)
  return (db.prepare(`${CALL_SELECT} WHERE k.task_id = ? ORDER BY k.at`).all(taskId) as CallRecord[]).map((r) => ({ ...r, phone: show(r.phone) }))
}
