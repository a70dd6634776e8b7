import i18n from '../i18n'

const lang = (): string => i18n.language || 'zh-CN'

// Times show in the shop's time zone (Settings), whatever the PC's own zone is.
let timeZone: string | undefined
export function setDisplayTimeZone(zone: string): void {
  timeZone = zone
}

export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(lang(), { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso))
}

export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(lang(), {
    timeZone,
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23'
  }).format(new Date(iso))
}

/** Money arrives in integer cents. */
export function formatMoney(cents: number): string {
  return new Intl.NumberFormat(lang(), { style: 'currency', currency: 'CNY' }).format(cents / 100)
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(lang()).format(n)
}
