import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { pdfText } from '../../helpers/pdf'
import { partsShop, type PartsShop } from './fixture'

let s: PartsShop
beforeEach(async () => {
  s = await partsShop()
})
afterEach(() => s.shop.close())

async function text(token: string, ref: { documentId: string }): Promise<string[]> {
  return (await pdfText(s.shop.core.documents.take(ref.documentId, token)!.pdf)).map((p) => p.replace(/\s+/g, ''))
}

describe('supplier re-claims (二次索賠)', () => {
  it('walks a claim from draft to credited with the amount recovered, and lists open claims by supplier and age', async () => {
    const sup = await s.shop.call(s.clerk, 'parts.suppliers.save', { name: '精进电动' })
    const motor = await s.part('MT-01', { categoryId: s.categoryId('motor'), supplierId: sup.id, costCents: 250_000 })
    await s.receive([{ partId: motor, qty: 1 }])
    const w = await s.shop.call(s.clerk, 'parts.warrantyWriteOff', { partId: motor, qty: 1, workOrderId: s.workOrderId, serviceReport: 'SR-7', oldPartReturned: true })
    let c = await s.shop.call(s.clerk, 'parts.claims.create', { supplierId: sup.id, oldPartId: w.oldPartId, fault: '电机异响', claimedCents: 250_000 })
    expect(c).toMatchObject({ status: 'draft', partNo: 'MT-01', workOrderNumber: 'WO20261204-001' })
    expect((await s.shop.call(s.clerk, 'parts.oldParts.list', { month: '2026-12' }))[0]!.status).toBe('claimed')
    expect((await s.shop.refusal(s.clerk, 'parts.claims.advance', { id: c.id, version: c.version, to: 'credited', recoveredCents: 1 })).code).toBe('parts.claim_step')
    c = await s.shop.call(s.clerk, 'parts.claims.advance', { id: c.id, version: c.version, to: 'sent' })
    s.shop.clock.advance(10 * 86_400_000)
    const clerk = s.shop.session(['warehouse_clerk'])
    const open = await s.shop.call(clerk, 'parts.claims.list', {})
    expect(open.bySupplier).toEqual([{ supplierId: sup.id, supplierName: '精进电动', open: 1, claimedCents: 250_000, oldestDays: 10 }])
    c = await s.shop.call(clerk, 'parts.claims.advance', { id: c.id, version: c.version, to: 'accepted' })
    expect((await s.shop.refusal(clerk, 'parts.claims.advance', { id: c.id, version: c.version, to: 'credited' })).code).toBe('parts.recovered_required')
    c = await s.shop.call(clerk, 'parts.claims.advance', { id: c.id, version: c.version, to: 'credited', recoveredCents: 200_000 })
    expect(c).toMatchObject({ status: 'credited', recoveredCents: 200_000 })
    expect((await s.shop.call(clerk, 'parts.claims.list', {})).items).toEqual([])
  })
})

describe('printed sheets', () => {
  it('prints the receipt note in duplicate on one A4: copy 1 and copy 2', async () => {
    const pad = await s.part('BP-01', { name: '前刹车片' })
    const rid = await s.receive([{ partId: pad, qty: 4 }])
    const pages = await text(s.clerk, await s.shop.call(s.clerk, 'parts.print.receipt', { id: rid, locale: 'zh-CN' }))
    expect(pages).toHaveLength(1)
    expect(pages[0]).toContain('第一联')
    expect(pages[0]).toContain('第二联')
    expect(pages[0]!.match(/前刹车片/g)).toHaveLength(2)
  })

  it('prints a long receipt as two copies on their own pages, each marked', async () => {
    const ids = []
    for (let i = 0; i < 12; i++) ids.push(await s.part(`BP-${i}`))
    const rid = await s.receive(ids.map((partId) => ({ partId, qty: 1 })))
    const pages = await text(s.clerk, await s.shop.call(s.clerk, 'parts.print.receipt', { id: rid, locale: 'en' }))
    expect(pages).toHaveLength(2)
    expect(pages[0]).toContain('Copy1')
    expect(pages[1]).toContain('Copy2')
  })

  it('prints the requisition, the ledger card and bin labels in Traditional Chinese', async () => {
    const pad = await s.part('BP-01', { bin: 'A-01' })
    await s.receive([{ partId: pad, qty: 4 }])
    const r = await s.shop.call(s.advisor, 'parts.requisitions.create', { workOrderId: s.workOrderId, lines: [{ partId: pad, qty: 1 }] })
    expect((await text(s.clerk, await s.shop.call(s.clerk, 'parts.print.requisition', { id: r.id, locale: 'zh-TW' })))[0]).toContain('領料單')
    const card = (await text(s.clerk, await s.shop.call(s.clerk, 'parts.print.ledgerCard', { partId: pad, locale: 'zh-TW' })))[0]!
    expect(card).toContain('配件台帳卡')
    expect(card).toContain('入庫')
    const labels = (await text(s.clerk, await s.shop.call(s.clerk, 'parts.print.binLabels', { binFrom: 'A', binTo: 'A', locale: 'zh-TW' })))[0]!
    expect(labels).toContain('BP-01')
    expect(labels).toContain('庫位')
  })
})
