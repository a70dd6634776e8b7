import { defineMessages } from '../define'

/** Messages under `reports.` in all three languages. */
export const reports = defineMessages({
  en: {},
  'zh-CN': {},
  'zh-TW': {}
})
