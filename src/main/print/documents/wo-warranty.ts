import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces'
import { formatDate } from '../format'
import { document, head, signatureBox, tableLayout, tr, vehicleGrid, PAGE, type SheetData } from './wo-common'

/** The warranty slip (保修單) handed over at delivery: each repair and part, how long and how far it is covered. */
export function warrantySlipDoc(d: SheetData): TDocumentDefinitions {
  const t = tr(d.locale)
  const o = d.order
  const w = PAGE[d.paper].width
  const date = (iso: string) => formatDate(`${iso.slice(0, 10)}T12:00:00Z`, d.locale, 'UTC')
  const categoryName = (code: string) => {
    const own = d.wo.warrantyCategories.find((c) => c.code === code)?.label
    if (own) return own
    const key = `workorders.warrantyCat.${code}`
    const word = t(key)
    // A category the shop has since removed prints by its code rather than as a missing message.
    return word === key ? code : word
  }
  const from = d.warranty[0]?.startsAt ?? o.deliveredAt ?? d.printedAt.toISOString()
  const content: Content[] = [
    head(d, 'workorders.pr.warrantyTitle'),
    vehicleGrid(d),
    { text: t('workorders.pr.withinWarranty', { from: formatDate(from, d.locale, d.settings.timeZone) }), style: 'section' },
    d.warranty.length
      ? {
          table: {
            headerRows: 1,
            widths: ['*', 60, 62, 34, 62, 56],
            body: [
              [t('workorders.f.description'), t('workorders.f.partNo'), t('workorders.f.warrantyCategory'), t('workorders.f.months'), t('workorders.f.until'), t('workorders.f.untilKm')].map((h) => ({
                text: h,
                style: 'th'
              })),
              ...d.warranty.map((x) => [
                x.description,
                x.partNo ?? '',
                categoryName(x.category),
                String(x.months),
                date(x.endsOn),
                x.kmLimit !== null && x.startKm !== null ? (x.startKm + x.kmLimit).toLocaleString(d.locale) : '—'
              ])
            ]
          },
          layout: tableLayout
        }
      : { text: t('workorders.pr.noItems'), style: 'cell' },
    { text: d.wo.warrantyTerms || t('workorders.pr.terms'), style: 'small', margin: [0, 10, 0, 10] },
    {
      unbreakable: true,
      columns: [
        signatureBox(t('workorders.customerSignature'), null, null, (w - 20) / 2),
        signatureBox(t('workorders.advisorSignature'), null, o.advisorName, (w - 20) / 2)
      ],
      columnGap: 20
    }
  ]
  return document(d, t('workorders.pr.warrantyTitle'), content)
}
