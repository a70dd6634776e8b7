import { defineMessages } from '../define'

/** Messages under `lan.` in all three languages. */
export const lan = defineMessages({
  en: {},
  'zh-CN': {},
  'zh-TW': {}
})
