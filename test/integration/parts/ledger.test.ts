import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { partsShop, type PartsShop } from './fixture'

let s: PartsShop
beforeEach(async () => {
  s = await partsShop()
})
afterEach(() => s.shop.close())

const count = (table: string): number => (s.shop.core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n

describe('the movement journal', () => {
  it('books a receipt into the main store and the balance is what the journal sums to', async () => {
    const pad = await s.part('BP-001')
    await s.receive([{ partId: pad, qty: 12 }])
    await s.receive([{ partId: pad, qty: 3, unitCostCents: 9_500 }])
    expect(s.onHand(pad)).toBe(15)
    const v = await s.shop.call(s.clerk, 'parts.verify', {})
    expect(v.mismatches).toEqual([])
    expect(v.checked).toBe(1)
  })

  it('refuses a transfer that would take the shelf below zero, naming part, location and on-hand, and writes nothing', async () => {
    const pad = await s.part('BP-001')
    await s.receive([{ partId: pad, qty: 2 }])
    const station = await s.shop.call(s.clerk, 'parts.locations.save', { code: 'ST1', name: '宝安服务站' })
    const before = { m: count('part_movements'), p: count('part_postings'), a: count('audit_log') }
    const err = await s.shop.refusal(s.clerk, 'parts.transfer', { fromLocationId: 1, toLocationId: station.id, lines: [{ partId: pad, qty: 3 }] })
    expect(err.code).toBe('parts.insufficient_stock')
    expect(err.params).toMatchObject({ partNo: 'BP-001', location: '主仓库', onHand: 2, wanted: 3 })
    expect({ m: count('part_movements'), p: count('part_postings'), a: count('audit_log') }).toEqual(before)
  })

  it('keeps a ledger per location: a transfer moves stock from the main store to a station', async () => {
    const pad = await s.part('BP-001')
    await s.receive([{ partId: pad, qty: 10 }])
    const station = await s.shop.call(s.clerk, 'parts.locations.save', { code: 'ST1', name: '宝安服务站' })
    await s.shop.call(s.clerk, 'parts.transfer', { fromLocationId: 1, toLocationId: station.id, lines: [{ partId: pad, qty: 4 }] })
    expect(s.onHand(pad, 1)).toBe(6)
    expect(s.onHand(pad, station.id)).toBe(4)
    const got = await s.shop.call(s.clerk, 'parts.get', { id: pad })
    expect(got.onHand).toBe(10)
    expect(got.balances.map((b) => b.qty)).toEqual([6, 4])
  })

  it('refuses to edit or delete a movement: the journal is append-only in the file itself', async () => {
    const pad = await s.part('BP-001')
    await s.receive([{ partId: pad, qty: 5 }])
    const db = s.shop.core.db
    expect(() => db.prepare('UPDATE part_movements SET qty = 50').run()).toThrow(/append-only/)
    expect(() => db.prepare('DELETE FROM part_movements').run()).toThrow(/append-only/)
    expect(() => db.prepare('DELETE FROM part_postings').run()).toThrow(/append-only/)
  })

  it('corrects a receipt only by a reversing posting whose movements point at the originals', async () => {
    const pad = await s.part('BP-001')
    const rid = await s.receive([{ partId: pad, qty: 7 }])
    const receipt = await s.shop.call(s.clerk, 'parts.receipts.get', { id: rid })
    const { postingId } = await s.shop.call(s.clerk, 'parts.movements.reverse', { postingId: receipt.postingId, reason: '送错货' })
    expect(s.onHand(pad)).toBe(0)
    const rows = s.shop.core.db.prepare('SELECT qty, reverses_id FROM part_movements WHERE posting_id = ?').all(postingId) as Array<{ qty: number; reverses_id: number }>
    const original = s.shop.core.db.prepare('SELECT id FROM part_movements WHERE posting_id = ?').get(receipt.postingId) as { id: number }
    expect(rows).toEqual([{ qty: -7, reverses_id: original.id }])
    expect((await s.shop.call(s.clerk, 'parts.receipts.get', { id: rid })).reversed).toBe(true)
    const again = await s.shop.refusal(s.clerk, 'parts.movements.reverse', { postingId: receipt.postingId, reason: '再来一次' })
    expect(again.code).toBe('parts.already_reversed')
  })

  it('refuses to reverse a receipt whose parts have already gone out (no silent negative)', async () => {
    const pad = await s.part('BP-001')
    const rid = await s.receive([{ partId: pad, qty: 5 }])
    await s.shop.call(s.clerk, 'parts.scrap', { locationId: 1, lines: [{ partId: pad, qty: 3 }], reason: '生锈' })
    const receipt = await s.shop.call(s.clerk, 'parts.receipts.get', { id: rid })
    const err = await s.shop.refusal(s.clerk, 'parts.movements.reverse', { postingId: receipt.postingId, reason: '送错货' })
    expect(err.code).toBe('parts.insufficient_stock')
    expect(err.params).toMatchObject({ onHand: 2, wanted: 5 })
  })

  it('numbers receipts per shop-local day', async () => {
    const pad = await s.part('BP-001')
    const a = await s.shop.call(s.clerk, 'parts.receipts.get', { id: await s.receive([{ partId: pad, qty: 1 }]) })
    const b = await s.shop.call(s.clerk, 'parts.receipts.get', { id: await s.receive([{ partId: pad, qty: 1 }]) })
    expect([a.number, b.number]).toEqual(['RK20261204-001', 'RK20261204-002'])
  })

  it('lets only the warehouse clerk post a receipt (checked in main)', async () => {
    const pad = await s.part('BP-001')
    const err = await s.shop.refusal(s.advisor, 'parts.receipts.post', { lines: [{ partId: pad, qty: 1 }] })
    expect(err.code).toBe('forbidden')
  })

  it('writes a warranty write-off against the work order and records the old part due back', async () => {
    const motor = await s.part('MT-100', { categoryId: s.categoryId('motor'), costCents: 250_000 })
    await s.receive([{ partId: motor, qty: 2 }])
    const r = await s.shop.call(s.clerk, 'parts.warrantyWriteOff', { partId: motor, qty: 1, workOrderId: s.workOrderId, serviceReport: 'SR-0042' })
    expect(s.onHand(motor)).toBe(1)
    const list = await s.shop.call(s.clerk, 'parts.oldParts.list', { month: '2026-12' })
    expect(list).toMatchObject([{ id: r.oldPartId, status: 'due', serviceReport: 'SR-0042', workOrderNumber: 'WO20261204-001', dueAt: '2026-12-18' }])
    s.shop.clock.advance(15 * 86_400_000)
    const clerk = s.shop.session(['warehouse_clerk'])
    const rec = await s.shop.call(clerk, 'parts.reconcile', {})
    expect(rec.oldPartsDue.map((o) => o.id)).toEqual([r.oldPartId])
    const fails = await s.shop.call(clerk, 'parts.reports.failures', { fromMonth: '2026-11', toMonth: '2026-12' })
    expect(fails.rows.find((x) => x.categoryCode === 'motor')).toMatchObject({ counts: [0, 1], total: 1 })
  })

  it('refuses to retire a part that still has stock on a shelf', async () => {
    const pad = await s.part('BP-001')
    await s.receive([{ partId: pad, qty: 1 }])
    const p = await s.shop.call(s.clerk, 'parts.get', { id: pad })
    const err = await s.shop.refusal(s.clerk, 'parts.update', { ...p, supplierId: null, active: false })
    expect(err.code).toBe('parts.part_has_stock')
    expect(err.params).toMatchObject({ partNo: 'BP-001', onHand: 1 })
  })
})
