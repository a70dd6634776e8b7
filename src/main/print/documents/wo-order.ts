import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces'
import { SECTIONS } from '../../../shared/contract/workorders'
import { totalsOf } from '../../domain/workorders/totals'
import { document, fieldGrid, head, money, qty, signatureBox, tableLayout, tr, vehicleGrid, when, PAGE, type SheetData } from './wo-common'

/** Lines as a settlement list: one table, grouped by fee section, its header repeated on every page. */
export function linesTable(d: SheetData, lines: SheetData['order']['lines']): Content {
  const t = tr(d.locale)
  const l = d.locale
  const header = ['#', t('workorders.f.description'), t('workorders.f.partNo'), t('workorders.f.qty'), t('workorders.f.unitPrice'), t('workorders.f.discount'), t('workorders.f.amount')].map(
    (h, i) => ({ text: h, style: 'th', alignment: i >= 3 ? ('right' as const) : ('left' as const) })
  )
  const body: TableCell[][] = [header]
  let n = 0
  for (const s of SECTIONS) {
    const inSection = lines.filter((x) => x.section === s)
    if (!inSection.length) continue
    body.push([{ text: t(`workorders.section.${s}`), bold: true, colSpan: 7, margin: [0, 2, 0, 0] }, '', '', '', '', '', ''])
    for (const x of inSection) {
      n++
      body.push([
        String(n),
        x.description,
        x.partNo ?? '',
        { text: qty(x.qtyMilli, l), alignment: 'right' },
        { text: money(x.unitCents, l), alignment: 'right' },
        { text: x.discountBp ? `${x.discountBp / 100}%` : '', alignment: 'right' },
        { text: x.charged ? money(x.amountCents, l) : `(${money(x.amountCents, l)})`, alignment: 'right', decoration: x.charged ? undefined : 'lineThrough' }
      ])
    }
  }
  if (n === 0) return { text: t('workorders.pr.noItems'), style: 'cell' }
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: [16, '*', 62, 44, 62, 38, 66], body },
    layout: tableLayout
  }
}

export function totalsBlock(d: SheetData): Content {
  const t = tr(d.locale)
  const l = d.locale
  // The rule the estimate was priced with, not today's Settings.
  const rule = { taxRateBp: d.order.taxRateBp, pricesIncludeTax: d.order.pricesIncludeTax }
  const tot = totalsOf(d.order.lines, rule)
  const rate = rule.taxRateBp / 100
  const rows: Content[][] = SECTIONS.filter((s) => tot.bySection[s] !== undefined).map((s) => [
    { text: t(`workorders.section.${s}`), style: 'cell' },
    { text: money(tot.bySection[s] ?? 0, l), alignment: 'right' }
  ])
  rows.push([{ text: t('workorders.f.subtotal'), bold: true }, { text: money(d.order.subtotalCents, l), alignment: 'right', bold: true }])
  rows.push([
    { text: rule.pricesIncludeTax ? t('workorders.f.taxIncluded', { rate }) : t('workorders.f.tax', { rate }) },
    { text: money(d.order.taxCents, l), alignment: 'right' }
  ])
  rows.push([{ text: t('workorders.f.total'), bold: true, fontSize: 11 }, { text: money(d.order.totalCents, l), alignment: 'right', bold: true, fontSize: 11 }])
  return {
    columns: [
      { width: '*', text: '' },
      { width: 220, table: { widths: ['*', 90], body: rows }, layout: 'lightHorizontalLines', unbreakable: true }
    ],
    margin: [0, 6, 0, 0]
  }
}

/** The repair authorization (委託書): what the customer asked for, the estimate, and their approval. */
export function workOrderDoc(d: SheetData): TDocumentDefinitions {
  const t = tr(d.locale)
  const o = d.order
  const w = PAGE[d.paper].width
  const ap = d.signatures.approval
  const content: Content[] = [
    head(d, 'workorders.pr.workorderTitle'),
    vehicleGrid(d),
    {
      margin: [0, 4, 0, 0],
      ...(fieldGrid(
        [
          [t('workorders.f.advisor'), o.advisorName],
          [t('workorders.f.technician'), o.technician],
          [t('workorders.f.workSection'), o.workSection],
          [t('workorders.f.bay'), o.bay],
          [t('workorders.f.arrivalMode'), t(`workorders.arrival.${o.arrivalMode}`)],
          [t('workorders.f.repairCategory'), t(`workorders.category.${o.repairCategory}`)],
          [t('workorders.f.payType'), t(`workorders.pay.${o.payType}`)],
          [t('workorders.f.promisedAt'), o.promisedAt ? when(o.promisedAt, d) : null]
        ],
        4
      ) as object)
    } as Content,
    ...(o.kind === 'onsite'
      ? [
          { text: t('workorders.onsite'), style: 'section' } as Content,
          fieldGrid(
            [
              [t('workorders.f.address'), o.onsiteAddress],
              [t('workorders.f.distance'), o.onsiteDistanceKm === null ? null : String(o.onsiteDistanceKm)],
              [t('workorders.departed'), when(o.departedAt, d)],
              [t('workorders.arrived'), when(o.arrivedAt, d)],
              [t('workorders.f.faultSystem'), t(`workorders.fault.${o.faultSystem}`)],
              [t('workorders.f.responseDue'), when(o.responseDueAt, d)],
              [t('workorders.f.writtenDue'), when(o.writtenDueAt, d)],
              [t('workorders.f.supplier'), t(o.supplierInvolved ? 'workorders.f.yes' : 'workorders.f.no')]
            ],
            4
          )
        ]
      : []),
    { text: t('workorders.f.complaint'), style: 'section' },
    { text: o.complaint || '—', style: 'cell' },
    { text: t('workorders.f.diagnosis'), style: 'section' },
    { text: o.diagnosis || '—', style: 'cell' },
    {
      text: `${t('workorders.pr.estimate')} · ${t('workorders.pr.revision', { revision: o.revision })}`,
      style: 'section'
    },
    linesTable(d, o.lines),
    totalsBlock(d),
    ...(o.status === 'declined' ? [{ text: t('workorders.pr.declinedFee'), bold: true, margin: [0, 6, 0, 0] } as Content] : []),
    { text: t('workorders.pr.authorization'), style: 'small', margin: [0, 10, 0, 6] },
    {
      unbreakable: true,
      stack: [
        {
          columns: [
            signatureBox(
              t('workorders.customerSignature'),
              ap?.signature ?? null,
              ap?.approvedAt
                ? t('workorders.pr.approvedBy', {
                    name: ap.signerName ?? '',
                    at: when(ap.approvedAt, d),
                    method: t(ap.method === 'paper' ? 'workorders.methodPaper' : 'workorders.methodSignature')
                  })
                : o.needsApproval
                  ? t('workorders.pr.awaitingApproval', { revision: o.revision })
                  : null,
              (w - 20) / 2
            ),
            signatureBox(t('workorders.advisorSignature'), null, o.advisorName, (w - 20) / 2)
          ],
          columnGap: 20
        }
      ]
    }
  ]
  return document(d, t('workorders.pr.workorderTitle'), content)
}
