import type { Locale } from '../contract/common'
import { en, type Messages } from './en'
import { zhCN } from './zh-CN'
import { zhTW } from './zh-TW'
import { board } from './domains/board'
import { followup } from './domains/followup'
import { lan } from './domains/lan'
import { parts } from './domains/parts'
import { reports } from './domains/reports'
import { staff } from './domains/staff'
import { workorders } from './domains/workorders'

export type { Messages }

/** Each part of the app keeps its messages in domains/<part>.ts, under the key <part>. */
const DOMAINS = { board, workorders, parts, followup, reports, staff, lan }

const CORE: Record<Locale, Messages> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en }

export const MESSAGES: Record<Locale, Record<string, unknown>> = Object.fromEntries(
  (Object.keys(CORE) as Locale[]).map((l) => [
    l,
    { ...CORE[l], ...Object.fromEntries(Object.entries(DOMAINS).map(([name, d]) => [name, d[l]])) }
  ])
) as unknown as Record<Locale, Record<string, unknown>>

/**
 * Each language's own name for itself, the same whatever language the screen is in, so a
 * person can always find theirs: short for the header switch, long for menus.
 */
export const LANGUAGE_NAMES: Record<Locale, { short: string; long: string }> = {
  'zh-CN': { short: '简体', long: '简体中文' },
  'zh-TW': { short: '繁體', long: '繁體中文' },
  en: { short: 'EN', long: 'English' }
}

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
