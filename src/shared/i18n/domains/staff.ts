import { defineMessages } from '../define'

/** Messages under `staff.` in all three languages. */
export const staff = defineMessages({
  en: {},
  'zh-CN': {},
  'zh-TW': {}
})
