import type { Suite } from '../harness'

/** The appointments figures (none yet): setup builds the data and returns one Figure per bench name. */
export const appointmentsSuite: Suite = {
  name: 'appointments',
  async setup() {
    return { figures: [], cleanup() {} }
  }
}
