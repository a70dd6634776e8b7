import type { Db, ReadDb } from '../../db/types'
import type { WoSettings } from '../../../shared/contract/workorders'

const KEY = 'workorders'

export const DEFAULT_WO_SETTINGS: WoSettings = {
  taxRateBp: 1300,
  pricesIncludeTax: false,
  labourRateCents: 12_000,
  diagnosisFeeCents: 10_000,
  calloutFeeCents: 30_000,
  bays: ['1', '2', '3', '4'],
  technicians: [],
  workSections: [],
  warrantyCategories: [
    { code: 'general', label: null, months: 3, kmLimit: 5000 },
    { code: 'engine', label: null, months: 12, kmLimit: 20_000 },
    { code: 'chassis', label: null, months: 6, kmLimit: 10_000 },
    { code: 'electrical', label: null, months: 3, kmLimit: 5000 },
    { code: 'body', label: null, months: 12, kmLimit: null }
  ],
  defaultWarrantyCategory: 'general',
  onsiteNearKm: 100,
  onsiteNearHours: 24,
  onsiteFarAnswerHours: 12,
  writtenAnswerHours: 12,
  warrantyTerms: null
}

/** The part's settings live under one key of the shared settings table. */
export function readWoSettings(db: ReadDb): WoSettings {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined
  return { ...DEFAULT_WO_SETTINGS, ...(row ? (JSON.parse(row.value) as Partial<WoSettings>) : {}) }
}

export function writeWoSettings(db: Db, value: WoSettings): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    KEY,
    JSON.stringify(value)
  )
}

export function warrantyRule(s: WoSettings, code: string | null): { code: string; months: number; kmLimit: number | null } {
  const c = s.warrantyCategories.find((x) => x.code === code) ??
    s.warrantyCategories.find((x) => x.code === s.defaultWarrantyCategory) ??
    s.warrantyCategories[0] ?? { code: 'general', months: 3, kmLimit: null }
  return { code: c.code, months: c.months, kmLimit: c.kmLimit }
}
