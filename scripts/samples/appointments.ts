import type { Sample } from './types'

/** The appointments part's printed documents, filled from the demo shop (none yet). */
export const appointmentsSamples: Sample[] = []
