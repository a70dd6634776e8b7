import type { Migration } from '../types'

/**
 * The reports keep no records of their own (the targets live under `reports.targets` in settings);
 * they read everyone else's by period. These indexes make each figure of a month an index-only
 * range scan on a shop with years of history.
 */
export const m0009: Migration = {
  version: 9,
  name: 'reports',
  up(db) {
    db.exec(`
      CREATE INDEX reports_wo_delivered ON work_orders(delivered_at, kind, promised_at) WHERE delivered_at IS NOT NULL;
      CREATE INDEX reports_wo_response ON work_orders(response_due_at, kind, status, onsite_distance_km, supplier_involved, arrived_at, answered_at) WHERE response_due_at IS NOT NULL;
      CREATE INDEX reports_wo_done ON work_orders(done_at, advisor_id) WHERE done_at IS NOT NULL;
      CREATE INDEX reports_wo_opened ON work_orders(opened_at, kind, appointment_id);
      CREATE INDEX reports_calls_out ON followup_calls(at, direction, outcome, satisfaction);
      -- Scored calls only, narrow: the trend's satisfaction reads a year of them.
      CREATE INDEX reports_calls_scored ON followup_calls(at, satisfaction) WHERE direction = 'out' AND outcome = 'reached' AND satisfaction IS NOT NULL;
      -- Reached calls by task: whether and when a first call got through.
      CREATE INDEX reports_calls_task ON followup_calls(task_id, at) WHERE outcome = 'reached' AND task_id IS NOT NULL;
      CREATE INDEX reports_complaints_received ON followup_complaints(received_at, service_fault);
      CREATE INDEX reports_complaints_resolved ON followup_complaints(resolved_at, received_at) WHERE resolved_at IS NOT NULL;
      CREATE INDEX reports_requests_solved ON followup_requests(solved_at, created_at) WHERE solved_at IS NOT NULL;
      -- First calls by due day with all the warranty rule reads, so the month's tasks are one index range.
      CREATE INDEX reports_first_calls ON followup_tasks(due_by, status, vehicle_id, reason_date, work_order_id) WHERE kind = 'first_call';
      -- A vehicle's warranties by end with their start (the first-call rule reads no warranty row).
      CREATE INDEX reports_warranties_vehicle ON wo_warranties(vehicle_id, ends_on, starts_at);
      -- A work order's delivery by its id without reading the wide work order row.
      CREATE INDEX reports_wo_delivered_id ON work_orders(id, delivered_at) WHERE delivered_at IS NOT NULL;
      -- The few requisition lines issued otherwise than approved, by requisition.
      CREATE INDEX reports_requisition_lines_off ON requisition_lines(requisition_id) WHERE issued_qty <> qty;
      CREATE INDEX reports_requisitions_decided ON requisitions(decided_at, status) WHERE decided_at IS NOT NULL;
      CREATE INDEX reports_counts_posted ON part_counts(posted_at) WHERE posted_at IS NOT NULL;
    `)
  }
}
