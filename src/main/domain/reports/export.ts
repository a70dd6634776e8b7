import ExcelJS from 'exceljs'
import type { Locale } from '../../../shared/contract/common'
import type { KpiReport, RecordRow, StaffRow } from '../../../shared/contract/reports'
import { translate } from '../../../shared/i18n'
import { toLocalDateTime } from '../../../shared/time'

export interface Sheet {
  title: string
  headers: string[]
  rows: Array<Array<string | number | null>>
  /** Column widths in characters. Figures go in as numbers (percent 0–100, hours), never as text. */
  widths?: number[]
  /** Row indexes (0-based, data rows) to mark red: a missed target. */
  missed?: number[]
}

const tr = (locale: Locale) => (k: string, p?: Record<string, string | number>) => translate(locale, `reports.${k}`, p)

export function figuresSheet(report: KpiReport, locale: Locale): Sheet {
  const t = tr(locale)
  return {
    title: t('export.figures'),
    headers: [t('table.figure'), t('table.value'), t('table.unit'), t('table.target'), t('table.result'), t('table.numerator'), t('table.denominator')],
    rows: report.figures.map((f) => [
      t(`figure.${f.key}`),
      f.value,
      t(`unit.${f.unit}`),
      `${t(`comparator.${f.comparator}`)} ${f.target}`,
      f.met === null ? t('noData') : f.met ? t('met') : t('missed'),
      f.numerator,
      f.denominator
    ]),
    missed: report.figures.flatMap((f, i) => (f.met === false ? [i] : [])),
    widths: [30, 10, 8, 12, 12, 12, 12]
  }
}

export function trendSheet(report: KpiReport, locale: Locale): Sheet {
  const t = tr(locale)
  const keys = Object.keys(report.trend[0]?.values ?? {})
  return {
    title: t('export.trend'),
    headers: [t('table.month'), ...keys.map((k) => t(`figure.${k}`))],
    rows: report.trend.map((p) => [p.month, ...keys.map((k) => p.values[k] ?? null)]),
    widths: [10, ...keys.map(() => 16)]
  }
}

export function staffSheet(rows: StaffRow[], locale: Locale): Sheet {
  const t = tr(locale)
  return {
    title: t('export.staff'),
    headers: ['name', 'jobsDone', 'onsiteVisits', 'onsiteDays', 'calls', 'callsReached', 'scoredCalls', 'satisfiedCalls', 'satisfaction'].map((k) => t(`staff.${k}`)),
    rows: rows.map((s) => [s.name, s.jobsDone, s.onsiteVisits, s.onsiteDays, s.calls, s.callsReached, s.scoredCalls, s.satisfiedCalls, s.satisfaction]),
    widths: [14, 10, 10, 10, 10, 10, 10, 10, 10]
  }
}

export function recordsSheet(rows: RecordRow[], figureKey: string, locale: Locale, timeZone: string): Sheet {
  const t = tr(locale)
  const when = (s: string | null): string => (s === null ? '' : s.length > 16 && s.endsWith('Z') ? toLocalDateTime(new Date(s), timeZone).replace('T', ' ') : s.replace('T', ' '))
  return {
    title: t(`figure.${figureKey}`).slice(0, 31),
    headers: ['record', 'customer', 'staff', 'due', 'actual', 'value', 'note', 'result'].map((k) => t(`records.${k}`)),
    rows: rows.map((r) => [r.label, r.customerName, r.staffName, when(r.due), when(r.actual), r.value, r.note, r.ok === null ? '' : r.ok ? t('met') : t('missed')]),
    missed: rows.flatMap((r, i) => (r.ok === false ? [i] : [])),
    widths: [22, 14, 12, 18, 18, 8, 24, 8]
  }
}

/** One sheet as a workbook: bold frozen header, filters, missed rows in red. */
export async function toXlsx(sheet: Sheet, subtitle: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet(sheet.title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31))
  ws.addRow([sheet.title, subtitle]).font = { bold: true, size: 13 }
  const header = ws.addRow(sheet.headers)
  header.font = { bold: true }
  ws.views = [{ state: 'frozen', ySplit: 2 }]
  sheet.rows.forEach((cells, i) => {
    const row = ws.addRow(cells.map((c) => (c === null ? '' : c)))
    if (sheet.missed?.includes(i)) row.font = { color: { argb: 'FFC92A2A' }, bold: true }
  })
  sheet.widths?.forEach((w, i) => (ws.getColumn(i + 1).width = w))
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: sheet.headers.length } }
  return Buffer.from(await wb.xlsx.writeBuffer())
}
