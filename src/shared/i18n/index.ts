import type { Locale } from '../contract/common'
import { en, type Messages } from './en'
import { zhCN } from './zh-CN'
import { zhTW } from './zh-TW'

export type { Messages }
export const MESSAGES: Record<Locale, Messages> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en }

/** The app's language for a system or browser locale: zh-TW/HK/MO and Hant → zh-TW, other zh → zh-CN. */
export function localeFor(systemLocale: string | null | undefined): Locale {
  const l = (systemLocale ?? '').toLowerCase()
  if (!l.startsWith('zh')) return 'en'
  return /hant|tw|hk|mo/.test(l) ? 'zh-TW' : 'zh-CN'
}

/** A message by dotted key with {{param}} filled in, for main (printing); the renderer uses i18next. */
export function translate(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  let node: unknown = MESSAGES[locale]
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part]
  const text = typeof node === 'string' ? node : key
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''))
}
