import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { partsShop, type PartsShop } from '../integration/parts/fixture'

let s: PartsShop
let station: number
let run = 0
beforeAll(async () => {
  s = await partsShop()
  station = (await s.shop.call(s.clerk, 'parts.locations.save', { code: 'ST1', name: '宝安服务站' })).id
})
afterAll(() => s.shop.close())

type Op =
  | { kind: 'receipt'; part: number; loc: number; qty: number }
  | { kind: 'scrap'; part: number; loc: number; qty: number }
  | { kind: 'transfer'; part: number; from: number; qty: number }
  | { kind: 'warranty'; part: number; qty: number }
  | { kind: 'count'; part: number; counted: number }
  | { kind: 'reverse'; pick: number }

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('receipt' as const), part: fc.nat(2), loc: fc.nat(1), qty: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('scrap' as const), part: fc.nat(2), loc: fc.nat(1), qty: fc.integer({ min: 1, max: 15 }) }),
  fc.record({ kind: fc.constant('transfer' as const), part: fc.nat(2), from: fc.nat(1), qty: fc.integer({ min: 1, max: 15 }) }),
  fc.record({ kind: fc.constant('warranty' as const), part: fc.nat(2), qty: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('count' as const), part: fc.nat(2), counted: fc.integer({ min: 0, max: 30 }) }),
  fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat(50) })
)

/** Movements made by a document (not counts, not reversals). */
const movement = op.filter((o) => o.kind !== 'reverse' && o.kind !== 'count')

const db = () => s.shop.core.db
function balances(partIds: number[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const r of db()
    .prepare(`SELECT part_id AS p, location_id AS l, qty FROM part_balances WHERE part_id IN (${partIds.join(',')}) ORDER BY p, l`)
    .all() as Array<{ p: number; l: number; qty: number }>) {
    out[`${r.p}@${r.l}`] = r.qty
  }
  return out
}
function journal(partIds: number[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const r of db()
    .prepare(`SELECT part_id AS p, location_id AS l, sum(qty) AS qty FROM part_movements WHERE part_id IN (${partIds.join(',')}) GROUP BY p, l ORDER BY p, l`)
    .all() as Array<{ p: number; l: number; qty: number }>) {
    out[`${r.p}@${r.l}`] = r.qty
  }
  return out
}

async function newParts(): Promise<number[]> {
  run++
  return Promise.all([0, 1, 2].map((i) => s.part(`PR${run}-${i}`)))
}

/** Applies one operation through the app's calls; returns the posting it made, or null if refused. */
async function apply(o: Op, parts: number[], postings: number[]): Promise<number | null> {
  const locs = [1, station]
  try {
    switch (o.kind) {
      case 'receipt': {
        const r = await s.shop.call(s.clerk, 'parts.receipts.post', { locationId: locs[o.loc]!, lines: [{ partId: parts[o.part]!, qty: o.qty }] })
        return r.postingId
      }
      case 'scrap':
        return (await s.shop.call(s.clerk, 'parts.scrap', { locationId: locs[o.loc]!, lines: [{ partId: parts[o.part]!, qty: o.qty }], reason: '损坏' })).postingId
      case 'transfer':
        return (
          await s.shop.call(s.clerk, 'parts.transfer', { fromLocationId: locs[o.from]!, toLocationId: locs[1 - o.from]!, lines: [{ partId: parts[o.part]!, qty: o.qty }] })
        ).postingId
      case 'warranty':
        return (await s.shop.call(s.clerk, 'parts.warrantyWriteOff', { partId: parts[o.part]!, qty: o.qty, workOrderId: s.workOrderId, serviceReport: 'SR-1' })).postingId
      case 'count': {
        const c = await s.shop.call(s.clerk, 'parts.counts.start', { locationId: 1, binFrom: null, binTo: null, categoryId: null })
        const partNo = (db().prepare('SELECT part_no AS n FROM parts WHERE id = ?').get(parts[o.part]!) as { n: string }).n
        await s.shop.call(s.clerk, 'parts.counts.enter', { countId: c.id, partNo, qty: o.counted })
        const v = await s.shop.call(s.clerk, 'parts.counts.variances', { id: c.id })
        await s.shop.call(s.clerk, 'parts.counts.post', { id: c.id, version: c.version, reasons: v.lines.map((l) => ({ lineId: l.lineId, reason: '盘点差异' })) })
        const posted = db().prepare('SELECT posting_id AS p FROM part_counts WHERE id = ?').get(c.id) as { p: number | null }
        return posted.p
      }
      case 'reverse': {
        const target = postings[o.pick % Math.max(1, postings.length)]
        if (target === undefined) return null
        const isCount = db().prepare('SELECT id, version FROM part_counts WHERE posting_id = ?').get(target) as { id: number; version: number } | undefined
        if (isCount) {
          await s.shop.call(s.clerk, 'parts.counts.reverse', { id: isCount.id, version: isCount.version, reason: '冲销' })
          return null
        }
        return (await s.shop.call(s.clerk, 'parts.movements.reverse', { postingId: target, reason: '冲销' })).postingId
      }
    }
  } catch (err) {
    const code = (err as { body?: { code: string } }).body?.code
    // Refusals the ledger is meant to give; anything else fails the property.
    if (code && ['parts.insufficient_stock', 'parts.already_reversed', 'parts.reversal_of_reversal', 'parts.count_status'].includes(code)) return null
    throw err
  }
}

describe('the ledger under random movements', () => {
  it('keeps every balance equal to the journal sum and never below zero, and only count adjustments move stock without a document', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        const parts = await newParts()
        const postings: number[] = []
        for (const o of ops) {
          const before = balances(parts)
          const moves = (db().prepare('SELECT count(*) AS n FROM part_movements').get() as { n: number }).n
          const p = await apply(o, parts, postings)
          if (p !== null) postings.push(p)
          else if (o.kind !== 'reverse' && o.kind !== 'count') {
            // A refused movement wrote nothing at all.
            expect(balances(parts)).toEqual(before)
            expect((db().prepare('SELECT count(*) AS n FROM part_movements').get() as { n: number }).n).toBe(moves)
          }
          const b = balances(parts)
          expect(b).toEqual(Object.fromEntries(Object.entries(journal(parts)).map(([k, v]) => [k, v])))
          for (const q of Object.values(b)) expect(q).toBeGreaterThanOrEqual(0)
        }
        expect((await s.shop.call(s.clerk, 'parts.verify', {})).mismatches).toEqual([])
      }),
      { numRuns: 25 }
    )
  }, 120_000)

  it('restores every balance exactly when a posting is reversed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(movement, { minLength: 1, maxLength: 10 }), movement, async (setup, last) => {
        const parts = await newParts()
        const postings: number[] = []
        await apply({ kind: 'receipt', part: 0, loc: 0, qty: 10 }, parts, postings)
        for (const o of setup) {
          const p = await apply(o, parts, postings)
          if (p !== null) postings.push(p)
        }
        const before = balances(parts)
        const p = await apply(last, parts, postings)
        if (p === null) return
        await s.shop.call(s.clerk, 'parts.movements.reverse', { postingId: p, reason: '录错' })
        const after = balances(parts)
        for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) expect(after[k] ?? 0).toBe(before[k] ?? 0)
      }),
      { numRuns: 60 }
    )
  }, 120_000)
})
