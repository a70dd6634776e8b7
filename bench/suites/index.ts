import type { Suite } from '../harness'
import { appointmentsSuite } from './appointments'
import { customersSuite } from './customers'
import { followupSuite } from './followup'
import { lanSuite } from './lan'
import { partsSuite } from './parts'
import { reportsSuite } from './reports'
import { workordersSuite } from './workorders'

/** Every benchmark suite; each part of the shop keeps its figures in its own file. */
export const SUITES: Suite[] = [customersSuite, appointmentsSuite, workordersSuite, partsSuite, followupSuite, reportsSuite, lanSuite]
