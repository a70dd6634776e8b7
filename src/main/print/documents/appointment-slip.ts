import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces'
import type { Locale } from '../../../shared/contract/common'
import type { Appointment } from '../../../shared/contract/appointments'
import type { Settings } from '../../../shared/contract/settings'
import { translate } from '../../../shared/i18n'
import { baseStyles, letterhead } from '../letterhead'
import { DATA_FONT, stamp } from './appointment-summary'

export interface SlipData {
  appointment: Appointment
  bayName: string
  windowMinutes: number
  settings: Settings
  locale: Locale
  printedAt: Date
}

/** The appointment slip (預約單): what was agreed on the phone, for the kit and the customer. */
export function appointmentSlipDoc({ appointment: a, bayName, windowMinutes, settings, locale, printedAt }: SlipData): TDocumentDefinitions {
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, key, params)
  const field = (label: string, value: string | null, big = false): Content => ({
    stack: [
      { text: label, style: 'label' },
      { text: value || '—', style: 'cell', fontSize: big ? 14 : 10.5, bold: big, margin: [0, 1, 0, 4], font: DATA_FONT }
    ]
  })
  return {
    pageSize: 'A5',
    pageMargins: [30, 24, 30, 24],
    // one sheet: no page numbers
    footer: () => ({ text: '' }),
    info: { title: `${t('board.print.slipTitle')} ${a.number}`, author: settings.shop.name },
    content: [
      letterhead(settings.shop, { title: t('board.print.slipTitle'), number: a.number, numberLabel: t('print.number') }),
      {
        columns: [
          { width: '*', stack: [field(t('board.print.col.plate'), a.plate, true), field(t('board.print.col.customer'), a.customerName), field(t('board.print.col.advisor'), a.advisorName)] },
          {
            width: '*',
            stack: [
              field(t('board.print.arrivalTime'), `${a.startsAt.slice(0, 10)}  ${a.startsAt.slice(11)}–${a.endsAt.slice(11)}`, true),
              field(t('board.print.col.phone'), a.phone),
              field(t('board.print.col.bay'), bayName)
            ]
          }
        ],
        columnGap: 12
      },
      {
        columns: [
          field(t('board.print.col.model'), a.model),
          field(t('board.print.col.serviceType'), t(`board.serviceType.${a.serviceType}`)),
          field(t('board.print.channel'), t(`board.channel.${a.channel}`))
        ],
        columnGap: 12
      },
      field(t('board.print.col.complaint'), a.complaint),
      { text: t('board.print.col.partsNeeded'), style: 'label' },
      a.parts.length === 0
        ? { text: '—', style: 'cell', margin: [0, 1, 0, 8] }
        : { ul: a.parts.map((p) => `${p.description} × ${p.qty}`), style: 'cell', font: DATA_FONT, margin: [0, 2, 0, 8] },
      ...(a.notes ? [field(t('board.print.notes'), a.notes)] : []),
      {
        text: t('board.print.slipRule', { minutes: windowMinutes }),
        fontSize: 8.5,
        margin: [0, 4, 0, 0],
        color: '#333333'
      },
      {
        margin: [0, 18, 0, 0],
        columns: [
          { text: `${t('print.signatureCustomer')}: ______________`, style: 'cell' },
          { text: `${t('print.printedAt')}: ${stamp(printedAt, settings.timeZone)}`, style: 'small', alignment: 'right' }
        ]
      }
    ],
    styles: baseStyles
  }
}
