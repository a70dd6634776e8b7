import type { Migration } from '../types'

/** Reserved for the staff-audit part; fill in `up` (tables, indexes) when that part is built. */
export const m0003: Migration = {
  version: 3,
  name: 'staff-audit',
  up() {}
}
