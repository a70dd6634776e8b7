import type { Sample } from './types'

/** The workorders part's printed documents, filled from the demo shop (none yet). */
export const workordersSamples: Sample[] = []
