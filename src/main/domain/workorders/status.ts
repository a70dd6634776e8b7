import type { Db } from '../../db/types'
import type { Actor } from '../../core/context'

/** The moves the work order may make; every other is refused. */
export const TRANSITIONS: Record<string, readonly string[]> = {
  open: ['approved', 'declined', 'cancelled'],
  approved: ['in_progress', 'declined', 'cancelled'],
  in_progress: ['waiting_parts', 'done'],
  waiting_parts: ['in_progress', 'done'],
  done: ['delivered'],
  delivered: [],
  declined: [],
  cancelled: []
}

/** Statuses in which the estimate may still change. */
export const EDITABLE = new Set(['open', 'approved', 'in_progress', 'waiting_parts'])

export function logStatus(db: Db, actor: Actor | null, at: Date, workOrderId: number, from: string | null, to: string, note: string | null = null): void {
  db.prepare(
    `INSERT INTO wo_status_log (work_order_id, from_status, to_status, at, staff_id, staff_name, note) VALUES (?, ?, ?, ?, ?, ?, ?)`
  ).run(workOrderId, from, to, at.toISOString(), actor?.id ?? null, actor?.name ?? null, note)
}
