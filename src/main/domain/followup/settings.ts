import type { Db, ReadDb } from '../../db/types'
import { followupSettings, type FollowupSettings } from '../../../shared/contract/followup'
import { DEFAULT_FOLLOWUP_SETTINGS } from './rules'

const KEY = 'followup'

/** The follow-up rules live under their own key in the settings table; missing fields take the defaults. */
export function readFollowupSettings(db: ReadDb): FollowupSettings {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined
  if (!row) return DEFAULT_FOLLOWUP_SETTINGS
  const parsed = followupSettings.partial().safeParse(JSON.parse(row.value))
  return { ...DEFAULT_FOLLOWUP_SETTINGS, ...(parsed.success ? parsed.data : {}) }
}

export function writeFollowupSettings(db: Db, s: FollowupSettings): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    KEY,
    JSON.stringify(s)
  )
}

export function getState(db: ReadDb, key: string): string | null {
  const row = db.prepare('SELECT value FROM followup_state WHERE key = ?').get(key) as { value: string } | undefined
  return row?.value ?? null
}

export function setState(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO followup_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value)
}
