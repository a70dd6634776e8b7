import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testShop, type TestShop } from '../helpers/core'
import { pdfText } from '../helpers/pdf'

let shop: TestShop
let token: string
let customerId: number
beforeAll(async () => {
  shop = testShop()
  token = shop.session(['advisor', 'admin'], '陈静')
  await shop.call(token, 'settings.updateShop', { name: '鹏城汽车服务中心', address: '深圳市南山区', phone: '0755-88886666', logo: null })
  const c = await shop.call(token, 'customers.create', {
    name: '黄晓明',
    phone: '13712345678',
    vehicle: { plate: '粤B·D12345', make: '比亚迪', model: '秦PLUS', mileageKm: 12000 }
  })
  customerId = c.id
})
afterAll(() => shop.close())

async function render(locale: 'zh-CN' | 'zh-TW' | 'en'): Promise<{ text: string; bytes: number; pages: number; head: string }> {
  const ref = await shop.call(token, 'print.customerCard', { customerId, locale })
  const doc = shop.core.documents.take(ref.documentId, token)
  if (!doc) throw new Error('document missing')
  const [text] = await pdfText(doc.pdf)
  return { text: (text ?? '').replace(/\s+/g, ''), bytes: ref.bytes, pages: ref.pages, head: doc.pdf.subarray(0, 5).toString() }
}

describe('the customer card', () => {
  it('prints readable Chinese: the name, plate and letterhead come back out of the PDF', async () => {
    const { text, head, pages } = await render('zh-CN')
    expect(head).toBe('%PDF-')
    expect(pages).toBe(1)
    expect(text).toContain('黄晓明')
    expect(text).toContain('粤B·D12345')
    expect(text).toContain('鹏城汽车服务中心')
    expect(text).toContain('客户车辆档案卡')
  })
  it('prints the Traditional Chinese and English sheets in their own words', async () => {
    expect((await render('zh-TW')).text).toContain('客戶車輛檔案卡')
    expect((await render('en')).text).toContain('Customer&vehiclecard')
  })
  it('subsets the CJK font: a one-page sheet stays small', async () => {
    expect((await render('zh-CN')).bytes).toBeLessThan(80_000)
  })
  it('hands a rendered document only to the session that asked for it', async () => {
    const ref = await shop.call(token, 'print.customerCard', { customerId })
    const other = shop.session(['advisor'])
    expect(shop.core.documents.take(ref.documentId, other)).toBeNull()
    expect(shop.core.documents.take(ref.documentId, token)).not.toBeNull()
  })
  it('is not available in browser mode as a desktop print dialog, and says so', async () => {
    const ref = await shop.call(token, 'print.customerCard', { customerId })
    expect((await shop.refusal(token, 'documents.show', { documentId: ref.documentId, action: 'print' })).code).toBe('desktop_only')
  })
})
