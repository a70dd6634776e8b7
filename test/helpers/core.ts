import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AppContract, CallName } from '../../src/shared/contract'
import type { InputOf, OutputOf } from '../../src/shared/contract/define'
import type { Role } from '../../src/shared/roles'
import type { ErrorBody } from '../../src/shared/errors'
import { TestClock } from '../../src/main/core/clock'
import type { Core } from '../../src/main/core/context'
import { createCore } from '../../src/main/core/create'
import { dispatch } from '../../src/main/core/dispatch'
import { insertStaff } from '../../src/main/domain/staff/staff'

export interface TestShop {
  core: Core
  clock: TestClock
  dir: string
  /** A signed-in session for a new member of staff with these roles. */
  session(roles: Role[], name?: string): string
  /** Makes a call through the real dispatcher; throws the error body when refused. */
  call<N extends CallName>(token: string | null, name: N, input: InputOf<AppContract[N]>): Promise<OutputOf<AppContract[N]>>
  /** The refusal a call gets; fails the test if the call succeeds. */
  refusal(token: string | null, name: string, input: unknown): Promise<ErrorBody>
  close(): void
}

let pinCounter = 1000

/** A real SQLite file in a fresh temp folder, with a clock the test controls. */
export function testShop(start = new Date('2026-12-04T01:00:00Z')): TestShop {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-test-'))
  const clock = new TestClock(start)
  const core = createCore({ dataDir: dir, clock, appVersion: 'test' })
  return {
    core,
    clock,
    dir,
    session(roles, name = `Staff ${roles.join('+')}`) {
      const pin = String(++pinCounter)
      const actor = core.db.transaction(() => insertStaff(core.db, null, clock.now(), name, roles, pin))()
      return core.sessions.open(actor).token
    },
    async call(token, name, input) {
      const result = await dispatch(core, name, input, token)
      if (!result.ok) throw Object.assign(new Error(`${name} refused: ${result.error.code} ${result.error.message}`), { body: result.error })
      return result.value as never
    },
    async refusal(token, name, input) {
      const result = await dispatch(core, name, input, token)
      if (result.ok) throw new Error(`${name} was expected to be refused but succeeded`)
      return result.error
    },
    close() {
      core.db.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
