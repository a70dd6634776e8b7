import { describe, expect, it } from 'vitest'
import { SAMPLES } from '../../scripts/samples/index'
import { SAMPLE_NOW, sampleShop } from '../../scripts/samples/shop'

/** `npm run samples` must keep working: every printed document renders from the demo shop. */
describe('the sample documents', () => {
  it('all render, in Traditional Chinese (the language with the most ways to go wrong)', async () => {
    const shop = sampleShop()
    try {
      const names = SAMPLES.map((s) => s.name)
      expect(new Set(names).size).toBe(names.length)
      for (const sample of SAMPLES) {
        shop.clock.set(SAMPLE_NOW)
        const pdf = await sample.render(shop, 'zh-TW')
        expect(pdf.subarray(0, 5).toString(), sample.name).toBe('%PDF-')
      }
    } finally {
      shop.core.db.close()
    }
  }, 120_000)
})
