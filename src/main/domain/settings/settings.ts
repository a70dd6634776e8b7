import type { Db, ReadDb } from '../../db/types'
import type { Settings } from '../../../shared/contract/settings'

export const DEFAULT_SETTINGS: Settings = {
  shop: { name: '', address: null, phone: null, logo: null },
  locale: null,
  timeZone: 'Asia/Shanghai',
  idleLockMinutes: 10
}

type Key = keyof Settings

export function readSettings(db: ReadDb): Settings {
  const rows = db.prepare('SELECT key, value FROM settings').all() as Array<{ key: string; value: string }>
  const stored: Partial<Record<Key, unknown>> = {}
  for (const row of rows) if (row.key in DEFAULT_SETTINGS) stored[row.key as Key] = JSON.parse(row.value)
  return { ...DEFAULT_SETTINGS, ...stored } as Settings
}

export function writeSetting<K extends Key>(db: Db, key: K, value: Settings[K]): void {
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'
  ).run(key, JSON.stringify(value))
}
