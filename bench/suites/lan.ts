import type { Suite } from '../harness'

/** The lan figures (none yet): setup builds the data and returns one Figure per bench name. */
export const lanSuite: Suite = {
  name: 'lan',
  async setup() {
    return { figures: [], cleanup() {} }
  }
}
