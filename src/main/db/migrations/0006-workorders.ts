import type { Migration } from '../types'

/** Reserved for the workorders part; fill in `up` (tables, indexes) when that part is built. */
export const m0006: Migration = {
  version: 6,
  name: 'workorders',
  up() {}
}
