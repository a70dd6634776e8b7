import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { partsShop, type PartsShop } from './fixture'

let s: PartsShop
beforeEach(async () => {
  s = await partsShop()
})
afterEach(() => s.shop.close())

describe('stock count (盤點)', () => {
  it('counts blind: the count never hands out the expected quantity before entry', async () => {
    const pad = await s.part('BP-01', { bin: 'A-01' })
    await s.receive([{ partId: pad, qty: 5 }])
    const c = await s.shop.call(s.clerk, 'parts.counts.start', { locationId: 1 })
    expect(c).toMatchObject({ lines: 1, counted: 0, status: 'open' })
    expect(JSON.stringify(c)).not.toMatch(/expected/)
    const entered = await s.shop.call(s.clerk, 'parts.counts.enter', { countId: c.id, partNo: 'bp-01', qty: 4 })
    expect(entered).toMatchObject({ partNo: 'BP-01', counted: 4, countedLines: 1, lines: 1 })
    expect(JSON.stringify(entered)).not.toMatch(/expected|"5"/)
  })

  it('shows each variance in quantity and value and posts it with the reason in one posting', async () => {
    const pad = await s.part('BP-01', { bin: 'A-01', costCents: 2_500 })
    const oil = await s.part('OIL-01', { bin: 'B-01', categoryId: s.categoryId('fluids') })
    await s.receive([{ partId: pad, qty: 5 }, { partId: oil, qty: 8 }])
    const c = await s.shop.call(s.clerk, 'parts.counts.start', { locationId: 1 })
    await s.shop.call(s.clerk, 'parts.counts.enter', { countId: c.id, partNo: 'BP-01', qty: 3 })
    await s.shop.call(s.clerk, 'parts.counts.enter', { countId: c.id, partNo: 'OIL-01', qty: 8 })
    const v = await s.shop.call(s.clerk, 'parts.counts.variances', { id: c.id })
    const padLine = v.lines.find((l) => l.partNo === 'BP-01')!
    expect(padLine).toMatchObject({ expected: 5, counted: 3, diff: -2, valueCents: -5_000 })
    expect(v.totalDiffCents).toBe(-5_000)
    const noReason = await s.shop.refusal(s.clerk, 'parts.counts.post', { id: c.id, version: c.version, reasons: [] })
    expect(noReason.code).toBe('parts.reason_required')
    expect(noReason.params).toMatchObject({ partNo: 'BP-01', diff: -2 })
    expect(s.onHand(pad)).toBe(5)
    const posted = await s.shop.call(s.clerk, 'parts.counts.post', { id: c.id, version: c.version, reasons: [{ lineId: padLine.lineId, reason: '破损未登记' }] })
    expect(posted.status).toBe('posted')
    expect(s.onHand(pad)).toBe(3)
    expect(s.onHand(oil)).toBe(8)
    const adj = s.shop.core.db.prepare("SELECT qty FROM part_movements WHERE kind = 'count'").all()
    expect(adj).toEqual([{ qty: -2 }])
  })

  it('compares each part with its balance when it was counted: a receipt after counting stays on the books', async () => {
    const pad = await s.part('BP-01')
    await s.receive([{ partId: pad, qty: 5 }])
    const c = await s.shop.call(s.clerk, 'parts.counts.start', { locationId: 1 })
    await s.shop.call(s.clerk, 'parts.counts.enter', { countId: c.id, partNo: 'BP-01', qty: 4 })
    await s.receive([{ partId: pad, qty: 10 }])
    const v = await s.shop.call(s.clerk, 'parts.counts.variances', { id: c.id })
    await s.shop.call(s.clerk, 'parts.counts.post', { id: c.id, version: c.version, reasons: [{ lineId: v.lines[0]!.lineId, reason: '少一件' }] })
    expect(s.onHand(pad)).toBe(14)
  })

  it('adds a second bin of the same part when entered in add mode (scanner counting)', async () => {
    const pad = await s.part('BP-01')
    await s.receive([{ partId: pad, qty: 5 }])
    const c = await s.shop.call(s.clerk, 'parts.counts.start', { locationId: 1 })
    await s.shop.call(s.clerk, 'parts.counts.enter', { countId: c.id, partNo: 'BP-01', qty: 1, mode: 'add' })
    const r = await s.shop.call(s.clerk, 'parts.counts.enter', { countId: c.id, partNo: 'BP-01', qty: 1, mode: 'add' })
    expect(r.counted).toBe(2)
  })

  it('limits a count to a category or a range of bins, and refuses a second open count at the location', async () => {
    await s.part('BP-01', { bin: 'A-01' })
    await s.part('BP-02', { bin: 'A-09' })
    await s.part('BP-03', { bin: 'C-01' })
    await s.part('MT-01', { bin: 'A-05', categoryId: s.categoryId('motor') })
    const c = await s.shop.call(s.clerk, 'parts.counts.start', { locationId: 1, categoryId: s.categoryId('brakes'), binFrom: 'A', binTo: 'B' })
    expect(c.lines).toBe(2)
    expect((await s.shop.refusal(s.clerk, 'parts.counts.start', { locationId: 1 })).code).toBe('parts.count_open')
  })

  it('reverses a posted count as a whole', async () => {
    const pad = await s.part('BP-01')
    const oil = await s.part('OIL-01')
    await s.receive([{ partId: pad, qty: 5 }, { partId: oil, qty: 5 }])
    const c = await s.shop.call(s.clerk, 'parts.counts.start', { locationId: 1 })
    await s.shop.call(s.clerk, 'parts.counts.enter', { countId: c.id, partNo: 'BP-01', qty: 7 })
    await s.shop.call(s.clerk, 'parts.counts.enter', { countId: c.id, partNo: 'OIL-01', qty: 1 })
    const v = await s.shop.call(s.clerk, 'parts.counts.variances', { id: c.id })
    const posted = await s.shop.call(s.clerk, 'parts.counts.post', { id: c.id, version: c.version, reasons: v.lines.map((l) => ({ lineId: l.lineId, reason: '盘点' })) })
    expect([s.onHand(pad), s.onHand(oil)]).toEqual([7, 1])
    const direct = s.shop.core.db.prepare('SELECT posting_id AS p FROM part_counts WHERE id = ?').get(c.id) as { p: number }
    expect((await s.shop.refusal(s.clerk, 'parts.movements.reverse', { postingId: direct.p, reason: 'x' })).code).toBe('parts.reverse_count_whole')
    const reversed = await s.shop.call(s.clerk, 'parts.counts.reverse', { id: c.id, version: posted.version, reason: '数错了' })
    expect(reversed.status).toBe('reversed')
    expect([s.onHand(pad), s.onHand(oil)]).toEqual([5, 5])
  })

  it('prints the count sheet with bins and parts but no quantities', async () => {
    const pad = await s.part('BP-01', { bin: 'A-01', name: '前刹车片' })
    await s.receive([{ partId: pad, qty: 37 }])
    const c = await s.shop.call(s.clerk, 'parts.counts.start', { locationId: 1 })
    const ref = await s.shop.call(s.clerk, 'parts.print.countSheet', { id: c.id, locale: 'zh-CN' })
    const { pdfText } = await import('../../helpers/pdf')
    const [text] = await pdfText(s.shop.core.documents.take(ref.documentId, s.clerk)!.pdf)
    expect(text).toContain('前刹车片')
    expect(text).toContain('A-01')
    expect(text).toContain('盘点表')
    expect(text).not.toContain('37')
  })
})
