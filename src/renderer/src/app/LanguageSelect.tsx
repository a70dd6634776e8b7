import { SegmentedControl } from '@mantine/core'
import { LOCALES, type Locale } from '../../../shared/contract/common'
import { LANGUAGE_NAMES, translate } from '../../../shared/i18n'

// "Language" in every language, so the switch is named for whoever is looking at it.
const LABEL = LOCALES.map((l) => translate(l, 'common.language')).join(' / ')

export function LanguageSelect({ value, onChange }: { value: Locale; onChange(locale: Locale): void }) {
  return (
    <SegmentedControl
      size="xs"
      aria-label={LABEL}
      value={value}
      onChange={(v) => onChange(v as Locale)}
      data={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l].short }))}
    />
  )
}
