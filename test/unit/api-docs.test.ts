import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { renderApiDocs } from '../../scripts/api-docs'
import { contract } from '../../src/shared/contract'
import { handlers } from '../../src/main/handlers'

describe('the contract', () => {
  it('is listed in docs/api.md as it is now (run npm run docs:api after changing it)', () => {
    expect(readFileSync('docs/api.md', 'utf8')).toBe(renderApiDocs())
  })
  it('has one handler per call and no handler without a call', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort())
  })
  it('names who may make every call', () => {
    for (const [name, def] of Object.entries(contract)) {
      expect(def.access === 'public' || def.access === 'signed-in' || def.access.length > 0, name).toBe(true)
    }
  })
  it('leaves only the sign-in screen (and a new PC’s connect-to-a-host) open without a session', () => {
    const open = Object.entries(contract).filter(([, d]) => d.access === 'public').map(([n]) => n).sort()
    expect(open).toEqual(['auth.setup', 'auth.signIn', 'auth.status', 'lan.connect', 'lan.discover', 'lan.workstationStatus'])
  })
})
