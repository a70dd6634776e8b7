import type { Migration } from '../types'
import { m0001 } from './0001-core'
import { m0002 } from './0002-work-orders-base'
import { m0003 } from './0003-staff-audit'
import { m0004 } from './0004-appointments'
import { m0005 } from './0005-parts'
import { m0006 } from './0006-workorders'
import { m0007 } from './0007-followup'
import { m0008 } from './0008-lan'
import { m0009 } from './0009-reports'

/**
 * Every migration in order; a migration's version is its place in this list. Each part of the
 * shop owns its file; a file that has shipped is never edited, a change is a new migration.
 */
export const MIGRATIONS: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008, m0009]
