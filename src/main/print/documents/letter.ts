import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces'
import type { Locale } from '../../../shared/contract/common'
import type { Letter } from '../../../shared/contract/followup'
import type { Settings } from '../../../shared/contract/settings'
import { translate } from '../../../shared/i18n'
import { baseStyles, letterhead } from '../letterhead'
import { formatDate, formatDateTime } from '../format'

export interface LetterData {
  letter: Letter
  settings: Settings
  locale: Locale
  printedAt: Date
}

/** A letter to a customer on the shop's letterhead: address block, date, subject, body, sign-off. */
export function letterDoc({ letter: l, settings, locale, printedAt }: LetterData): TDocumentDefinitions {
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, `followup.print.${key}`, params)
  const tz = settings.timeZone
  const date = formatDate(`${l.letterDate}T04:00:00Z`, locale, tz)
  const paragraphs: Content[] = l.body
    .split(/\n+/)
    .filter((p) => p.trim())
    .map((p) => ({ text: p.trim(), margin: [0, 0, 0, 8], leadingIndent: locale === 'en' ? 0 : 21, fontSize: 11, lineHeight: 1.5 }))
  return {
    info: { title: `${l.subject} ${l.number}`, author: settings.shop.name },
    content: [
      letterhead(settings.shop, { title: translate(locale, `followup.letterKinds.${l.kind}`), number: l.number, numberLabel: t('number') }),
      {
        columns: [
          {
            width: '*',
            stack: [
              { text: t('to'), style: 'label' },
              { text: l.customerName, fontSize: 12, bold: true, margin: [0, 2, 0, 2] },
              { text: l.address ?? '', fontSize: 10 }
            ]
          },
          { width: 'auto', stack: [{ text: t('date'), style: 'label', alignment: 'right' }, { text: date, fontSize: 11, alignment: 'right' }] }
        ],
        margin: [0, 4, 0, 18]
      },
      { text: l.subject, fontSize: 13, bold: true, alignment: 'center', margin: [0, 0, 0, 14] },
      { text: t('salutation', { name: l.customerName }), fontSize: 11, margin: [0, 0, 0, 10] },
      ...paragraphs,
      { text: t('closing'), fontSize: 11, margin: [0, 14, 0, 0] },
      {
        margin: [0, 30, 0, 0],
        alignment: 'right',
        stack: [
          { text: settings.shop.name, fontSize: 11, bold: true },
          ...(settings.shop.phone ? [{ text: t('contact', { phone: settings.shop.phone }), fontSize: 9.5 }] : []),
          { text: date, fontSize: 10, margin: [0, 4, 0, 0] }
        ]
      },
      { text: `${t('printedAt')}: ${formatDateTime(printedAt, locale, tz)}`, style: 'small', margin: [0, 40, 0, 0] }
    ],
    styles: baseStyles
  }
}
