import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces'
import { document, head, tableLayout, tr, vehicleGrid, when, type SheetData } from './wo-common'

/** Light fills so the colour helps on a colour printer while the symbol and word carry it in black and white. */
const FILL: Record<string, string> = { ok: '#d9f2d9', soon: '#ffe8b3', urgent: '#f8c8c8', na: '#ffffff' }

/** The multi-point inspection (檢查單): each item ○ / △ / ×, with measurement, note and the customer's decision. */
export function inspectionSheetDoc(d: SheetData): TDocumentDefinitions {
  const t = tr(d.locale)
  const insp = d.order.inspection
  const items = insp?.items ?? []
  const count = (r: string) => items.filter((i) => i.result === r).length
  const groups = [...new Set(items.map((i) => i.group))]
  const header = [t('workorders.f.item'), t('workorders.f.result'), t('workorders.f.measurement'), t('workorders.f.note'), t('workorders.pr.suggestedDecision')].map(
    (h) => ({ text: h, style: 'th' })
  )
  const body: TableCell[][] = [header]
  for (const g of groups) {
    body.push([{ text: g, bold: true, colSpan: 5, margin: [0, 2, 0, 0] }, '', '', '', ''])
    for (const i of items.filter((x) => x.group === g)) {
      const r = i.result
      body.push([
        { text: i.label, margin: [6, 0, 0, 0] },
        r
          ? { text: `${t(`workorders.mark.${r}`)} ${t(`workorders.result.${r}`)}`, fillColor: FILL[r], bold: r === 'urgent' }
          : { text: '—' },
        [i.measurement, i.measurement && i.unit ? i.unit : null].filter(Boolean).join(' '),
        i.note ?? '',
        i.decision ? t(i.decision === 'approved' ? 'workorders.approvedItem' : 'workorders.declinedItem') : ''
      ])
      const photos = d.itemPhotos[i.id] ?? []
      if (photos.length) {
        body.push([
          { colSpan: 5, columns: photos.map((image) => ({ image, fit: [96, 72] as [number, number], width: 100 })), columnGap: 6, margin: [6, 0, 0, 2] },
          '',
          '',
          '',
          ''
        ])
      }
    }
  }
  const content: Content[] = [
    head(d, 'workorders.pr.inspectionTitle'),
    vehicleGrid(d),
    {
      margin: [0, 8, 0, 4],
      columns: [
        { text: `${t('workorders.template')}: ${insp?.templateName ?? '—'}`, style: 'cell' },
        { text: `${t('workorders.inspector')}: ${insp?.inspector ?? '—'}   ${when(insp?.completedAt ?? insp?.startedAt ?? null, d)}`, style: 'cell', alignment: 'right' }
      ]
    },
    { text: t('workorders.pr.summary', { urgent: count('urgent'), soon: count('soon'), ok: count('ok') }), bold: true, margin: [0, 0, 0, 2] },
    { text: t('workorders.pr.inspectionLegend'), style: 'small', margin: [0, 0, 0, 4] },
    items.length
      ? { table: { headerRows: 1, widths: ['*', 70, 60, '*', 80], body }, layout: tableLayout }
      : { text: t('workorders.pr.noItems'), style: 'cell' },
    {
      margin: [0, 16, 0, 0],
      unbreakable: true,
      columns: [
        { text: `${t('workorders.inspector')}: ${t('workorders.pr.signatureLine')}`, style: 'cell' },
        { text: `${t('workorders.customerSignature')}: ${t('workorders.pr.signatureLine')}`, style: 'cell', alignment: 'right' }
      ]
    }
  ]
  return document(d, t('workorders.pr.inspectionTitle'), content)
}
