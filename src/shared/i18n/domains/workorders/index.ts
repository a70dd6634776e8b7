import { defineMessages } from '../../define'
import { en } from './en'
import { zhCN } from './zh-CN'
import { zhTW } from './zh-TW'

/** Messages under `workorders.` in all three languages. */
export const workorders = defineMessages({ en, 'zh-CN': zhCN, 'zh-TW': zhTW })
