import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces'
import type { Locale } from '../../../shared/contract/common'
import type { Appointment, Bay } from '../../../shared/contract/appointments'
import type { Settings } from '../../../shared/contract/settings'
import { translate } from '../../../shared/i18n'
import { baseStyles, letterhead } from '../letterhead'
import { toLocalDateTime } from '../../../shared/time'

export interface SummaryData {
  date: string
  today: string
  appointments: Appointment[]
  bays: Bay[]
  signoff: { by: string; at: string } | null
  settings: Settings
  locale: Locale
  printedAt: Date
}

/** The font for data (names, plates, the customer's words): see the rows below. */
export const DATA_FONT = 'NotoSansSC'

/**
 * A shop-local time as `2026-12-04 09:30`: Intl's zh-TW form carries a thin space the fonts lack
 * and writes half past midnight as 24:30 with hour12 off, so the sheets spell it out themselves.
 */
export const stamp = (at: Date | string, timeZone: string): string => toLocalDateTime(typeof at === 'string' ? new Date(at) : at, timeZone).replace('T', ' ')

export const summaryNumber = (date: string): string => `RS${date.replace(/-/g, '')}`

/**
 * The daily appointment summary (日預約匯總表) for the workshop supervisor and the gate. Printed
 * before the day it lists what is coming; after the day the arrival column is filled in and the
 * service director's sign-off is printed at the foot.
 */
export function appointmentSummaryDoc(d: SummaryData): TDocumentDefinitions {
  const t = (key: string, params?: Record<string, string | number>) => translate(d.locale, key, params)
  const tz = d.settings.timeZone
  const after = d.date < d.today
  const bayName = (id: number | null) => d.bays.find((b) => b.id === id)?.name ?? ''
  const header = ['no', 'time', 'bay', 'plate', 'model', 'customer', 'phone', 'advisor', 'serviceType', 'complaint', 'partsNeeded', 'outcome'].map((k) => ({
    text: t(`board.print.col.${k}`),
    bold: true,
    fontSize: 8.5,
    fillColor: '#eeeeee'
  }))
  // Names and plates are data: printed with the SC font, which also holds Traditional characters,
  // so a simplified name (刘, 鹏) never drops out of a Traditional sheet.
  const rows = d.appointments.map((a, i) => [
    String(i + 1),
    `${a.startsAt.slice(11)}–${a.endsAt.slice(11)}`,
    { text: a.bayId ? bayName(a.bayId) : a.heldBayId ? `(${bayName(a.heldBayId)})` : '', font: DATA_FONT },
    { text: a.plate, bold: true, font: DATA_FONT },
    { text: a.model ?? '', font: DATA_FONT },
    { text: a.customerName, font: DATA_FONT },
    a.phone,
    { text: a.advisorName, font: DATA_FONT },
    t(`board.serviceType.${a.serviceType}`),
    { text: a.complaint ?? '', fontSize: 8, font: DATA_FONT },
    { text: a.parts.map((p) => `${p.description} ×${p.qty}`).join('\n'), fontSize: 8, font: DATA_FONT },
    { text: after || a.status !== 'booked' ? t(`board.status.${a.status}`) : '□', bold: a.status === 'late' || a.status === 'no_show' }
  ])
  const count = (pred: (a: Appointment) => boolean) => d.appointments.filter(pred).length
  const totals = [
    t('board.print.totalBookings', { n: d.appointments.length }),
    t('board.print.totalOnTime', { n: count((a) => a.arrival === 'on_time') }),
    t('board.print.totalLate', { n: count((a) => a.arrival === 'late') }),
    t('board.print.totalNoShow', { n: count((a) => a.status === 'no_show') }),
    t('board.print.totalCancelled', { n: count((a) => a.status === 'cancelled') })
  ].join('    ')
  const sign = (label: string): Content => ({ text: `${label}: ________________`, style: 'cell' })
  return {
    pageOrientation: 'landscape',
    info: { title: `${t('board.print.summaryTitle')} ${d.date}`, author: d.settings.shop.name },
    content: [
      letterhead(d.settings.shop, { title: t('board.print.summaryTitle'), number: summaryNumber(d.date), numberLabel: t('print.number') }),
      {
        columns: [
          { text: `${t('board.print.day')}: ${d.date}`, bold: true, fontSize: 12 },
          { text: after ? t('board.print.afterDay') : t('board.print.beforeDay'), alignment: 'right', fontSize: 10 }
        ],
        margin: [0, 0, 0, 6]
      },
      d.appointments.length === 0
        ? { text: t('board.print.noBookings'), style: 'cell' }
        : {
            table: { headerRows: 1, dontBreakRows: true, widths: [14, 50, 46, 60, 56, 44, 58, 40, 30, '*', 78, 42], body: [header, ...rows] },
            layout: {
              hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === 0 || i === 1 || i === node.table.body.length ? 1 : 0.5),
              vLineWidth: () => 0,
              hLineColor: (i: number) => (i <= 1 ? '#000000' : '#aaaaaa'),
              paddingTop: () => 2,
              paddingBottom: () => 2,
              paddingLeft: () => 3,
              paddingRight: () => 3
            },
            fontSize: 8.5
          },
      {
        unbreakable: true,
        stack: [
      { text: totals, margin: [0, 8, 0, 0], fontSize: 9.5 },
      {
        margin: [0, 16, 0, 0],
        columns: [sign(t('board.print.frontdeskSupervisor')), sign(t('board.print.workshopSupervisor')), sign(t('board.print.gate'))]
      },
      {
        margin: [0, 16, 0, 0],
        columns: [
          d.signoff
            ? { font: DATA_FONT, text: t('board.print.signedOff', { name: d.signoff.by, at: stamp(d.signoff.at, tz) }), bold: true, style: 'cell' }
            : sign(t('board.print.directorSignoff')),
          { text: `${t('print.printedAt')}: ${stamp(d.printedAt, tz)}`, style: 'small', alignment: 'right' }
        ]
      }
        ]
      }
    ],
    styles: baseStyles
  }
}
