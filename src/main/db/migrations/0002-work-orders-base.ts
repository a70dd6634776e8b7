import type { Migration } from '../types'

/**
 * The work order's core: the record the appointment board, the parts ledger, follow-up and the
 * reports all point at. The check-in / work-order part adds its own columns and tables later.
 */
export const m0002: Migration = {
  version: 2,
  name: 'work-orders-base',
  up(db) {
    db.exec(`
      CREATE TABLE work_orders (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        vehicle_id INTEGER NOT NULL REFERENCES vehicles(id),
        advisor_id INTEGER REFERENCES staff(id),
        appointment_id INTEGER,
        kind TEXT NOT NULL DEFAULT 'shop' CHECK (kind IN ('shop', 'onsite')),
        status TEXT NOT NULL DEFAULT 'open'
          CHECK (status IN ('open', 'approved', 'in_progress', 'waiting_parts', 'done', 'delivered', 'declined', 'cancelled')),
        pay_type TEXT NOT NULL DEFAULT 'customer' CHECK (pay_type IN ('customer', 'warranty', 'insurance', 'internal')),
        complaint TEXT,
        mileage_km INTEGER,
        opened_at TEXT NOT NULL,
        promised_at TEXT,
        done_at TEXT,
        delivered_at TEXT,
        total_cents INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX work_orders_customer ON work_orders(customer_id);
      CREATE INDEX work_orders_vehicle ON work_orders(vehicle_id);
      CREATE INDEX work_orders_status ON work_orders(status, opened_at);
      CREATE INDEX work_orders_delivered ON work_orders(delivered_at) WHERE delivered_at IS NOT NULL;
    `)
  }
}
