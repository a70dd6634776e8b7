import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testShop, type TestShop } from '../../helpers/core'
import { pdfText } from '../../helpers/pdf'
import { deliveredOrder, longOrder } from '../../../scripts/samples/workorders-scenario'

let shop: TestShop
let token: string
let delivered: number
let long: number
beforeAll(async () => {
  shop = testShop()
  token = shop.session(['advisor', 'admin'], '陈静')
  await shop.call(token, 'settings.updateShop', { name: '鹏城汽车服务中心', address: '深圳市南山区', phone: '0755-88886666', logo: null })
  const c = await shop.call(token, 'customers.create', { name: '黄晓明', phone: '13712345678', vehicle: { plate: '粤B·D12345', model: '秦PLUS', mileageKm: 12_000 } })
  const c2 = await shop.call(token, 'customers.create', { name: '李娜', phone: '13812345678', vehicle: { plate: '粤B·88888', model: '凯美瑞', mileageKm: 50_000 } })
  const call = (name: string, input: unknown) => shop.call(token, name as never, input as never)
  delivered = await deliveredOrder(call, c.vehicles[0]?.id as number, 13_250, (ms) => shop.clock.advance(ms))
  long = await longOrder(call, c2.vehicles[0]?.id as number, 50_300)
})
afterAll(() => shop.close())

async function text(workOrderId: number, sheet: string, locale: 'zh-CN' | 'zh-TW' | 'en', paper: 'A4' | 'A5' = 'A4') {
  const ref = await shop.call(token, 'workorders.print', { workOrderId, sheet: sheet as 'workorder', locale, paper })
  const doc = shop.core.documents.take(ref.documentId, token)
  if (!doc) throw new Error('document missing')
  const pages = await pdfText(doc.pdf)
  return { pages: pages.map((p) => p.replace(/\s+/g, '')), count: ref.pages, all: pages.join('').replace(/\s+/g, '') }
}

describe('the printed work-order sheets', () => {
  it('the work order shows the plate, the Chinese item names, the totals and the letterhead', async () => {
    const o = await shop.call(token, 'workorders.get', { id: delivered })
    const { all } = await text(delivered, 'workorder', 'zh-CN')
    expect(all).toContain('维修委托书')
    expect(all).toContain('粤B·D12345')
    expect(all).toContain('前制动片（原厂）')
    expect(all).toContain('更换机油机滤')
    expect(all).toContain('鹏城汽车服务中心')
    const yuan = (c: number) => `¥${(c / 100).toLocaleString('en', { minimumFractionDigits: 2 })}`
    expect(all).toContain(yuan(o.totalCents))
    expect(all).toContain(yuan(o.taxCents))
    expect(all).toContain(yuan(o.subtotalCents))
  })
  it('prints the Traditional Chinese and English sheets in their own words', async () => {
    expect((await text(delivered, 'workorder', 'zh-TW')).all).toContain('維修委託書')
    expect((await text(delivered, 'inspection', 'zh-TW')).all).toContain('車輛檢查單')
    expect((await text(delivered, 'warranty', 'en')).all).toContain('Warrantyslip')
  })
  it('the inspection sheet says ok / soon / urgent in symbols and words, not only in colour', async () => {
    const { all } = await text(delivered, 'inspection', 'zh-CN')
    expect(all).toContain('×紧急')
    expect(all).toContain('△近期注意')
    expect(all).toContain('○正常')
  })
  it('the inspection sheet carries the photo taken of the urgent item', async () => {
    const ref = await shop.call(token, 'workorders.print', { workOrderId: delivered, sheet: 'inspection', locale: 'zh-CN' })
    const doc = shop.core.documents.take(ref.documentId, token)
    expect(doc?.pdf.toString('latin1').match(/\/Subtype \/Image/g)?.length).toBeGreaterThanOrEqual(1)
  })
  it('the check-in sheet fits one A4 page with the damage list and both signatures', async () => {
    const { all, count } = await text(delivered, 'checkin', 'zh-CN')
    expect(count).toBe(1)
    expect(all).toContain('左前门下沿划痕约10cm')
    expect(all).toContain('客户签名')
  })
  it('a 40-line order breaks across pages with the table header repeated and page numbers', async () => {
    const { pages, count } = await text(long, 'workorder', 'zh-CN')
    expect(count).toBeGreaterThan(1)
    // Page 2 continues the lines: it starts with the table's header again.
    expect(pages[1]?.startsWith('#项目配件编号数量/工时')).toBe(true)
    expect(pages[pages.length - 1]).toContain(`第${count}页，共${count}页`)
  })
  it('the warranty slip lists each repaired item with its period, on A5 too', async () => {
    const { all } = await text(delivered, 'warranty', 'zh-CN', 'A5')
    expect(all).toContain('保修单')
    expect(all).toContain('前制动片（原厂）')
    expect(all).toContain('2027/06/04')
  })
  it('the service report shows what became of the old parts and the customer’s signature date', async () => {
    const { all } = await text(delivered, 'report', 'zh-CN')
    expect(all).toContain('旧件交还客户')
    expect(all).toContain('签于')
  })
})
