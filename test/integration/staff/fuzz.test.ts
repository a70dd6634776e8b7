import fc from 'fast-check'
import { z } from 'zod'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contract } from '../../../src/shared/contract'
import { dispatch } from '../../../src/main/core/dispatch'
import { generateCustomers } from '../../../src/main/domain/demo/generate'
import { ROLES, type Role } from '../../../src/shared/roles'
import { insertStaff } from '../../../src/main/domain/staff/staff'
import { testShop, type TestShop } from '../../helpers/core'

/**
 * Random and hostile input at every call of the contract: each must answer with a typed error or a
 * valid value, never crash, never leave the file unsound.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 25)
// Calls whose success changes who is signed in or replaces the whole file; they get their own tests.
const SKIP = new Set(['backup.restore'])

const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    "'; DROP TABLE customers; --",
    '" OR 1=1 --',
    '<script>alert(1)</script>',
    '../../etc/passwd',
    '\u0000\u0001\u001f',
    '粤B·12345',
    '9999-12-31T23:59',
    '0000-01-01',
    '2026-02-30',
    '-1',
    'NaN',
    '{"__proto__":{"x":1}}',
    '\uD800',
    '   '
  ),
  fc.constant('长'.repeat(100_000))
)
const hostileNumber = fc.oneof(
  fc.integer(),
  fc.integer({ min: -5, max: 5 }),
  fc.constantFrom(0, -1, 1, 2 ** 31, -(2 ** 53), Number.MAX_SAFE_INTEGER, 1e308, 0.5, -0.0001, 99999999)
)
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.oneof(hostileString, hostileNumber), { maxLength: 3 }),
  fc.date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }).map((d) => d.toISOString())
)

type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; items?: JsonSchema; enum?: unknown[] }

/** Objects shaped like a call's input (its property names) filled with hostile or plausible values. */
function shaped(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 3) return hostileValue
  if (schema.enum) return fc.oneof(fc.constantFrom(...schema.enum), hostileValue)
  if (schema.properties) {
    const entries = Object.entries(schema.properties).map(([k, v]) => [k, fc.oneof(shaped(v, depth + 1), hostileValue)] as const)
    return fc.record(Object.fromEntries(entries), { requiredKeys: [] })
  }
  if (schema.type === 'array' && schema.items) return fc.array(shaped(schema.items, depth + 1), { maxLength: 4 })
  if (schema.type === 'integer' || schema.type === 'number') return hostileNumber
  if (schema.type === 'string') return hostileString
  return hostileValue
}

let shop: TestShop
let actor: { id: number; name: string; roles: Role[] }
beforeAll(() => {
  shop = testShop()
  generateCustomers(shop.core.db, shop.clock.now(), { customers: 30, seed: 3 })
  actor = shop.core.db.transaction(() => insertStaff(shop.core.db, null, shop.clock.now(), 'fuzz', [...ROLES], '1234'))()
})
afterAll(() => shop.close())

describe('every call against random and hostile input', () => {
  for (const [name, def] of Object.entries(contract)) {
    if (SKIP.has(name)) continue
    it(`${name} answers with a typed error or a valid value`, async () => {
      const schema = z.toJSONSchema(def.input, { io: 'input', unrepresentable: 'any' }) as JsonSchema
      const input = fc.oneof({ weight: 1, arbitrary: fc.anything() }, { weight: 4, arbitrary: shaped(schema) })
      await fc.assert(
        fc.asyncProperty(input, async (value) => {
          const token = shop.core.sessions.open(actor).token
          const result = await dispatch(shop.core, name, value, token)
          if (!result.ok) {
            expect(result.error.code, `${name} crashed on ${JSON.stringify(value)?.slice(0, 300)}: ${result.error.message}`).not.toBe('internal')
            expect(typeof result.error.message).toBe('string')
          }
        }),
        { numRuns: RUNS }
      )
    }, 120_000)
  }

  it('leaves the data file sound after all of it', () => {
    expect(shop.core.db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(shop.core.db.pragma('foreign_key_check')).toEqual([])
  })
})
