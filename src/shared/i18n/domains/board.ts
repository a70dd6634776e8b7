import { defineMessages } from '../define'

/** Messages under `board.` in all three languages. */
export const board = defineMessages({
  en: {},
  'zh-CN': {},
  'zh-TW': {}
})
