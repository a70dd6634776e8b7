import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Core } from '../../../src/main/core/context'
import { createCore } from '../../../src/main/core/create'
import { dispatch } from '../../../src/main/core/dispatch'
import { pairWithHost, WorkstationLink } from '../../../src/main/lan/workstation'
import type { ErrorBody } from '../../../src/shared/errors'

export interface TestWorkstation {
  core: Core
  link: WorkstationLink
  call<T = unknown>(name: string, input: unknown, token?: string | null): Promise<T>
  refusal(name: string, input: unknown, token?: string | null): Promise<ErrorBody>
  close(): void
}

/** A workstation PC: its own (empty, in-memory) core whose calls go to the host over real HTTP. */
export async function pairWorkstation(hostUrl: string, code: string, name: string): Promise<TestWorkstation> {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-ws-'))
  const core = createCore({ dataDir: dir, inMemory: true })
  const link = new WorkstationLink(await pairWithHost(hostUrl, code, name, new Date()))
  core.remote = link
  return {
    core,
    link,
    async call(name, input, token = null) {
      const r = await dispatch(core, name, input, token)
      if (!r.ok) throw Object.assign(new Error(`${name}: ${r.error.code} ${r.error.message}`), { body: r.error })
      return r.value as never
    },
    async refusal(name, input, token = null) {
      const r = await dispatch(core, name, input, token)
      if (r.ok) throw new Error(`${name} was expected to be refused`)
      return r.error
    },
    close() {
      link.stop()
      core.db.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

export { freePort } from '../../helpers/net'
