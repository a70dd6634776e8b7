import type { Migration } from '../types'

/**
 * After-sales follow-up: the tasks the plan generates (calls, texts, letters), the calls made and
 * received, requests with their two-day due time, complaints and their steps, letters, campaigns,
 * and each vehicle's next service due (kept up to date from delivered work orders, so today's list
 * never has to walk the whole history).
 */
export const m0007: Migration = {
  version: 7,
  name: 'followup',
  up(db) {
    db.exec(`
      CREATE TABLE followup_state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE followup_campaigns (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('event', 'offer')),
        event_date TEXT NOT NULL,
        message TEXT NOT NULL,
        audience_make TEXT,
        audience_visited_months INTEGER,
        customers INTEGER NOT NULL DEFAULT 0,
        created_by INTEGER REFERENCES staff(id),
        created_at TEXT NOT NULL,
        cancelled_at TEXT,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;

      CREATE TABLE followup_requests (
        id INTEGER PRIMARY KEY,
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        vehicle_id INTEGER REFERENCES vehicles(id),
        work_order_id INTEGER REFERENCES work_orders(id),
        call_id INTEGER,
        text TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES staff(id),
        due_at TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'solved')),
        solution TEXT,
        solved_at TEXT,
        solved_by INTEGER REFERENCES staff(id),
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX followup_requests_open ON followup_requests(due_at) WHERE status = 'open';
      CREATE INDEX followup_requests_customer ON followup_requests(customer_id);

      CREATE TABLE followup_tasks (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('first_call', 'second_call', 'service_due', 'campaign_call',
          'campaign_letter', 'tell_customer', 'unreachable_sms', 'unreachable_letter')),
        channel TEXT NOT NULL CHECK (channel IN ('phone', 'sms', 'letter')),
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        vehicle_id INTEGER REFERENCES vehicles(id),
        work_order_id INTEGER REFERENCES work_orders(id),
        campaign_id INTEGER REFERENCES followup_campaigns(id),
        request_id INTEGER REFERENCES followup_requests(id),
        previous_task_id INTEGER REFERENCES followup_tasks(id),
        reason_date TEXT,
        reason_km INTEGER,
        due_from TEXT NOT NULL,
        due_by TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'failed', 'cancelled')),
        assigned_to INTEGER REFERENCES staff(id),
        avoid_staff_id INTEGER REFERENCES staff(id),
        attempts INTEGER NOT NULL DEFAULT 0,
        unreached_since TEXT,
        next_try_at TEXT,
        closed_at TEXT,
        closed_by INTEGER REFERENCES staff(id),
        close_note TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        CHECK (due_from <= due_by)
      ) STRICT;
      CREATE UNIQUE INDEX followup_tasks_work_order ON followup_tasks(kind, work_order_id)
        WHERE kind IN ('first_call', 'second_call');
      CREATE UNIQUE INDEX followup_tasks_campaign ON followup_tasks(kind, campaign_id, customer_id)
        WHERE kind IN ('campaign_call', 'campaign_letter');
      CREATE UNIQUE INDEX followup_tasks_service ON followup_tasks(vehicle_id, reason_date) WHERE kind = 'service_due';
      -- Covers today's count and filter, so only the 300 rows shown are read from the table.
      CREATE INDEX followup_tasks_open ON followup_tasks(due_by, due_from, next_try_at, assigned_to) WHERE status = 'open';
      CREATE INDEX followup_tasks_customer ON followup_tasks(customer_id);
      CREATE INDEX followup_tasks_vehicle_open ON followup_tasks(vehicle_id) WHERE status = 'open';

      CREATE TABLE followup_calls (
        id INTEGER PRIMARY KEY,
        direction TEXT NOT NULL CHECK (direction IN ('out', 'in')),
        task_id INTEGER REFERENCES followup_tasks(id),
        purpose TEXT NOT NULL,
        customer_id INTEGER REFERENCES customers(id),
        vehicle_id INTEGER REFERENCES vehicles(id),
        work_order_id INTEGER REFERENCES work_orders(id),
        caller_name TEXT,
        phone TEXT NOT NULL,
        staff_id INTEGER NOT NULL REFERENCES staff(id),
        staff_name TEXT NOT NULL,
        at TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('reached', 'no_answer', 'wrong_number', 'call_back')),
        call_back_at TEXT,
        vehicle_runs TEXT CHECK (vehicle_runs IS NULL OR vehicle_runs IN ('well', 'minor_issue', 'problem')),
        satisfaction INTEGER CHECK (satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5),
        customer_words TEXT,
        notes TEXT
      ) STRICT;
      CREATE INDEX followup_calls_at ON followup_calls(at);
      CREATE INDEX followup_calls_customer ON followup_calls(customer_id, at);
      CREATE INDEX followup_calls_staff ON followup_calls(staff_id, at);

      CREATE TABLE followup_complaints (
        id INTEGER PRIMARY KEY,
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        vehicle_id INTEGER REFERENCES vehicles(id),
        work_order_id INTEGER REFERENCES work_orders(id),
        staff_id INTEGER REFERENCES staff(id),
        call_id INTEGER REFERENCES followup_calls(id),
        channel TEXT NOT NULL CHECK (channel IN ('call', 'counter', 'letter', 'online', 'other')),
        category TEXT NOT NULL CHECK (category IN ('attitude', 'quality', 'parts', 'price', 'time')),
        department TEXT CHECK (department IS NULL OR department IN ('front_desk', 'workshop', 'parts', 'finance', 'management')),
        description TEXT NOT NULL,
        received_at TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open'
          CHECK (status IN ('open', 'acknowledged', 'investigated', 'resolved', 'confirmed', 'archived')),
        ack_due_at TEXT NOT NULL,
        acknowledged_at TEXT,
        investigate_due_at TEXT NOT NULL,
        investigated_at TEXT,
        findings TEXT,
        service_fault INTEGER CHECK (service_fault IS NULL OR service_fault IN (0, 1)),
        escalation_level INTEGER NOT NULL DEFAULT 0 CHECK (escalation_level BETWEEN 0 AND 2),
        escalated_at TEXT,
        resolution TEXT,
        resolved_at TEXT,
        satisfied INTEGER CHECK (satisfied IS NULL OR satisfied IN (0, 1)),
        confirmed_at TEXT,
        archived_at TEXT,
        created_by INTEGER REFERENCES staff(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX followup_complaints_open ON followup_complaints(received_at) WHERE status <> 'archived';
      CREATE INDEX followup_complaints_customer ON followup_complaints(customer_id);
      CREATE INDEX followup_complaints_work_order ON followup_complaints(work_order_id) WHERE work_order_id IS NOT NULL;

      CREATE TABLE followup_complaint_steps (
        id INTEGER PRIMARY KEY,
        complaint_id INTEGER NOT NULL REFERENCES followup_complaints(id),
        at TEXT NOT NULL,
        staff_id INTEGER REFERENCES staff(id),
        staff_name TEXT,
        step TEXT NOT NULL,
        note TEXT
      ) STRICT;
      CREATE INDEX followup_complaint_steps_complaint ON followup_complaint_steps(complaint_id, id);

      CREATE TABLE followup_letters (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        kind TEXT NOT NULL CHECK (kind IN ('notice', 'invitation', 'reply', 'reminder')),
        subject TEXT NOT NULL,
        body TEXT NOT NULL,
        letter_date TEXT NOT NULL,
        campaign_id INTEGER REFERENCES followup_campaigns(id),
        task_id INTEGER REFERENCES followup_tasks(id),
        complaint_id INTEGER REFERENCES followup_complaints(id),
        created_by INTEGER REFERENCES staff(id),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX followup_letters_date ON followup_letters(letter_date, id);
      CREATE INDEX followup_letters_customer ON followup_letters(customer_id);

      -- Each serviced vehicle's next service due, recomputed when it is serviced or its interval changes.
      CREATE TABLE followup_vehicle_due (
        vehicle_id INTEGER PRIMARY KEY REFERENCES vehicles(id),
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        last_work_order_id INTEGER REFERENCES work_orders(id),
        last_service_date TEXT NOT NULL,
        last_km INTEGER,
        km_per_day REAL NOT NULL,
        due_date TEXT NOT NULL,
        due_by TEXT NOT NULL CHECK (due_by IN ('months', 'km')),
        due_km INTEGER,
        reminded_due TEXT
      ) STRICT;
      CREATE INDEX followup_vehicle_due_pending ON followup_vehicle_due(due_date)
        WHERE reminded_due IS NULL OR reminded_due <> due_date;

      -- Lets the planner find vehicles whose interval changed since its last run.
      CREATE INDEX followup_vehicles_updated ON vehicles(updated_at);
    `)
  }
}
