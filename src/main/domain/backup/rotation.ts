/**
 * Which backups to keep: the newest of each of the last `daily` days, of the last `weekly` weeks
 * and of the last `monthly` months (in the shop's calendar), and always the newest of all.
 * Everything else may be deleted. Pure, so the rule is tested on its own.
 */
export interface Rotation {
  daily: number
  weekly: number
  monthly: number
}

export interface BackupStamp {
  file: string
  /** Shop-local date of the backup, YYYY-MM-DD. */
  date: string
}

/** Monday of the ISO week of a date, as the week's key. */
function weekKey(date: string): string {
  const d = new Date(`${date}T00:00:00Z`)
  const day = (d.getUTCDay() + 6) % 7
  d.setUTCDate(d.getUTCDate() - day)
  return d.toISOString().slice(0, 10)
}

export function backupsToKeep(backups: readonly BackupStamp[], rotation: Rotation): Set<string> {
  const newestFirst = [...backups].sort((a, b) => (a.file < b.file ? 1 : -1))
  const keep = new Set<string>()
  if (newestFirst[0]) keep.add(newestFirst[0].file)
  const pick = (keyOf: (date: string) => string, count: number): void => {
    const seen = new Set<string>()
    for (const b of newestFirst) {
      const key = keyOf(b.date)
      if (seen.has(key)) continue
      if (seen.size >= count) break
      seen.add(key)
      keep.add(b.file)
    }
  }
  pick((d) => d, rotation.daily)
  pick(weekKey, rotation.weekly)
  pick((d) => d.slice(0, 7), rotation.monthly)
  return keep
}
