import { AppError } from '../../shared/errors'
import type { Db, Migration } from './types'

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number
}

/**
 * Brings the file up to the newest schema. All pending migrations run in one transaction, so a
 * failure leaves the file exactly as it was; a file from a newer app is refused untouched.
 */
export function migrate(db: Db, migrations: readonly Migration[]): { from: number; to: number } {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`)
  })
  const latest = migrations.length
  const current = schemaVersion(db)
  if (current > latest) {
    throw new AppError(
      'db_from_future',
      `This data file was written by a newer version of the app (schema ${current}; this app knows up to ${latest}). Install the newer version; the file was not changed.`,
      { fileVersion: current, appVersion: latest }
    )
  }
  if (current === latest) return { from: current, to: latest }
  // Foreign keys are checked at the end instead of during a migration that rebuilds tables.
  db.pragma('foreign_keys = OFF')
  db.transaction(() => {
    for (const m of migrations.slice(current)) m.up(db)
    const broken = db.pragma('foreign_key_check') as unknown[]
    if (broken.length > 0) throw new Error(`migration left ${broken.length} broken references`)
    db.pragma(`user_version = ${latest}`)
  })()
  return { from: current, to: latest }
}
