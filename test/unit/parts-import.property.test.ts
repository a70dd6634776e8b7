import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { partsShop, type PartsShop } from '../integration/parts/fixture'

let s: PartsShop
beforeAll(async () => {
  s = await partsShop()
  await s.shop.call(s.clerk, 'parts.import.commit', {
    fileName: 'seed.csv',
    format: 'csv',
    data: Buffer.from('partNo,name,unit,category,qty\nSEED-1,种子,个,制动,5\n').toString('base64'),
    qtyMode: 'set',
    reason: '期初库存'
  })
})
afterAll(() => s.shop.close())

const totals = () =>
  s.shop.core.db
    .prepare(
      `SELECT (SELECT count(*) FROM parts) AS parts, (SELECT count(*) FROM part_movements) AS moves,
              (SELECT count(*) FROM suppliers) AS suppliers, (SELECT count(*) FROM audit_log) AS audit,
              (SELECT group_concat(qty) FROM part_balances) AS stock`
    )
    .get()

const goodRow = fc.record({
  no: fc.stringMatching(/^[A-Z]{2}-[0-9]{3,5}$/),
  name: fc.constantFrom('刹车片', '机油滤芯', '火花塞', 'Wiper blade'),
  unit: fc.constantFrom('个', '套', 'L'),
  category: fc.constantFrom('制动', 'brakes', '电机', 'Filters', '其他'),
  supplier: fc.constantFrom('', '博世', '新供应商'),
  cost: fc.integer({ min: 0, max: 100_000 }).map((c) => (c / 100).toFixed(2)),
  qty: fc.integer({ min: 0, max: 500 }).map(String)
})
const defect = fc.constantFrom<Record<string, string>>(
  { no: 'BAD NO' },
  { unit: '' },
  { category: '不存在' },
  { cost: '十块' },
  { qty: '-3' },
  { qty: '1.5' },
  { name: '' }
)

describe('importing with one bad row', () => {
  it('writes nothing at all: no part, no movement, no supplier, no audit row', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(goodRow, { minLength: 1, maxLength: 30, selector: (r) => r.no }),
        defect,
        fc.nat(),
        fc.constantFrom('set' as const, 'add' as const),
        async (rows, bad, at, qtyMode) => {
          const spoiled = [...rows]
          spoiled.splice(at % (rows.length + 1), 0, { ...(rows[0] as (typeof rows)[number]), no: `ZZ-${at}`, ...bad })
          const lines = spoiled.map((r) => [r.no, r.name, r.unit, r.category, r.supplier, r.cost, r.qty].join(','))
          const data = Buffer.from(['partNo,name,unit,category,supplier,cost,qty', ...lines].join('\n')).toString('base64')
          const before = totals()
          const result = await s.shop.refusal(s.clerk, 'parts.import.commit', { fileName: 'p.csv', format: 'csv', data, qtyMode })
          expect(result.code).toBe('parts.import_has_errors')
          expect(result.params).toMatchObject({ errors: 1 })
          expect(totals()).toEqual(before)
        }
      ),
      { numRuns: 40 }
    )
  }, 120_000)
})
