import { createTheme } from '@mantine/core'
import type { Locale } from '../../shared/contract/common'

/** Fonts ship with the app (Noto Sans SC / TC) so every PC shows the same glyphs, boxes nowhere. */
export function themeFor(locale: Locale) {
  const cjk = locale === 'zh-TW' ? "'Noto Sans TC', 'Noto Sans SC'" : "'Noto Sans SC', 'Noto Sans TC'"
  const family = `${cjk}, system-ui, sans-serif`
  return createTheme({
    primaryColor: 'teal',
    fontFamily: family,
    headings: { fontFamily: family, fontWeight: '700' },
    defaultRadius: 'sm',
    // Readable from two metres at the counter.
    fontSizes: { xs: '13px', sm: '15px', md: '17px', lg: '19px', xl: '22px' }
  })
}
