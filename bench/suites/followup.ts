import type { Suite } from '../harness'

/** The followup figures (none yet): setup builds the data and returns one Figure per bench name. */
export const followupSuite: Suite = {
  name: 'followup',
  async setup() {
    return { figures: [], cleanup() {} }
  }
}
