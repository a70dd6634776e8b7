import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces'
import type { Locale } from '../../../shared/contract/common'
import type { CallRecord } from '../../../shared/contract/followup'
import type { Settings } from '../../../shared/contract/settings'
import { translate } from '../../../shared/i18n'
import { baseStyles, letterhead } from '../letterhead'
import { formatDateTime } from '../format'

export interface CallRegisterData {
  calls: CallRecord[]
  period: string
  settings: Settings
  locale: Locale
  printedAt: Date
}

/** DH-20261204, or DH-20261201-20261204 for a longer period. */
const registerNumber = (period: string): string => {
  const [from = '', to = ''] = period.split('–').map((d) => d.replace(/[^0-9]/g, ''))
  return `DH-${from}${to && to !== from ? `-${to}` : ''}`
}

/** The call register (电话登记表): one line a call, in and out, for a period. Landscape A4. */
export function callRegisterDoc({ calls, period, settings, locale, printedAt }: CallRegisterData): TDocumentDefinitions {
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, `followup.${key}`, params)
  const tz = settings.timeZone
  const head = ['register.at', 'register.direction', 'register.customer', 'register.phone', 'register.plate', 'register.purpose', 'register.outcome', 'register.satisfaction', 'register.words', 'register.staff'].map(
    (k) => ({ text: t(k), bold: true, fontSize: 8.5, fillColor: '#eeeeee' })
  )
  const body = calls.map((c) => [
    formatDateTime(c.at, locale, tz),
    t(`direction.${c.direction}`),
    c.customerName ?? c.callerName ?? '',
    c.phone,
    c.plate ?? '',
    t(`purpose.${c.purpose}`),
    t(`outcome.${c.outcome}`) + (c.callBackAt ? `\n${formatDateTime(c.callBackAt, locale, tz)}` : ''),
    c.satisfaction === null ? '' : { text: '★'.repeat(c.satisfaction) + '☆'.repeat(5 - c.satisfaction), fontSize: 8, noWrap: true },
    c.customerWords ?? '',
    c.staffName
  ])
  const reached = calls.filter((c) => c.outcome === 'reached').length
  const rated = calls.filter((c) => c.satisfaction !== null)
  const avg = rated.length ? (rated.reduce((a, c) => a + (c.satisfaction as number), 0) / rated.length).toFixed(1) : '—'
  const summary: Content = {
    text: t('print.registerSummary', { calls: calls.length, reached, average: avg }),
    fontSize: 9,
    margin: [0, 6, 0, 0]
  }
  return {
    pageOrientation: 'landscape',
    info: { title: `${t('register.title')} ${period}`, author: settings.shop.name },
    content: [
      letterhead(settings.shop, { title: t('register.title'), number: registerNumber(period), numberLabel: t('print.number') }),
      { text: `${t('print.period')}: ${period}`, fontSize: 10, margin: [0, 0, 0, 6] },
      calls.length === 0
        ? { text: t('register.empty'), style: 'cell' }
        : {
            table: { headerRows: 1, widths: [58, 30, 56, 64, 54, 50, 52, 50, '*', 44], body: [head, ...body] },
            layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, hLineColor: () => '#999999', vLineColor: () => '#999999' },
            fontSize: 8.5
          },
      summary,
      {
        margin: [0, 24, 0, 0],
        columns: [
          { text: `${t('print.checkedBy')}: ____________________`, style: 'cell' },
          { text: `${t('print.printedAt')}: ${formatDateTime(printedAt, locale, tz)}`, style: 'small', alignment: 'right' }
        ]
      }
    ],
    styles: baseStyles
  }
}
