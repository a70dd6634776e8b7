import type { Migration } from '../types'

/** Workstations paired with this PC when it hosts the shop's data on the LAN. */
export const m0008: Migration = {
  version: 8,
  name: 'lan',
  up(db) {
    db.exec(`
      CREATE TABLE lan_devices (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        key TEXT NOT NULL,
        created_at TEXT NOT NULL,
        last_seen_at TEXT,
        last_address TEXT,
        revoked_at TEXT
      ) STRICT;
    `)
  }
}
