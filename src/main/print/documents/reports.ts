import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces'
import type { Locale } from '../../../shared/contract/common'
import { FIGURE_RULES, meets, type Figure, type FigureKey, type KpiReport, type StaffRow, type Targets } from '../../../shared/contract/reports'
import type { Settings } from '../../../shared/contract/settings'
import { translate } from '../../../shared/i18n'
import type { WeeklyData } from '../../domain/reports/weekly'
import { baseStyles, letterhead } from '../letterhead'
import { formatDate, formatDateTime } from '../format'
import { barChart } from './reports-chart'

const DATA_FONT = 'NotoSansSC'
const RED = '#c92a2a'

interface Common {
  settings: Settings
  locale: Locale
  printedAt: Date
}

type T = (k: string, p?: Record<string, string | number>) => string
const tFor = (locale: Locale): T => (k, p) => translate(locale, `reports.${k}`, p)

const head = (cells: string[]): TableCell[] => cells.map((text) => ({ text, bold: true, fontSize: 8.5, fillColor: '#eeeeee' }))

export function valueText(t: T, f: Pick<Figure, 'value' | 'unit'>): string {
  if (f.value === null) return t('noData')
  return f.unit === 'percent' ? `${f.value.toFixed(1)} %` : t('hours', { n: f.value.toFixed(1) })
}

export function targetText(t: T, f: Pick<Figure, 'target' | 'unit' | 'comparator'>): string {
  return `${t(`comparator.${f.comparator}`)} ${f.unit === 'percent' ? `${f.target} %` : t('hours', { n: f.target })}`
}

/** The targets table: figure, value, target, result (red when missed), and what it was counted from. */
function figuresTable(t: T, figures: Figure[]): Content {
  const body: TableCell[][] = [head([t('table.figure'), t('table.value'), t('table.target'), t('table.result'), t('table.basis')])]
  for (const f of figures) {
    const missed = f.met === false
    body.push([
      t(`figure.${f.key}`),
      { text: valueText(t, f), bold: true, color: missed ? RED : '#000000' },
      targetText(t, f),
      { text: f.met === null ? t('noData') : f.met ? t('met') : t('missed'), color: missed ? RED : '#000000', bold: missed },
      { text: f.denominator === null || f.denominator === 0 ? '' : f.numerator === null ? t('basisCount', { n: f.denominator }) : `${f.numerator} / ${f.denominator}`, fontSize: 8.5 }
    ])
  }
  return { table: { headerRows: 1, widths: ['*', 70, 70, 50, 80], body }, layout: 'lightHorizontalLines', fontSize: 9.5 }
}

function staffTable(t: T, rows: StaffRow[]): Content {
  const body: TableCell[][] = [head(['name', 'jobsDone', 'onsiteVisits', 'onsiteDays', 'calls', 'callsReached', 'satisfaction'].map((k) => t(`staff.${k}`)))]
  for (const s of rows) {
    body.push([
      { text: s.name, font: DATA_FONT },
      String(s.jobsDone),
      String(s.onsiteVisits),
      String(s.onsiteDays),
      String(s.calls),
      String(s.callsReached),
      s.satisfaction === null ? t('noData') : `${s.satisfaction.toFixed(1)} % (${s.satisfiedCalls}/${s.scoredCalls})`
    ])
  }
  return { table: { headerRows: 1, widths: ['*', 50, 50, 50, 50, 50, 90], body }, layout: 'lightHorizontalLines', fontSize: 9 }
}

function chartOf(t: T, key: FigureKey, targets: Targets, points: Array<{ label: string; value: number | null }>, width = 515): Content {
  const rule = FIGURE_RULES[key]
  const target = targets[key]
  return barChart({
    title: t(`figure.${key}`),
    points,
    target,
    targetLabel: t('chartTarget', { target: targetText(t, { target, unit: rule.unit, comparator: rule.comparator }) }),
    met: (v) => meets(key, v, target) === true,
    max: rule.unit === 'percent' && rule.comparator === 'gte' ? 100 : undefined,
    width,
    noData: '—'
  })
}

function footer(t: T, c: Common): Content {
  return {
    margin: [0, 14, 0, 0],
    columns: [
      { text: t('print.printedAt', { at: formatDateTime(c.printedAt, c.locale, c.settings.timeZone) }), style: 'small' },
      { text: `${t('print.preparedBy')} ________    ${t('print.reviewedBy')} ________`, alignment: 'right', style: 'small' }
    ]
  }
}

