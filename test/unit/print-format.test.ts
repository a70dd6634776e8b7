import { describe, expect, it } from 'vitest'
import { formatDateTime, formatMoney } from '../../src/main/print/format'

describe('printed dates and money', () => {
  it('writes twenty-five past midnight as 00:25, not 24:25, in every language', () => {
    for (const locale of ['zh-CN', 'zh-TW', 'en'] as const) {
      const text = formatDateTime('2026-12-04T16:25:00Z', locale, 'Asia/Shanghai')
      expect(text, locale).toContain('00:25')
      expect(text, locale).not.toMatch(/[\u2009\u202f]/)
    }
  })
  it('prints cents as yuan', () => {
    expect(formatMoney(123456, 'zh-CN')).toBe('¥1,234.56')
  })
})
