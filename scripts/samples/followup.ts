import type { Sample } from './types'

/** The followup part's printed documents, filled from the demo shop (none yet). */
export const followupSamples: Sample[] = []
