import { defineMessages } from '../../define'
import { en } from './en'
import { zhCN } from './zh-CN'
import { zhTW } from './zh-TW'

/** Messages under `followup.` in all three languages. */
export const followup = defineMessages({ en, 'zh-CN': zhCN, 'zh-TW': zhTW })
