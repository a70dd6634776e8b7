import { defineMessages } from '../define'

/** Messages under `workorders.` in all three languages. */
export const workorders = defineMessages({
  en: {},
  'zh-CN': {},
  'zh-TW': {}
})
