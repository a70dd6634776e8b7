import type { Suite } from '../harness'
import { customersSuite } from './customers'

/** Every benchmark suite; an issue's figures join by adding its suite here. */
export const SUITES: Suite[] = [customersSuite]
