import type Database from 'better-sqlite3'

/** A handle that may write. Domain functions that only read take `ReadDb` to say so. */
export type Db = Database.Database
export type ReadDb = Pick<Database.Database, 'prepare'>

export interface Migration {
  version: number
  name: string
  up: (db: Db) => void
}
