import type { Migration } from '../types'

/** Reserved for the lan part; fill in `up` (tables, indexes) when that part is built. */
export const m0008: Migration = {
  version: 8,
  name: 'lan',
  up() {}
}
