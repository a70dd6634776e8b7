import { describe, expect, it } from 'vitest'
import { MESSAGES, localeFor, translate } from '../../src/shared/i18n'

function keys(node: unknown, prefix = ''): string[] {
  if (typeof node === 'string') return [prefix]
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
}

describe('locales', () => {
  it('have the same keys in Simplified Chinese, Traditional Chinese and English', () => {
    const en = keys(MESSAGES.en).sort()
    expect(en.length).toBeGreaterThan(100)
    expect(keys(MESSAGES['zh-CN']).sort()).toEqual(en)
    expect(keys(MESSAGES['zh-TW']).sort()).toEqual(en)
  })
  it('use the same {{params}} in every language', () => {
    for (const key of keys(MESSAGES.en)) {
      const params = (l: 'en' | 'zh-CN' | 'zh-TW') => (translate(l, key).match(/\{\{\w+\}\}/g) ?? []).sort()
      const raw = (l: 'en' | 'zh-CN' | 'zh-TW') => {
        let n: unknown = MESSAGES[l]
        for (const p of key.split('.')) n = (n as Record<string, unknown>)[p]
        return ((n as string).match(/\{\{\w+\}\}/g) ?? []).sort()
      }
      expect(raw('zh-CN'), key).toEqual(raw('en'))
      expect(raw('zh-TW'), key).toEqual(raw('en'))
      expect(params('en')).toEqual([])
    }
  })
  it('picks the language from the system locale', () => {
    expect(localeFor('zh-CN')).toBe('zh-CN')
    expect(localeFor('zh-Hans-SG')).toBe('zh-CN')
    expect(localeFor('zh-TW')).toBe('zh-TW')
    expect(localeFor('zh-HK')).toBe('zh-TW')
    expect(localeFor('zh-Hant')).toBe('zh-TW')
    expect(localeFor('en-GB')).toBe('en')
    expect(localeFor('de-DE')).toBe('en')
    expect(localeFor(undefined)).toBe('en')
  })
  it('keeps Simplified characters out of the Traditional file where the two differ', () => {
    const zhTW = keys(MESSAGES['zh-TW']).map((k) => translate('zh-TW', k)).join('')
    for (const simplified of '设删页们户档车辆储录态') expect(zhTW, simplified).not.toContain(simplified)
  })
})
