import { SegmentedControl } from '@mantine/core'
import { LOCALES, type Locale } from '../../../shared/contract/common'

const LABELS: Record<Locale, string> = { 'zh-CN': '简体', 'zh-TW': '繁體', en: 'EN' }

export function LanguageSelect({ value, onChange }: { value: Locale; onChange(locale: Locale): void }) {
  return (
    <SegmentedControl
      size="xs"
      aria-label="Language / 语言 / 語言"
      value={value}
      onChange={(v) => onChange(v as Locale)}
      data={LOCALES.map((l) => ({ value: l, label: LABELS[l] }))}
    />
  )
}
