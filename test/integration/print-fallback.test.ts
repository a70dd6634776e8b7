import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testShop, type TestShop } from '../helpers/core'
import { pdfText } from '../helpers/pdf'

let shop: TestShop
let token: string
beforeAll(() => {
  shop = testShop()
  token = shop.session(['advisor'])
})
afterAll(() => shop.close())

describe('a Traditional Chinese sheet', () => {
  it('prints a Simplified name and address readably (falls back to the SC font, no empty boxes)', async () => {
    const c = await shop.call(token, 'customers.create', { name: '张伟们', phone: '13812345678', address: '深圳市鹏城路', vehicle: { plate: '粤B·12345' } })
    const ref = await shop.call(token, 'print.customerCard', { customerId: c.id, locale: 'zh-TW' })
    const [text] = await pdfText(shop.core.documents.take(ref.documentId, token)!.pdf)
    const flat = (text ?? '').replace(/\\s+/g, '')
    expect(flat).toContain('张伟们')
    expect(flat).toContain('深圳市鹏城路')
    expect(flat).toContain('粤B·12345')
    expect(flat).toContain('客戶車輛檔案卡')
    // The Simplified name is drawn with another font than the Traditional title (TC has no 张 or 们).
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs')
    const doc = await getDocument({ data: new Uint8Array(shop.core.documents.take((await shop.call(token, 'print.customerCard', { customerId: c.id, locale: 'zh-TW' })).documentId, token)!.pdf) }).promise
    const items = (await (await doc.getPage(1)).getTextContent()).items as Array<{ str: string; fontName: string }>
    const fontOf = (s: string) => items.find((i) => i.str.includes(s))?.fontName
    expect(fontOf('张伟们')).toBeDefined()
    expect(fontOf('张伟们')).not.toBe(fontOf('客戶車輛檔案卡'))
    await doc.destroy()
  })
})
