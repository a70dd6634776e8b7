import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces'
import type { Locale } from '../../../shared/contract/common'
import type { Customer } from '../../../shared/contract/customers'
import type { Settings } from '../../../shared/contract/settings'
import { translate } from '../../../shared/i18n'
import { baseStyles, letterhead } from '../letterhead'
import { formatDate, formatDateTime } from '../format'

export const customerCardNumber = (customerId: number): string => `C${String(customerId).padStart(6, '0')}`

export interface CustomerCardData {
  customer: Customer
  settings: Settings
  locale: Locale
  printedAt: Date
}

/** The customer & vehicle card: who the customer is and what they drive, for the file and the counter. */
export function customerCardDoc({ customer: c, settings, locale, printedAt }: CustomerCardData): TDocumentDefinitions {
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, key, params)
  const tz = settings.timeZone
  const field = (label: string, value: string | null): Content => ({
    stack: [
      { text: label, style: 'label' },
      { text: value || '—', style: 'cell', margin: [0, 1, 0, 6] }
    ]
  })
  const header = ['plate', 'make', 'model', 'colour', 'vin', 'mileage', 'intervalKm'].map((k) => ({
    text: t(`customers.${k}`),
    bold: true,
    fontSize: 8.5
  }))
  const rows = c.vehicles.map((v) => [
    { text: v.plate, bold: true },
    v.make ?? '',
    v.model ?? '',
    v.colour ?? '',
    { text: v.vin ?? '', fontSize: 8 },
    v.mileageKm === null ? '' : v.mileageKm.toLocaleString(locale),
    [v.serviceIntervalKm?.toLocaleString(locale), v.serviceIntervalMonths ? t('print.months', { n: v.serviceIntervalMonths }) : null]
      .filter(Boolean)
      .join(' / ')
  ])
  return {
    info: { title: `${t('print.customerCard')} ${customerCardNumber(c.id)}`, author: settings.shop.name },
    content: [
      letterhead(settings.shop, {
        title: t('print.customerCard'),
        number: customerCardNumber(c.id),
        numberLabel: t('print.number')
      }),
      { text: t('print.customer'), style: 'section' },
      {
        columns: [
          { width: '*', stack: [field(t('customers.name'), c.name), field(t('customers.address'), c.address)] },
          {
            width: '*',
            stack: [
              field(t('customers.phone'), [c.phone, c.phone2].filter(Boolean).join(' / ')),
              field(t('customers.kind'), t(c.kind === 'company' ? 'customers.kindCompany' : 'customers.kindPerson'))
            ]
          },
          { width: '*', stack: [field(t('customers.since'), formatDate(c.createdAt, locale, tz)), field(t('customers.wants'), c.wants)] }
        ],
        columnGap: 12
      },
      ...(c.notes ? [field(t('customers.notes'), c.notes)] : []),
      { text: t('print.vehicles'), style: 'section' },
      c.vehicles.length === 0
        ? { text: t('customers.noVehicles'), style: 'cell' }
        : {
            table: { headerRows: 1, widths: [62, 44, '*', 34, 104, 50, 62], body: [header, ...rows] },
            layout: 'lightHorizontalLines',
            fontSize: 9
          },
      {
        margin: [0, 40, 0, 0],
        columns: [
          { text: `${t('print.signatureCustomer')}: ____________________`, style: 'cell' },
          { text: `${t('print.printedAt')}: ${formatDateTime(printedAt, locale, tz)}`, style: 'small', alignment: 'right' }
        ]
      }
    ],
    styles: baseStyles
  }
}
