import type { Db } from '../db/types'

/**
 * Runs a write in one IMMEDIATE transaction: the write lock is taken before the first read, so
 * two saves racing for the same slot are serialised and the second one sees the first.
 */
export function inTx<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate()
}

export const nowIso = (d: Date): string => d.toISOString()
