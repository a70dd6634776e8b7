import type { Migration } from '../types'

/** The log of backups made and restores done, so Settings can say when the data was last safe. */
export const m0003: Migration = {
  version: 3,
  name: 'staff-audit',
  up(db) {
    db.exec(`
      CREATE TABLE backup_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('auto', 'manual', 'restore', 'export')),
        file TEXT NOT NULL,
        bytes INTEGER,
        ok INTEGER NOT NULL,
        note TEXT
      ) STRICT;
      CREATE INDEX backup_log_at ON backup_log(at);
    `)
  }
}
