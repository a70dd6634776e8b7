import type { Suite } from '../harness'

/** The workorders figures (none yet): setup builds the data and returns one Figure per bench name. */
export const workordersSuite: Suite = {
  name: 'workorders',
  async setup() {
    return { figures: [], cleanup() {} }
  }
}
