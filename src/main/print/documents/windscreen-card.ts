import type { TDocumentDefinitions } from 'pdfmake/interfaces'
import type { Locale } from '../../../shared/contract/common'
import type { Appointment } from '../../../shared/contract/appointments'
import type { Settings } from '../../../shared/contract/settings'
import { translate } from '../../../shared/i18n'
import { DATA_FONT } from './appointment-summary'

export interface WindscreenData {
  appointment: Appointment
  settings: Settings
  locale: Locale
}

/**
 * The windscreen card (預約牌): laid on the dashboard so the gate and the lane see from outside
 * that this car is booked: the word, the plate and the time in letters readable through glass.
 */
export function windscreenCardDoc({ appointment: a, settings, locale }: WindscreenData): TDocumentDefinitions {
  const t = (key: string) => translate(locale, key)
  return {
    pageSize: 'A5',
    pageOrientation: 'landscape',
    pageMargins: [28, 24, 28, 24],
    footer: () => ({ text: '' }),
    info: { title: `${t('board.print.windscreenTitle')} ${a.number}`, author: settings.shop.name },
    content: [
      {
        table: {
          widths: ['*'],
          body: [
            [
              {
                stack: [
                  { text: settings.shop.name || ' ', font: DATA_FONT, fontSize: 12, alignment: 'center', margin: [0, 6, 0, 0] },
                  { text: t('board.print.windscreenWord'), fontSize: 64, bold: true, alignment: 'center', color: '#b00020', margin: [0, 4, 0, 0] },
                  { text: a.plate, font: DATA_FONT, fontSize: 48, bold: true, alignment: 'center', margin: [0, 6, 0, 6] },
                  {
                    columns: [
                      { text: `${a.startsAt.slice(5, 10).replace('-', '/')}  ${a.startsAt.slice(11)}`, fontSize: 26, bold: true, alignment: 'center' },
                      { text: [`${t('board.print.col.advisor')}: `, { text: a.advisorName, font: DATA_FONT }], fontSize: 20, alignment: 'center', margin: [0, 4, 0, 0] }
                    ]
                  },
                  {
                    columns: [
                      { text: `${t('print.number')} ${a.number}`, fontSize: 10, margin: [8, 18, 0, 6] },
                      { qr: a.number, fit: 56, alignment: 'right', margin: [0, 4, 8, 6] }
                    ]
                  }
                ]
              }
            ]
          ]
        },
        layout: { hLineWidth: () => 4, vLineWidth: () => 4, hLineColor: () => '#b00020', vLineColor: () => '#b00020' }
      }
    ]
  }
}
