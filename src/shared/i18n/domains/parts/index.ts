import { defineMessages } from '../../define'
import { en } from './en'
import { zhCN } from './zh-CN'
import { zhTW } from './zh-TW'

/** Messages under `parts.` in all three languages. */
export const parts = defineMessages({ en, 'zh-CN': zhCN, 'zh-TW': zhTW })
