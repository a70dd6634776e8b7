import type { Migration } from '../types'

/**
 * The appointment board: bays, blocked time, bookings with the parts they need, the counter's
 * ticked tasks and the service director's sign-off of each day. Times of day are shop-local
 * `YYYY-MM-DDTHH:mm` text, so a day's bookings are one range scan on `starts_at`.
 */
export const m0004: Migration = {
  version: 4,
  name: 'appointments',
  up(db) {
    db.exec(`
      CREATE TABLE appointment_bays (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        sort INTEGER NOT NULL DEFAULT 0,
        active INTEGER NOT NULL DEFAULT 1,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;

      -- A bay out of service or an advisor on leave: exactly one of the two is named.
      CREATE TABLE appointment_blocks (
        id INTEGER PRIMARY KEY,
        bay_id INTEGER REFERENCES appointment_bays(id),
        advisor_id INTEGER REFERENCES staff(id),
        starts_at TEXT NOT NULL,
        ends_at TEXT NOT NULL,
        reason TEXT,
        created_at TEXT NOT NULL,
        CHECK ((bay_id IS NULL) <> (advisor_id IS NULL)),
        CHECK (ends_at > starts_at)
      ) STRICT;
      CREATE INDEX appointment_blocks_time ON appointment_blocks(starts_at, ends_at);

      CREATE TABLE appointments (
        id INTEGER PRIMARY KEY,
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        vehicle_id INTEGER NOT NULL REFERENCES vehicles(id),
        advisor_id INTEGER NOT NULL REFERENCES staff(id),
        -- NULL once a late customer has lost the held bay (held_bay_id keeps the one they had).
        bay_id INTEGER REFERENCES appointment_bays(id),
        held_bay_id INTEGER REFERENCES appointment_bays(id),
        starts_at TEXT NOT NULL,
        ends_at TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'booked'
          CHECK (status IN ('booked', 'confirmed', 'reminded', 'arrived', 'late', 'checked_in', 'no_show', 'cancelled')),
        service_type TEXT NOT NULL CHECK (service_type IN ('maintenance', 'repair', 'warranty', 'inspection')),
        complaint TEXT,
        channel TEXT NOT NULL CHECK (channel IN ('phone', 'walk_in', 'online')),
        notes TEXT,
        -- A booked customer's labour discount; a late arrival keeps it.
        booked_discount INTEGER NOT NULL DEFAULT 1,
        arrival TEXT CHECK (arrival IN ('on_time', 'late')),
        arrived_at TEXT,
        confirmed_at TEXT,
        confirmed_by TEXT,
        reminded_at TEXT,
        reminded_by TEXT,
        remind_result TEXT,
        remind_note TEXT,
        late_call_at TEXT,
        late_call_by TEXT,
        late_call_result TEXT,
        late_call_delay INTEGER,
        late_call_note TEXT,
        cancel_reason TEXT,
        -- A job still in its bay after its day: it occupies the bay until this local time.
        held_until TEXT,
        work_order_id INTEGER REFERENCES work_orders(id),
        checked_in_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        CHECK (ends_at > starts_at)
      ) STRICT;
      CREATE INDEX appointments_start ON appointments(starts_at);
      CREATE INDEX appointments_bay ON appointments(bay_id, starts_at);
      CREATE INDEX appointments_advisor ON appointments(advisor_id, starts_at);
      CREATE INDEX appointments_held ON appointments(bay_id, held_until) WHERE held_until IS NOT NULL;
      CREATE INDEX appointments_vehicle ON appointments(vehicle_id);
      CREATE INDEX appointments_customer ON appointments(customer_id);

      CREATE TABLE appointment_parts (
        id INTEGER PRIMARY KEY,
        appointment_id INTEGER NOT NULL REFERENCES appointments(id),
        part_id INTEGER REFERENCES parts(id),
        description TEXT NOT NULL,
        qty INTEGER NOT NULL CHECK (qty > 0)
      ) STRICT;
      CREATE INDEX appointment_parts_appointment ON appointment_parts(appointment_id);

      -- Ticked items of the counter's timed task list (bay cleaned, lane free, the kit).
      CREATE TABLE appointment_ticks (
        appointment_id INTEGER NOT NULL REFERENCES appointments(id),
        task TEXT NOT NULL,
        done_by INTEGER REFERENCES staff(id),
        done_by_name TEXT NOT NULL,
        done_at TEXT NOT NULL,
        PRIMARY KEY (appointment_id, task)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE appointment_signoffs (
        day TEXT PRIMARY KEY,
        signed_by INTEGER NOT NULL REFERENCES staff(id),
        signed_by_name TEXT NOT NULL,
        signed_at TEXT NOT NULL,
        note TEXT
      ) STRICT;
    `)
  }
}
