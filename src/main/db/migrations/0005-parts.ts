import type { Migration } from '../types'

/** Reserved for the parts part; fill in `up` (tables, indexes) when that part is built. */
export const m0005: Migration = {
  version: 5,
  name: 'parts',
  up() {}
}
