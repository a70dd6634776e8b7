import type { Migration } from '../types'

/** Reserved for the appointments part; fill in `up` (tables, indexes) when that part is built. */
export const m0004: Migration = {
  version: 4,
  name: 'appointments',
  up() {}
}
