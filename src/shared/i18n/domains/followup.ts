import { defineMessages } from '../define'

/** Messages under `followup.` in all three languages. */
export const followup = defineMessages({
  en: {},
  'zh-CN': {},
  'zh-TW': {}
})
