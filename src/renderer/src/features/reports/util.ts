import type { TFunction } from 'i18next'
import type { Figure, PeriodKind } from '../../../../shared/contract/reports'

/** Today's date on this PC, `2026-12-04`. */
export function todayLocal(): string {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

const shiftDays = (date: string, n: number): string => {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + n)
  return d.toISOString().slice(0, 10)
}

/** A date in the period before (-1) or after (+1) the one `date` falls in. */
export function shiftPeriod(period: PeriodKind, date: string, step: 1 | -1): string {
  if (period === 'day') return shiftDays(date, step)
  if (period === 'week') return shiftDays(date, 7 * step)
  const [y, m] = date.split('-').map(Number) as [number, number]
  if (period === 'year') return `${y + step}-01-01`
  const month = y * 12 + (m - 1) + step
  return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-01`
}

export function valueText(t: TFunction, f: Pick<Figure, 'value' | 'unit'>): string {
  if (f.value === null) return t('reports.noData')
  return f.unit === 'percent' ? `${f.value.toFixed(1)} %` : t('reports.hours', { n: f.value.toFixed(1) })
}

export function targetText(t: TFunction, f: Pick<Figure, 'target' | 'unit' | 'comparator'>): string {
  return `${t(`reports.comparator.${f.comparator}`)} ${f.unit === 'percent' ? `${f.target} %` : t('reports.hours', { n: f.target })}`
}

/** Saves an exported file the main side built through the browser's download. */
export function download(file: { fileName: string; mime: string; base64: string }): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }))
  const a = document.createElement('a')
  a.href = url
  a.download = file.fileName
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
