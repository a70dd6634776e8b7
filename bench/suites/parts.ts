import type { Suite } from '../harness'

/** The parts figures (none yet): setup builds the data and returns one Figure per bench name. */
export const partsSuite: Suite = {
  name: 'parts',
  async setup() {
    return { figures: [], cleanup() {} }
  }
}