const styles = { ...baseStyles }

export interface SummaryDoc extends Common {
  report: KpiReport
  staff: StaffRow[]
  targets: Targets
}

export const monthlyNumber = (month: string): string => `KPI-M${month.replace('-', '')}`
export const yearNumber = (year: string): string => `KPI-Y${year}`
export const weeklyNumber = (from: string): string => `FW${from.replace(/-/g, '')}`

const trendPoints = (t: T, report: KpiReport, key: FigureKey) =>
  report.trend.map((p) => ({ label: t('monthShort', { m: Number(p.month.slice(5)) }), value: p.values[key] ?? null }))

/** The monthly summary (月度考核匯總): every target, the twelve months' trend charts, staff and appointments. */
export function monthlySummaryDoc(d: SummaryDoc): TDocumentDefinitions {
  const t = tFor(d.locale)
  const month = d.report.from.slice(0, 7)
  const service = d.report.figures.filter((f) => !['bookingRate', 'onTimeArrival', 'noShow'].includes(f.key))
  const appts = d.report.figures.filter((f) => ['bookingRate', 'onTimeArrival', 'noShow'].includes(f.key))
  return {
    info: { title: `${t('print.monthly.title')} ${month}` },
    styles,
    content: [
      letterhead(d.settings.shop, { title: t('print.monthly.title'), number: monthlyNumber(month), numberLabel: t('print.number') }),
      { text: t('print.periodLine', { from: d.report.from, to: d.report.to }), alignment: 'center', margin: [0, 0, 0, 8] },
      { text: t('print.section.targets'), style: 'section' },
      figuresTable(t, service),
      { text: t('print.section.trend'), style: 'section', pageBreak: 'before' },
      chartOf(t, 'timeliness', d.targets, trendPoints(t, d.report, 'timeliness')),
      chartOf(t, 'satisfaction', d.targets, trendPoints(t, d.report, 'satisfaction')),
      chartOf(t, 'serviceFaultComplaints', d.targets, trendPoints(t, d.report, 'serviceFaultComplaints')),
      chartOf(t, 'warrantyFollowup', d.targets, trendPoints(t, d.report, 'warrantyFollowup')),
      { text: t('print.section.appointments'), style: 'section' },
      figuresTable(t, appts),
      { text: t('print.section.staff'), style: 'section' },
      staffTable(t, d.staff),
      footer(t, d)
    ]
  }
}

/** The year-end summary (年度考核總結): the year against each target, month by month, with charts. */
export function yearSummaryDoc(d: SummaryDoc): TDocumentDefinitions {
  const t = tFor(d.locale)
  const year = d.report.from.slice(0, 4)
  const keys = Object.keys(d.report.trend[0]?.values ?? {}) as FigureKey[]
  const monthTable: TableCell[][] = [head([t('table.month'), ...keys.map((k) => t(`figureShort.${k}`))])]
  for (const p of d.report.trend) {
    monthTable.push([
      p.month,
      ...keys.map((k) => {
        const v = p.values[k] ?? null
        const missed = v !== null && meets(k, v, d.targets[k]) === false
        return { text: v === null ? '—' : FIGURE_RULES[k].unit === 'percent' ? `${v.toFixed(1)}%` : `${v.toFixed(1)}h`, color: missed ? RED : '#000000', bold: missed }
      })
    ])
  }
  return {
    info: { title: t('print.year.title', { year }) },
    styles,
    content: [
      letterhead(d.settings.shop, { title: t('print.year.title', { year }), number: yearNumber(year), numberLabel: t('print.number') }),
      { text: t('print.periodLine', { from: d.report.from, to: d.report.to }), alignment: 'center', margin: [0, 0, 0, 8] },
      { text: t('print.section.targets'), style: 'section' },
      figuresTable(t, d.report.figures),
      { text: t('print.section.months'), style: 'section' },
      { table: { headerRows: 1, widths: [44, ...keys.map(() => '*' as const)], body: monthTable }, layout: 'lightHorizontalLines', fontSize: 8.5 },
      { text: t('print.section.trend'), style: 'section', pageBreak: 'before' },
      ...keys.map((k) => chartOf(t, k, d.targets, trendPoints(t, d.report, k))),
      { text: t('print.section.staff'), style: 'section', pageBreak: 'before' },
      staffTable(t, d.staff),
      footer(t, d)
    ]
  }
}

