import type { Sample } from './types'

/** The parts part's printed documents, filled from the demo shop (none yet). */
export const partsSamples: Sample[] = []
