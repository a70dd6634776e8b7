import type { Migration } from '../types'
import { m0001 } from './0001-core'

/** Every migration in order; a migration's version is its place in this list. */
export const MIGRATIONS: readonly Migration[] = [m0001]
