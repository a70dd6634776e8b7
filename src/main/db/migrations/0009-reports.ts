import type { Migration } from '../types'

/** Reserved for the reports part; fill in `up` (tables, indexes) when that part is built. */
export const m0009: Migration = {
  version: 9,
  name: 'reports',
  up() {}
}