export interface WeeklyDoc extends Common {
  data: WeeklyData
  targets: Targets
}

/** The weekly follow-up report (每週回訪報告) for the departments: calls, satisfaction, complaints by department, requests. */
export function weeklyFollowupDoc(d: WeeklyDoc): TDocumentDefinitions {
  const t = tFor(d.locale)
  const w = d.data
  const tz = d.settings.timeZone
  const cats = ['attitude', 'quality', 'parts', 'price', 'time']
  const deptBody: TableCell[][] = [head([t('weekly.department'), ...cats.map((c) => t(`category.${c}`)), t('weekly.total'), t('weekly.serviceFault')])]
  for (const row of w.complaintsByDepartment) {
    deptBody.push([t(`department.${row.department}`), ...cats.map((c) => String(row.counts[c] ?? 0)), { text: String(row.total), bold: true }, { text: String(row.serviceFault), color: row.serviceFault ? RED : '#000000' }])
  }
  if (w.complaintsByDepartment.length === 0) deptBody.push([{ text: t('weekly.noComplaints'), colSpan: cats.length + 3 }, ...Array(cats.length + 2).fill('')])
  const listBody: TableCell[][] = [head([t('weekly.received'), t('records.customer'), t('weekly.category'), t('weekly.department'), t('weekly.status'), t('weekly.serviceFault'), t('weekly.description')])]
  for (const k of w.complaints) {
    listBody.push([
      formatDate(k.receivedAt, d.locale, tz),
      { text: k.customer, font: DATA_FONT },
      t(`category.${k.category}`),
      t(`department.${k.department ?? 'unassigned'}`),
      t(`complaintStatus.${k.status}`),
      k.serviceFault === null ? '?' : k.serviceFault ? t('yes') : t('no'),
      { text: k.description, font: DATA_FONT, fontSize: 8 }
    ])
  }
  const c = w.calls
  const facts: TableCell[][] = [
    [t('weekly.callsMade'), String(c.made), t('weekly.callsReached'), String(c.reached)],
    [t('weekly.firstCallsDue'), String(c.firstCallsDue), t('weekly.firstCallsDone'), String(c.firstCallsDone)],
    [t('weekly.requestsOpened'), String(w.requests.opened), t('weekly.requestsSolved'), `${w.requests.solved} (${t('weekly.inTime', { n: w.requests.solvedInTime })})`],
    [t('weekly.requestsOverdue'), { text: String(w.requests.openOverdue), color: w.requests.openOverdue ? RED : '#000000' }, t('weekly.scores'), c.byScore.map((n, i) => `${i + 1}:${n}`).join('  ')]
  ]
  return {
    info: { title: `${t('print.weekly.title')} ${w.from}` },
    styles,
    content: [
      letterhead(d.settings.shop, { title: t('print.weekly.title'), number: weeklyNumber(w.from), numberLabel: t('print.number') }),
      { text: t('print.periodLine', { from: w.from, to: w.to }), alignment: 'center', margin: [0, 0, 0, 4] },
      { text: t('weekly.to'), style: 'small', alignment: 'center', margin: [0, 0, 0, 8] },
      { text: t('print.section.calls'), style: 'section' },
      { table: { widths: ['*', 60, '*', 110], body: facts }, layout: 'lightHorizontalLines', fontSize: 9.5 },
      { text: t('print.section.targets'), style: 'section' },
      figuresTable(t, w.figures),
      chartOf(t, 'satisfaction', d.targets, w.weeks.map((x) => ({ label: x.label, value: x.satisfaction }))),
      {
        unbreakable: true,
        stack: [
          { text: t('print.section.complaintsByDepartment'), style: 'section' },
          { table: { headerRows: 1, widths: ['*', ...cats.map(() => 40), 40, 50], body: deptBody }, layout: 'lightHorizontalLines', fontSize: 9 }
        ]
      },
      ...(w.complaints.length
        ? [
            { text: t('print.section.complaints'), style: 'section' } as Content,
            { table: { headerRows: 1, widths: [54, 60, 44, 60, 50, 40, '*'], body: listBody }, layout: 'lightHorizontalLines', fontSize: 8.5 } as Content
          ]
        : []),
      footer(t, d)
    ]
  }
}
