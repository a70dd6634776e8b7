import type { Sample } from './types'

/** The reports part's printed documents, filled from the demo shop (none yet). */
export const reportsSamples: Sample[] = []
