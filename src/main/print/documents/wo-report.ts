import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces'
import { document, head, signatureBox, tableLayout, tr, vehicleGrid, when, qty, PAGE, type SheetData } from './wo-common'

/** The service report (服務報告): what was found and done, what became of the old parts; signed after the work. */
export function serviceReportDoc(d: SheetData): TDocumentDefinitions {
  const t = tr(d.locale)
  const o = d.order
  const w = PAGE[d.paper].width
  const r = o.report
  const done = o.lines.filter((l) => l.charged && l.section !== 'diagnosis' && l.section !== 'callout')
  const fates = new Map((r?.oldParts ?? []).map((p) => [p.lineId, p.fate]))
  const replaced = o.lines.filter((l) => l.section === 'parts' || l.section === 'outside')
  const sig = d.signatures.report
  const content: Content[] = [
    head(d, 'workorders.pr.reportTitle'),
    vehicleGrid(d),
    {
      margin: [0, 4, 0, 0],
      columns: [
        { text: `${t('workorders.f.technician')}: ${o.technician ?? '—'}`, style: 'cell' },
        { text: `${t('workorders.status.done')}: ${when(o.doneAt, d)}`, style: 'cell', alignment: 'right' }
      ]
    },
    { text: t('workorders.findings'), style: 'section' },
    { text: r?.findings || o.diagnosis || '—', style: 'cell' },
    { text: t('workorders.workDone'), style: 'section' },
    { text: r?.workDone || '—', style: 'cell', margin: [0, 0, 0, 4] },
    ...(done.length
      ? [
          {
            table: {
              headerRows: 1,
              widths: ['*', 70, 50],
              body: [
                [t('workorders.f.description'), t('workorders.f.partNo'), t('workorders.f.qty')].map((h) => ({ text: h, style: 'th' })),
                ...done.map((l) => [`${t(`workorders.section.${l.section}`)} · ${l.description}`, l.partNo ?? '', qty(l.qtyMilli, d.locale)])
              ]
            },
            layout: tableLayout
          } as Content
        ]
      : []),
    { text: t('workorders.oldParts'), style: 'section' },
    replaced.length
      ? {
          table: {
            headerRows: 1,
            widths: ['*', 70, 160],
            body: [
              [t('workorders.f.description'), t('workorders.f.partNo'), t('workorders.oldParts')].map((h) => ({ text: h, style: 'th' })),
              ...replaced.map((l) => {
                const fate = fates.get(l.id)
                return [l.description, l.partNo ?? '', fate ? t(`workorders.fate.${fate}`) : '—']
              })
            ]
          },
          layout: tableLayout
        }
      : { text: t('workorders.pr.oldPartsNone'), style: 'cell' },
    { text: t('workorders.pr.reportConfirms'), style: 'small', margin: [0, 12, 0, 6] },
    {
      unbreakable: true,
      columns: [
        signatureBox(
          t('workorders.customerSignature'),
          sig?.signature ?? null,
          sig?.signedAt ? `${sig.signerName ?? ''}  ${t('workorders.pr.signedOn', { at: when(sig.signedAt, d) })}` : null,
          (w - 20) / 2
        ),
        signatureBox(t('workorders.advisorSignature'), null, o.advisorName, (w - 20) / 2)
      ],
      columnGap: 20
    }
  ]
  return document(d, t('workorders.pr.reportTitle'), content)
}
