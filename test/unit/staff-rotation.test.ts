import { describe, expect, it } from 'vitest'
import { backupsToKeep } from '../../src/main/domain/backup/rotation'
import { addDays } from '../../src/shared/time'

const stamp = (date: string, time = '020000') => ({ file: `frontdesk-${date.replace(/-/g, '')}-${time}.sqlite3`, date })

describe('backup rotation', () => {
  it('keeps the newest backup of each of the last 7 days, 4 weeks and 12 months', () => {
    // One backup a day for 400 days, ending Friday 2026-12-04.
    const days = Array.from({ length: 400 }, (_, i) => addDays('2026-12-04', -i))
    const keep = backupsToKeep(days.map((d) => stamp(d)), { daily: 7, weekly: 4, monthly: 12 })
    const kept = [...keep].map((f) => f.slice(10, 18)).sort().reverse()
    expect(kept.slice(0, 7)).toEqual(['20261204', '20261203', '20261202', '20261201', '20261130', '20261129', '20261128'])
    // Weeks: newest of the weeks starting Mon 11-30, 11-23, 11-16, 11-09 → 12-04, 11-29, 11-22, 11-15.
    for (const d of ['20261122', '20261115']) expect(kept).toContain(d)
    // Months: the newest of each of the last 12 months, the last day of each past month.
    for (const d of ['20261031', '20260930', '20260131']) expect(kept).toContain(d)
    expect(kept).not.toContain('20251231')
    expect(keep.size).toBeLessThanOrEqual(7 + 4 + 12)
  })
  it('keeps the newest of two backups on one day, not both', () => {
    const keep = backupsToKeep([stamp('2026-12-04', '020000'), stamp('2026-12-04', '170000')], { daily: 7, weekly: 0, monthly: 0 })
    expect([...keep]).toEqual(['frontdesk-20261204-170000.sqlite3'])
  })
  it('always keeps the newest backup, even with every count at its minimum', () => {
    const keep = backupsToKeep([stamp('2026-12-01'), stamp('2026-12-04')], { daily: 1, weekly: 0, monthly: 0 })
    expect([...keep]).toEqual(['frontdesk-20261204-020000.sqlite3'])
  })
})
