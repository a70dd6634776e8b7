import type { Migration } from '../types'

/** Settings, staff and sessions' owners, the audit trail, customers and vehicles with their search terms. */
export const m0001: Migration = {
  version: 1,
  name: 'core',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE staff (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        roles TEXT NOT NULL DEFAULT '[]',
        pin_hash TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1,
        failed_pins INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        staff_id INTEGER REFERENCES staff(id),
        staff_name TEXT,
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        changes TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_log_entity ON audit_log(entity, entity_id, id);
      CREATE INDEX audit_log_at ON audit_log(at);
      -- The trail is append-only: the app has no statement that changes it, and the file refuses one.
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

      CREATE TABLE customers (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        phone TEXT NOT NULL,
        phone2 TEXT,
        address TEXT,
        kind TEXT NOT NULL DEFAULT 'person' CHECK (kind IN ('person', 'company')),
        wants TEXT,
        notes TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;

      CREATE TABLE vehicles (
        id INTEGER PRIMARY KEY,
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        plate TEXT NOT NULL,
        plate_key TEXT NOT NULL UNIQUE,
        vin TEXT UNIQUE,
        make TEXT,
        model TEXT,
        colour TEXT,
        vehicle_type TEXT NOT NULL DEFAULT 'car',
        year INTEGER,
        mileage_km INTEGER CHECK (mileage_km IS NULL OR mileage_km >= 0),
        service_interval_km INTEGER,
        service_interval_months INTEGER,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX vehicles_customer ON vehicles(customer_id);

      -- Search terms: every piece of a name, the tails of phones and plates, so that a search is
      -- one index lookup on any number of customers (Chinese has no word breaks for FTS to use).
      CREATE TABLE customer_terms (
        term TEXT NOT NULL,
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        PRIMARY KEY (term, customer_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX customer_terms_customer ON customer_terms(customer_id);
    `)
  }
}
