import { defineMessages } from '../../define'
import { en } from './en'
import { zhCN } from './zh-CN'
import { zhTW } from './zh-TW'

/** Messages under `board.` in all three languages. */
export const board = defineMessages({ en, 'zh-CN': zhCN, 'zh-TW': zhTW })
