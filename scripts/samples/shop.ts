import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { TestClock } from '../../src/main/core/clock'
import type { Core } from '../../src/main/core/context'
import { createCore } from '../../src/main/core/create'
import { dispatch } from '../../src/main/core/dispatch'
import { generateCustomers } from '../../src/main/domain/demo/generate'
import { writeSetting } from '../../src/main/domain/settings/settings'
import { insertStaff } from '../../src/main/domain/staff/staff'
import type { DocumentRef } from '../../src/shared/contract/system'
import { ROLES } from '../../src/shared/roles'

export interface SampleShop {
  core: Core
  token: string
  clock: TestClock
  /** Makes a call as the sample shop's all-roles user; throws if refused. */
  call(name: string, input: unknown): Promise<unknown>
  /** Makes a print call and returns the PDF it rendered. */
  pdf(name: string, input: unknown): Promise<Buffer>
}

/** The demo shop every sample sheet is filled from: same data on every run (fixed seed and clock). */
/** The sample shop's "now": Friday 4 December 2026, 10:30 in Shenzhen. */
export const SAMPLE_NOW = new Date('2026-12-04T02:30:00Z')

export function sampleShop(): SampleShop {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-samples-'))
  const clock = new TestClock(SAMPLE_NOW)
  const core = createCore({ dataDir: dir, clock, appVersion: 'samples' })
  core.db.transaction(() => {
    writeSetting(core.db, 'shop', {
      name: '深圳鹏城汽车销售服务有限公司',
      address: '深圳市南山区科技园深南大道 9988 号',
      phone: '0755-8888 6666',
      logo: null
    })
    generateCustomers(core.db, clock.now(), { customers: 40, seed: 42 })
  })()
  const actor = core.db.transaction(() => insertStaff(core.db, null, clock.now(), '陈静', [...ROLES], '2468'))()
  const token = core.sessions.open(actor).token
  const call = async (name: string, input: unknown): Promise<unknown> => {
    const r = await dispatch(core, name, input, token)
    if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`)
    return r.value
  }
  return {
    core,
    token,
    clock,
    call,
    async pdf(name, input) {
      const ref = (await call(name, input)) as DocumentRef
      const doc = core.documents.take(ref.documentId, token)
      if (!doc) throw new Error(`${name}: rendered document not found`)
      return doc.pdf
    }
  }
}
