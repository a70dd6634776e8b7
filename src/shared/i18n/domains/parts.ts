import { defineMessages } from '../define'

/** Messages under `parts.` in all three languages. */
export const parts = defineMessages({
  en: {},
  'zh-CN': {},
  'zh-TW': {}
})
