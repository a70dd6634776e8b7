import type { Db } from '../../db/types'
import type { Actor } from '../../core/context'
import { AppError, staleVersion } from '../../../shared/errors'
import { recordAudit } from '../audit/audit'
import { orderRow } from './read'
import { bump } from './orders'

export interface ReportInput {
  version?: number | undefined
  findings: string | null
  workDone: string | null
  oldParts: Array<{ lineId: number; fate: string }>
}

type ReportRow = { findings: string | null; workDone: string | null; oldParts: string; signedAt: string | null; version: number }
const reportOf = (db: Db, id: number): ReportRow | undefined =>
  db
    .prepare('SELECT findings, work_done AS workDone, old_parts AS oldParts, signed_at AS signedAt, version FROM wo_service_reports WHERE work_order_id = ?')
    .get(id) as ReportRow | undefined

const LOCKED = (number: string) => new AppError('workorders.report_locked', `The service report of ${number} is signed and locked.`, { number })

/** The service report is written while the work goes on; old parts name lines of the order's parts. */
export function saveReport(db: Db, actor: Actor, at: Date, id: number, input: ReportInput): void {
  const o = orderRow(db, id)
  if (o.status === 'declined' || o.status === 'cancelled') {
    throw new AppError('workorders.locked', `Order ${o.number} is ${o.status}.`, { number: o.number, status: o.status })
  }
  const before = reportOf(db, id)
  if (before?.signedAt) throw LOCKED(o.number)
  if (before && input.version !== undefined && before.version !== input.version) throw staleVersion('service report', id)
  const partLines = new Set(
    (db.prepare(`SELECT id FROM wo_lines WHERE work_order_id = ? AND section IN ('parts', 'outside')`).all(id) as Array<{ id: number }>).map((r) => r.id)
  )
  for (const p of input.oldParts) {
    if (!partLines.has(p.lineId)) throw new AppError('workorders.old_part_not_on_order', `Line ${p.lineId} is not a replaced part of this order.`, { id: p.lineId })
  }
  const now = at.toISOString()
  db.prepare(
    `INSERT INTO wo_service_reports (work_order_id, findings, work_done, old_parts, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(work_order_id) DO UPDATE SET findings = excluded.findings, work_done = excluded.work_done,
       old_parts = excluded.old_parts, updated_at = excluded.updated_at, version = version + 1`
  ).run(id, input.findings, input.workDone, JSON.stringify(input.oldParts), now)
  bump(db, id, at)
  recordAudit(db, actor, at, {
    action: before ? 'update' : 'create',
    entity: 'service_report',
    entityId: id,
    before: before ? { findings: before.findings, workDone: before.workDone, oldParts: JSON.parse(before.oldParts) } : null,
    after: { findings: input.findings, workDone: input.workDone, oldParts: input.oldParts }
  })
}

/** The customer signs after the work, never before (SPEC §2); the signed report is locked for good. */
export function signReport(db: Db, actor: Actor, at: Date, id: number, signerName: string, signature: string): void {
  const o = orderRow(db, id)
  if (o.status !== 'done' && o.status !== 'delivered') {
    throw new AppError('workorders.sign_before_done', `Order ${o.number} is ${o.status}: the customer signs the service report after the work is done.`, {
      number: o.number,
      status: o.status
    })
  }
  const r = reportOf(db, id)
  if (r?.signedAt) throw LOCKED(o.number)
  const now = at.toISOString()
  if (!r) {
    db.prepare('INSERT INTO wo_service_reports (work_order_id, updated_at) VALUES (?, ?)').run(id, now)
  }
  db.prepare('UPDATE wo_service_reports SET signed_at = ?, signer_name = ?, signature = ?, updated_at = ?, version = version + 1 WHERE work_order_id = ?').run(
    now,
    signerName,
    signature,
    now,
    id
  )
  bump(db, id, at)
  recordAudit(db, actor, at, { action: 'sign', entity: 'service_report', entityId: id, note: { signer: signerName } })
}
