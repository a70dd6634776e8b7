import { defineMessages } from '../../define'
import { en } from './en'
import { zhCN } from './zh-CN'
import { zhTW } from './zh-TW'

/** Messages under `reports.` in all three languages. */
export const reports = defineMessages({ en, 'zh-CN': zhCN, 'zh-TW': zhTW })
