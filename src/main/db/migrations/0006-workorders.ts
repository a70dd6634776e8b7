import type { Db, Migration } from '../types'

const hasTable = (db: Db, name: string): boolean =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined

/**
 * Check-in, inspection, the work order's fee lines and revisions, its status trail, the service
 * report and the warranty it gives. The base `work_orders` row (0002) gains the columns the
 * repair authorization (委託書) and on-site service need.
 */
export const m0006: Migration = {
  version: 6,
  name: 'workorders',
  up(db) {
    // A line may name a part of the parts master (0005). SQLite refuses every insert into a table
    // whose foreign key names a missing table, so the reference is declared only when it exists.
    const partRef = hasTable(db, 'parts') ? 'REFERENCES parts(id)' : ''
    db.exec(`
      ALTER TABLE work_orders ADD COLUMN bay TEXT;
      ALTER TABLE work_orders ADD COLUMN arrival_mode TEXT NOT NULL DEFAULT 'driven'
        CHECK (arrival_mode IN ('driven', 'towed', 'accident'));
      ALTER TABLE work_orders ADD COLUMN repair_category TEXT NOT NULL DEFAULT 'minor'
        CHECK (repair_category IN ('major', 'medium', 'minor'));
      ALTER TABLE work_orders ADD COLUMN diagnosis TEXT;
      ALTER TABLE work_orders ADD COLUMN technician TEXT;
      ALTER TABLE work_orders ADD COLUMN work_section TEXT;
      ALTER TABLE work_orders ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE work_orders ADD COLUMN approved_revision INTEGER;
      ALTER TABLE work_orders ADD COLUMN subtotal_cents INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE work_orders ADD COLUMN tax_cents INTEGER NOT NULL DEFAULT 0;
      -- The tax rule the estimate was priced with, so a later change in Settings never rewrites it.
      ALTER TABLE work_orders ADD COLUMN tax_rate_bp INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE work_orders ADD COLUMN prices_include_tax INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE work_orders ADD COLUMN onsite_address TEXT;
      ALTER TABLE work_orders ADD COLUMN onsite_distance_km INTEGER;
      ALTER TABLE work_orders ADD COLUMN supplier_involved INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE work_orders ADD COLUMN fault_system TEXT NOT NULL DEFAULT 'other'
        CHECK (fault_system IN ('engine', 'chassis', 'electrical', 'body', 'other'));
      ALTER TABLE work_orders ADD COLUMN departed_at TEXT;
      ALTER TABLE work_orders ADD COLUMN arrived_at TEXT;
      ALTER TABLE work_orders ADD COLUMN answered_at TEXT;
      ALTER TABLE work_orders ADD COLUMN response_due_at TEXT;
      ALTER TABLE work_orders ADD COLUMN written_due_at TEXT;
      ALTER TABLE work_orders ADD COLUMN closed_reason TEXT;
      CREATE INDEX work_orders_advisor ON work_orders(advisor_id, status);
      CREATE INDEX work_orders_bay ON work_orders(bay, status);
      CREATE INDEX work_orders_appointment ON work_orders(appointment_id) WHERE appointment_id IS NOT NULL;

      CREATE TABLE wo_checkins (
        work_order_id INTEGER PRIMARY KEY REFERENCES work_orders(id),
        fuel_eighths INTEGER NOT NULL CHECK (fuel_eighths BETWEEN 0 AND 8),
        warning_lights TEXT NOT NULL DEFAULT '[]',
        tyres TEXT,
        spare_wheel INTEGER NOT NULL DEFAULT 1,
        tools INTEGER NOT NULL DEFAULT 1,
        valuables TEXT,
        customer_words TEXT,
        protective_kit TEXT NOT NULL DEFAULT '[]',
        previous_mileage_km INTEGER,
        mileage_lower_confirmed INTEGER NOT NULL DEFAULT 0,
        customer_signature TEXT,
        advisor_signature TEXT,
        checked_in_at TEXT NOT NULL,
        checked_in_by INTEGER REFERENCES staff(id)
      ) STRICT;

      CREATE TABLE wo_damages (
        id INTEGER PRIMARY KEY,
        work_order_id INTEGER NOT NULL REFERENCES work_orders(id),
        view TEXT NOT NULL CHECK (view IN ('top', 'front', 'rear', 'left', 'right')),
        x_permille INTEGER NOT NULL CHECK (x_permille BETWEEN 0 AND 1000),
        y_permille INTEGER NOT NULL CHECK (y_permille BETWEEN 0 AND 1000),
        kind TEXT NOT NULL CHECK (kind IN ('scratch', 'dent', 'crack', 'paint', 'other')),
        note TEXT
      ) STRICT;
      CREATE INDEX wo_damages_order ON wo_damages(work_order_id);

      -- Photo files live in the data folder; the row says which order and what they show.
      CREATE TABLE wo_photos (
        id INTEGER PRIMARY KEY,
        work_order_id INTEGER NOT NULL REFERENCES work_orders(id),
        subject TEXT NOT NULL CHECK (subject IN ('checkin', 'damage', 'inspection')),
        subject_id INTEGER,
        file TEXT NOT NULL,
        mime TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        caption TEXT,
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES staff(id)
      ) STRICT;
      CREATE INDEX wo_photos_order ON wo_photos(work_order_id, subject, subject_id);

      CREATE TABLE wo_inspection_templates (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        vehicle_types TEXT NOT NULL DEFAULT '[]',
        groups TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;

      CREATE TABLE wo_inspections (
        work_order_id INTEGER PRIMARY KEY REFERENCES work_orders(id),
        template_id INTEGER REFERENCES wo_inspection_templates(id),
        template_name TEXT NOT NULL,
        started_at TEXT NOT NULL,
        started_by INTEGER REFERENCES staff(id),
        completed_at TEXT,
        inspector TEXT
      ) STRICT;

      CREATE TABLE wo_inspection_items (
        id INTEGER PRIMARY KEY,
        work_order_id INTEGER NOT NULL REFERENCES work_orders(id),
        position INTEGER NOT NULL,
        group_name TEXT NOT NULL,
        label TEXT NOT NULL,
        unit TEXT,
        result TEXT CHECK (result IN ('ok', 'soon', 'urgent', 'na')),
        measurement TEXT,
        note TEXT,
        decision TEXT CHECK (decision IN ('approved', 'declined')),
        decided_at TEXT,
        decided_by INTEGER REFERENCES staff(id),
        line_id INTEGER
      ) STRICT;
      CREATE INDEX wo_inspection_items_order ON wo_inspection_items(work_order_id, position);
      CREATE INDEX wo_inspection_items_declined ON wo_inspection_items(decision, work_order_id) WHERE decision = 'declined';

      CREATE TABLE wo_lines (
        id INTEGER PRIMARY KEY,
        work_order_id INTEGER NOT NULL REFERENCES work_orders(id),
        section TEXT NOT NULL
          CHECK (section IN ('diagnosis', 'labour', 'parts', 'customer_parts', 'outside', 'other', 'callout')),
        position INTEGER NOT NULL,
        description TEXT NOT NULL,
        part_id INTEGER ${partRef},
        part_no TEXT,
        qty_milli INTEGER NOT NULL CHECK (qty_milli > 0),
        unit_cents INTEGER NOT NULL CHECK (unit_cents >= 0),
        discount_bp INTEGER NOT NULL DEFAULT 0 CHECK (discount_bp BETWEEN 0 AND 10000),
        amount_cents INTEGER NOT NULL,
        charged INTEGER NOT NULL DEFAULT 1,
        warranty_category TEXT,
        inspection_item_id INTEGER REFERENCES wo_inspection_items(id)
      ) STRICT;
      CREATE INDEX wo_lines_order ON wo_lines(work_order_id, section, position);

      -- Every estimate the customer saw: a change after approval opens the next revision.
      CREATE TABLE wo_revisions (
        id INTEGER PRIMARY KEY,
        work_order_id INTEGER NOT NULL REFERENCES work_orders(id),
        revision INTEGER NOT NULL,
        lines TEXT NOT NULL,
        subtotal_cents INTEGER NOT NULL,
        tax_cents INTEGER NOT NULL,
        total_cents INTEGER NOT NULL,
        approved_at TEXT,
        approval_method TEXT CHECK (approval_method IN ('signature', 'paper')),
        signer_name TEXT,
        signature TEXT,
        recorded_by INTEGER REFERENCES staff(id),
        UNIQUE (work_order_id, revision)
      ) STRICT;

      CREATE TABLE wo_status_log (
        id INTEGER PRIMARY KEY,
        work_order_id INTEGER NOT NULL REFERENCES work_orders(id),
        from_status TEXT,
        to_status TEXT NOT NULL,
        at TEXT NOT NULL,
        staff_id INTEGER REFERENCES staff(id),
        staff_name TEXT,
        note TEXT
      ) STRICT;
      CREATE INDEX wo_status_log_order ON wo_status_log(work_order_id, id);

      CREATE TABLE wo_service_reports (
        work_order_id INTEGER PRIMARY KEY REFERENCES work_orders(id),
        findings TEXT,
        work_done TEXT,
        old_parts TEXT NOT NULL DEFAULT '[]',
        signed_at TEXT,
        signer_name TEXT,
        signature TEXT,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      -- A signed report is never altered (SPEC: signatures are never altered).
      CREATE TRIGGER wo_service_reports_locked BEFORE UPDATE ON wo_service_reports
        WHEN OLD.signed_at IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'a signed service report is locked'); END;

      CREATE TABLE wo_warranties (
        id INTEGER PRIMARY KEY,
        work_order_id INTEGER NOT NULL REFERENCES work_orders(id),
        vehicle_id INTEGER NOT NULL REFERENCES vehicles(id),
        line_id INTEGER NOT NULL REFERENCES wo_lines(id),
        description TEXT NOT NULL,
        part_no TEXT,
        category TEXT NOT NULL,
        months INTEGER NOT NULL CHECK (months BETWEEN 1 AND 12),
        km_limit INTEGER,
        starts_at TEXT NOT NULL,
        ends_on TEXT NOT NULL,
        start_km INTEGER,
        UNIQUE (work_order_id, line_id)
      ) STRICT;
      CREATE INDEX wo_warranties_vehicle ON wo_warranties(vehicle_id, ends_on);
    `)
  }
}
