import type { Suite } from '../harness'

/** The reports figures (none yet): setup builds the data and returns one Figure per bench name. */
export const reportsSuite: Suite = {
  name: 'reports',
  async setup() {
    return { figures: [], cleanup() {} }
  }
}
