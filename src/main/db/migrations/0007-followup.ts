import type { Migration } from '../types'

/** Reserved for the followup part; fill in `up` (tables, indexes) when that part is built. */
export const m0007: Migration = {
  version: 7,
  name: 'followup',
  up() {}
}
