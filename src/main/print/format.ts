import type { Locale } from '../../shared/contract/common'

// Intl puts narrow and thin spaces (U+202F, U+2009) in some languages' dates; the fonts lack them.
const plainSpaces = (s: string): string => s.replace(/[\u2009\u202f]/g, ' ')

/** Dates and money as each language writes them, in the shop's time zone. */
export function formatDateTime(d: Date | string, locale: Locale, timeZone: string): string {
  return plainSpaces(new Intl.DateTimeFormat(locale, {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23'
  }).format(typeof d === 'string' ? new Date(d) : d))
}

export function formatDate(d: Date | string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    typeof d === 'string' ? new Date(d) : d
  )
}

/** Money is kept in integer cents (分); only printing turns it into yuan. */
export function formatMoney(cents: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY' }).format(cents / 100)
}
