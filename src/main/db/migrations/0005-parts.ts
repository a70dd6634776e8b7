import type { Migration } from '../types'

/**
 * The spare-parts ledger. Stock is what the journal (part_movements) sums to; part_balances is a
 * cache kept by a trigger on every journal insert and checked against the journal by "verify ledger".
 * The journal and its postings are append-only: a mistake is corrected by a reversing posting.
 */
export const m0005: Migration = {
  version: 5,
  name: 'parts',
  up(db) {
    db.exec(`
      CREATE TABLE part_locations (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('store', 'station')),
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      INSERT INTO part_locations (id, code, name, kind, created_at, updated_at)
        VALUES (1, 'MAIN', '主仓库', 'store', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');

      CREATE TABLE part_categories (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        watched INTEGER NOT NULL DEFAULT 0 CHECK (watched IN (0, 1))
      ) STRICT;
      -- The categories the quality team watches (SPEC 3); the name is shown translated by code.
      INSERT INTO part_categories (code, name, watched) VALUES
        ('motor', '电机', 1), ('controller', '控制器', 1), ('rear_axle', '后桥', 1),
        ('differential', '差速器', 1), ('frame', '车架', 1), ('front_shock', '前减震器', 1),
        ('rim_weld', '轮辋焊接', 1), ('filters', '滤清器', 0), ('brakes', '制动', 0),
        ('electrical', '电器', 0), ('fluids', '油液', 0), ('other', '其他', 0);

      CREATE TABLE suppliers (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        contact TEXT,
        phone TEXT,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE parts (
        id INTEGER PRIMARY KEY,
        part_no TEXT NOT NULL UNIQUE COLLATE NOCASE,
        name TEXT NOT NULL,
        spec TEXT,
        unit TEXT NOT NULL,
        category_id INTEGER NOT NULL REFERENCES part_categories(id),
        bin TEXT,
        supplier_id INTEGER REFERENCES suppliers(id),
        cost_cents INTEGER NOT NULL DEFAULT 0 CHECK (cost_cents >= 0),
        price_cents INTEGER NOT NULL DEFAULT 0 CHECK (price_cents >= 0),
        reorder_level INTEGER NOT NULL DEFAULT 0 CHECK (reorder_level >= 0),
        active INTEGER NOT NULL DEFAULT 1,
        search TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX parts_category ON parts(category_id, part_no);
      CREATE INDEX parts_bin ON parts(bin, part_no);
      CREATE INDEX parts_supplier ON parts(supplier_id);

      -- One posting is one document's effect on the ledger (a receipt, an issue, a count...).
      CREATE TABLE part_postings (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('receipt', 'issue', 'return', 'transfer', 'scrap', 'warranty', 'count', 'import')),
        at TEXT NOT NULL,
        staff_id INTEGER REFERENCES staff(id),
        staff_name TEXT,
        reason TEXT,
        reverses_posting_id INTEGER UNIQUE REFERENCES part_postings(id)
      ) STRICT;

      CREATE TABLE part_movements (
        id INTEGER PRIMARY KEY,
        posting_id INTEGER NOT NULL REFERENCES part_postings(id),
        kind TEXT NOT NULL CHECK (kind IN ('receipt', 'issue', 'return', 'transfer', 'scrap', 'warranty', 'count', 'import')),
        at TEXT NOT NULL,
        part_id INTEGER NOT NULL REFERENCES parts(id),
        location_id INTEGER NOT NULL REFERENCES part_locations(id),
        qty INTEGER NOT NULL CHECK (qty <> 0),
        unit_cost_cents INTEGER NOT NULL DEFAULT 0,
        work_order_id INTEGER REFERENCES work_orders(id),
        requisition_line_id INTEGER,
        reverses_id INTEGER UNIQUE REFERENCES part_movements(id)
      ) STRICT;
      CREATE INDEX part_movements_part ON part_movements(part_id, location_id, id);
      CREATE INDEX part_movements_posting ON part_movements(posting_id);
      CREATE INDEX part_movements_wo ON part_movements(work_order_id) WHERE work_order_id IS NOT NULL;
      CREATE INDEX part_movements_line ON part_movements(requisition_line_id) WHERE requisition_line_id IS NOT NULL;

      CREATE TRIGGER part_movements_no_update BEFORE UPDATE ON part_movements
        BEGIN SELECT RAISE(ABORT, 'part_movements is append-only'); END;
      CREATE TRIGGER part_movements_no_delete BEFORE DELETE ON part_movements
        BEGIN SELECT RAISE(ABORT, 'part_movements is append-only'); END;
      CREATE TRIGGER part_postings_no_update BEFORE UPDATE ON part_postings
        BEGIN SELECT RAISE(ABORT, 'part_postings is append-only'); END;
      CREATE TRIGGER part_postings_no_delete BEFORE DELETE ON part_postings
        BEGIN SELECT RAISE(ABORT, 'part_postings is append-only'); END;

      -- The cached balance; the CHECK is the last line behind the app's own refusal of negatives.
      CREATE TABLE part_balances (
        part_id INTEGER NOT NULL REFERENCES parts(id),
        location_id INTEGER NOT NULL REFERENCES part_locations(id),
        qty INTEGER NOT NULL CHECK (qty >= 0),
        PRIMARY KEY (part_id, location_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX part_balances_location ON part_balances(location_id, part_id);
      CREATE TRIGGER part_movements_balance AFTER INSERT ON part_movements BEGIN
        INSERT OR IGNORE INTO part_balances (part_id, location_id, qty) VALUES (NEW.part_id, NEW.location_id, 0);
        UPDATE part_balances SET qty = qty + NEW.qty WHERE part_id = NEW.part_id AND location_id = NEW.location_id;
      END;

      CREATE TABLE part_receipts (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        posting_id INTEGER NOT NULL UNIQUE REFERENCES part_postings(id),
        location_id INTEGER NOT NULL REFERENCES part_locations(id),
        supplier_id INTEGER REFERENCES suppliers(id),
        delivery_note TEXT,
        note TEXT,
        received_at TEXT NOT NULL,
        staff_name TEXT
      ) STRICT;
      CREATE INDEX part_receipts_at ON part_receipts(received_at);

      CREATE TABLE requisitions (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        work_order_id INTEGER NOT NULL REFERENCES work_orders(id),
        location_id INTEGER NOT NULL REFERENCES part_locations(id),
        status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'partly_issued', 'issued', 'closed', 'cancelled')),
        amount_cents INTEGER NOT NULL,
        note TEXT,
        requested_by INTEGER REFERENCES staff(id),
        requested_by_name TEXT,
        requested_at TEXT NOT NULL,
        decided_by INTEGER REFERENCES staff(id),
        decided_by_name TEXT,
        decided_at TEXT,
        decision_note TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX requisitions_status ON requisitions(status, requested_at);
      CREATE INDEX requisitions_wo ON requisitions(work_order_id);

      CREATE TABLE requisition_lines (
        id INTEGER PRIMARY KEY,
        requisition_id INTEGER NOT NULL REFERENCES requisitions(id),
        part_id INTEGER NOT NULL REFERENCES parts(id),
        qty INTEGER NOT NULL CHECK (qty > 0),
        unit_cost_cents INTEGER NOT NULL,
        issued_qty INTEGER NOT NULL DEFAULT 0 CHECK (issued_qty >= 0),
        UNIQUE (requisition_id, part_id)
      ) STRICT;
      CREATE INDEX requisition_lines_part ON requisition_lines(part_id);

      CREATE TABLE part_counts (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        location_id INTEGER NOT NULL REFERENCES part_locations(id),
        category_id INTEGER REFERENCES part_categories(id),
        bin_from TEXT,
        bin_to TEXT,
        status TEXT NOT NULL CHECK (status IN ('open', 'posted', 'reversed', 'cancelled')),
        started_at TEXT NOT NULL,
        started_by_name TEXT,
        posting_id INTEGER REFERENCES part_postings(id),
        reversal_posting_id INTEGER REFERENCES part_postings(id),
        posted_at TEXT,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX part_counts_location ON part_counts(location_id, status);

      -- expected_qty is the ledger balance at the moment the part was counted (never shown on entry).
      CREATE TABLE part_count_lines (
        id INTEGER PRIMARY KEY,
        count_id INTEGER NOT NULL REFERENCES part_counts(id),
        part_id INTEGER NOT NULL REFERENCES parts(id),
        bin TEXT,
        counted_qty INTEGER CHECK (counted_qty IS NULL OR counted_qty >= 0),
        expected_qty INTEGER,
        counted_at TEXT,
        reason TEXT,
        UNIQUE (count_id, part_id)
      ) STRICT;

      CREATE TABLE old_parts (
        id INTEGER PRIMARY KEY,
        part_id INTEGER REFERENCES parts(id),
        description TEXT NOT NULL,
        qty INTEGER NOT NULL DEFAULT 1,
        work_order_id INTEGER REFERENCES work_orders(id),
        service_report TEXT,
        movement_id INTEGER REFERENCES part_movements(id),
        status TEXT NOT NULL CHECK (status IN ('due', 'returned', 'claimed', 'scrapped', 'returned_to_customer', 'kept', 'cancelled')),
        due_at TEXT NOT NULL,
        returned_at TEXT,
        disposed_at TEXT,
        disposition_note TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX old_parts_status ON old_parts(status, due_at);
      CREATE INDEX old_parts_created ON old_parts(created_at);

      CREATE TABLE supplier_claims (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        supplier_id INTEGER NOT NULL REFERENCES suppliers(id),
        part_id INTEGER REFERENCES parts(id),
        old_part_id INTEGER REFERENCES old_parts(id),
        work_order_id INTEGER REFERENCES work_orders(id),
        qty INTEGER NOT NULL DEFAULT 1 CHECK (qty > 0),
        fault TEXT NOT NULL,
        claimed_cents INTEGER NOT NULL CHECK (claimed_cents >= 0),
        recovered_cents INTEGER NOT NULL DEFAULT 0 CHECK (recovered_cents >= 0),
        status TEXT NOT NULL CHECK (status IN ('draft', 'sent', 'accepted', 'rejected', 'credited')),
        sent_at TEXT,
        decided_at TEXT,
        credited_at TEXT,
        note TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX supplier_claims_status ON supplier_claims(status, supplier_id, created_at);
    `)
  }
}
