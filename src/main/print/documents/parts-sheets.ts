import type { Content, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces'
import type { Locale } from '../../../shared/contract/common'
import type { LedgerEntry, Part, Receipt, Requisition } from '../../../shared/contract/parts'
import type { Settings } from '../../../shared/contract/settings'
import { translate } from '../../../shared/i18n'
import { baseStyles, letterhead } from '../letterhead'
import { formatDateTime as formatShared, formatMoney } from '../format'
import { fontFor } from '../fonts'

/** zh-TW's Intl writes a thin space (absent from the fonts) and "24:05" for five past midnight. */
const formatDateTime = (d: Date | string, locale: Locale, tz: string): string =>
  formatShared(d, locale, tz).replace(/[\u2009\u202f]/g, ' ').replace(/ 24:/, ' 00:')

type T = (key: string, params?: Record<string, string | number>) => string
const tFor = (locale: Locale): T => {
  labelFont = fontFor(locale)
  return (key, params) => translate(locale, key, params)
}

/**
 * The shop's own data (names, specifications, plates) may be typed in Simplified characters that
 * the Traditional font lacks; the SC font has both, so data is set in it and labels in the sheet's.
 */
const DATA_FONT = 'NotoSansSC'
const styles = { ...baseStyles, data: { font: DATA_FONT } }
let labelFont = 'NotoSansSC'
const head = (labels: string[]): TableCell[] => labels.map((text) => ({ text, bold: true, fontSize: 8.5, fillColor: '#eeeeee', font: labelFont }))
const num = (n: number, locale: Locale, bold = false) => ({ text: n.toLocaleString(locale), alignment: 'right' as const, bold })
const money = (c: number, locale: Locale, bold = false) => ({ text: formatMoney(c, locale), alignment: 'right' as const, bold })

export const locationLabel = (t: T, l: { code?: string; name: string }): string => (l.code === 'MAIN' ? t('parts.mainStore') : l.name)
export const categoryLabel = (t: T, code: string, name: string): string => {
  const label = t(`parts.categories.${code}`)
  return label.startsWith('parts.') ? name : label
}

const compactLines = {
  hLineWidth: (i: number) => (i <= 1 ? 0.8 : 0.3),
  vLineWidth: () => 0,
  hLineColor: () => '#888888',
  paddingTop: () => 2,
  paddingBottom: () => 2
}

/** The shared letterhead, its shop name set in the data font (a Simplified name on a Traditional sheet). */
const heading = (shop: Settings['shop'], h: Parameters<typeof letterhead>[1]): Content => ({ stack: [letterhead(shop, h)], style: 'data' })

const signatures = (labels: string[]): Content => ({
  margin: [0, 14, 0, 0],
  columns: labels.map((l) => ({ text: `${l}: ______________`, style: 'cell' }))
})

const field = (label: string, value: string) => ({
  text: [{ text: `${label}: `, style: 'label' }, { text: value || '—', bold: true, font: DATA_FONT }],
  fontSize: 9.5
})

// ——— receipt note (備用件接收單), in duplicate ———

export interface ReceiptSheetData {
  receipt: Receipt
  settings: Settings
  locale: Locale
  printedAt: Date
}

/** Lines that still fit two copies on one A4; a longer receipt prints each copy on its own pages. */
export const RECEIPT_LINES_PER_HALF = 8

export function receiptDoc({ receipt: r, settings, locale, printedAt }: ReceiptSheetData): TDocumentDefinitions {
  const t = tFor(locale)
  const tz = settings.timeZone
  const onePage = r.lines.length <= RECEIPT_LINES_PER_HALF
  const contact = [settings.shop.address, settings.shop.phone].filter(Boolean).join('  ·  ')
  // A half-page heading: two copies must fit one A4, so the full letterhead is too tall here.
  const copy = (n: 1 | 2): Content[] => [
    {
      columns: [
        { width: 190, style: 'data', stack: [{ text: settings.shop.name || ' ', bold: true, fontSize: 12 }, { text: contact, style: 'small' }] },
        { width: '*', text: t('parts.print.receiptTitle'), fontSize: 14, bold: true, alignment: 'center' as const, margin: [0, 4, 0, 0] },
        {
          width: 150,
          columns: [
            { width: '*', text: '' },
            { width: 'auto', stack: [{ text: `${t('print.number')} ${r.number}`, fontSize: 8.5, bold: true, alignment: 'right' as const }, { text: r.reversed ? t('parts.print.reversedStamp') : '', bold: true, color: '#b00000', alignment: 'right' as const }] },
            { width: 40, qr: r.number, fit: 40 }
          ],
          columnGap: 6
        }
      ],
      columnGap: 8
    },
    { canvas: [{ type: 'line', x1: 0, y1: 3, x2: 515, y2: 3, lineWidth: 1 }] },
    {
      columns: [
        { width: 'auto', text: t(n === 1 ? 'parts.print.copy1' : 'parts.print.copy2'), bold: true, fontSize: 9.5, color: '#ffffff', background: '#333333' },
        { width: '*', ...field(t('parts.supplier'), r.supplierName ?? '') } as Content,
        { width: 'auto', ...field(t('parts.deliveryNote'), r.deliveryNote ?? '') } as Content
      ],
      columnGap: 10,
      margin: [0, 6, 0, 2]
    },
    {
      columns: [
        field(t('parts.location'), locationLabel(t, { code: r.locationId === 1 ? 'MAIN' : '', name: r.locationName })),
        field(t('parts.receivedAt'), formatDateTime(r.receivedAt, locale, tz))
      ],
      columnGap: 10,
      margin: [0, 0, 0, 4]
    },
    {
      table: {
        headerRows: 1,
        widths: [14, 72, 86, '*', 26, 34, 54, 62],
        body: [
          head(['#', t('parts.partNo'), t('parts.name'), t('parts.spec'), t('parts.unit'), t('parts.qty'), t('parts.unitCost'), t('parts.amount')]),
          ...r.lines.map((l, i) => [
            String(i + 1),
            { text: l.partNo, bold: true },
            l.name,
            { text: l.spec ?? '', fontSize: 8 },
            l.unit,
            num(l.qty, locale),
            money(l.unitCostCents, locale),
            money(l.amountCents, locale)
          ]),
          [{ text: t('parts.total'), colSpan: 5, bold: true, font: labelFont }, '', '', '', '', num(r.lines.reduce((a, l) => a + l.qty, 0), locale, true), '', money(r.totalCents, locale, true)]
        ]
      },
      layout: { ...compactLines },
      style: 'data',
      fontSize: 9
    },
    ...(r.note ? [{ text: `${t('parts.note')}: ${r.note}`, style: 'small', margin: [0, 4, 0, 0] } as Content] : []),
    {
      margin: [0, 12, 0, 0],
      columns: [
        ...[t('parts.print.deliveredBy'), t('parts.print.receivedBy'), t('parts.print.checkedBy')].map((l) => ({ text: `${l}: ______________`, style: 'cell' })),
        { text: `${t('print.printedAt')}: ${formatDateTime(printedAt, locale, tz)} · ${r.staffName ?? ''}`, style: 'small', alignment: 'right' as const }
      ]
    }
  ]
  const cut: Content = {
    margin: [0, 10, 0, 10],
    columns: [
      { canvas: [{ type: 'line', x1: 0, y1: 5, x2: 230, y2: 5, lineWidth: 0.6, dash: { length: 4 } }], width: 230 },
      { text: t('parts.print.cutHere'), width: '*', alignment: 'center', style: 'small' },
      { canvas: [{ type: 'line', x1: 0, y1: 5, x2: 230, y2: 5, lineWidth: 0.6, dash: { length: 4 } }], width: 230 }
    ]
  }
  return {
    info: { title: `${t('parts.print.receiptTitle')} ${r.number}`, author: settings.shop.name },
    pageMargins: [40, 28, 40, 36],
    content: onePage ? [...copy(1), cut, ...copy(2)] : [...copy(1), { text: '', pageBreak: 'after' }, ...copy(2)],
    styles
  }
}

// ——— requisition (領料單) ———

export function requisitionDoc({ requisition: r, settings, locale, printedAt }: { requisition: Requisition; settings: Settings; locale: Locale; printedAt: Date }): TDocumentDefinitions {
  const t = tFor(locale)
  const tz = settings.timeZone
  return {
    info: { title: `${t('parts.print.requisitionTitle')} ${r.number}`, author: settings.shop.name },
    content: [
      heading(settings.shop, { title: t('parts.print.requisitionTitle'), number: r.number, numberLabel: t('print.number') }),
      {
        columns: [
          { stack: [field(t('parts.workOrder'), r.workOrderNumber), field(t('parts.plate'), r.plate ?? '')] },
          { stack: [field(t('parts.customer'), r.customerName ?? ''), field(t('parts.location'), locationLabel(t, { code: r.locationId === 1 ? 'MAIN' : '', name: r.locationName }))] },
          { stack: [field(t('parts.requestedBy'), `${r.requestedByName ?? ''} ${formatDateTime(r.requestedAt, locale, tz)}`), field(t('parts.status'), t(`parts.requisitionStatus.${r.status}`))] }
        ],
        columnGap: 10,
        margin: [0, 0, 0, 8]
      },
      {
        table: {
          headerRows: 1,
          widths: [14, 70, '*', 46, 26, 34, 34, 50, 58],
          body: [
            head(['#', t('parts.partNo'), t('parts.name'), t('parts.bin'), t('parts.unit'), t('parts.requested'), t('parts.issued'), t('parts.unitCost'), t('parts.amount')]),
            ...r.lines.map((l, i) => [
              String(i + 1),
              { text: l.partNo, bold: true },
              l.name,
              l.bin ?? '',
              l.unit,
              num(l.qty, locale),
              num(l.issuedQty, locale),
              money(l.unitCostCents, locale),
              money(l.qty * l.unitCostCents, locale)
            ]),
            [{ text: t('parts.total'), colSpan: 8, bold: true, font: labelFont }, '', '', '', '', '', '', '', money(r.amountCents, locale, true)]
          ]
        },
        layout: 'lightHorizontalLines',
        style: 'data',
        fontSize: 9
      },
      ...(r.note ? [{ text: `${t('parts.note')}: ${r.note}`, style: 'cell', margin: [0, 6, 0, 0] } as Content] : []),
      {
        margin: [0, 10, 0, 0],
        text: r.decidedAt
          ? `${t('parts.approvedBy')}: ${r.decidedByName ?? ''} · ${formatDateTime(r.decidedAt, locale, tz)}${r.decisionNote ? ` · ${r.decisionNote}` : ''}`
          : `${t('parts.approverRoles')}: ${r.approverRoles.map((role) => t(`roles.${role}`)).join(' / ')}`,
        style: 'cell'
      },
      signatures([t('parts.print.requestedSign'), t('parts.print.approvedSign'), t('parts.print.issuedSign'), t('parts.print.collectedSign')]),
      { text: `${t('print.printedAt')}: ${formatDateTime(printedAt, locale, tz)}`, style: 'small', alignment: 'right', margin: [0, 10, 0, 0] }
    ],
    styles
  }
}

// ——— count sheet (盤點表): bins and parts, never the book quantity ———

export interface CountSheetData {
  number: string
  locationName: string
  scope: string
  startedAt: string
  lines: Array<{ partNo: string; name: string; spec: string | null; unit: string; bin: string | null }>
  settings: Settings
  locale: Locale
  printedAt: Date
}

export function countSheetDoc(d: CountSheetData): TDocumentDefinitions {
  const t = tFor(d.locale)
  const tz = d.settings.timeZone
  const box = { text: '', border: [true, true, true, true] as [boolean, boolean, boolean, boolean] }
  return {
    info: { title: `${t('parts.print.countSheetTitle')} ${d.number}`, author: d.settings.shop.name },
    content: [
      heading(d.settings.shop, { title: t('parts.print.countSheetTitle'), number: d.number, numberLabel: t('print.number') }),
      {
        columns: [field(t('parts.location'), d.locationName), field(t('parts.countScope'), d.scope), field(t('parts.startedAt'), formatDateTime(d.startedAt, d.locale, tz))],
        margin: [0, 0, 0, 4]
      },
      { text: t('parts.print.countSheetHelp'), style: 'small', margin: [0, 0, 0, 6] },
      {
        table: {
          headerRows: 1,
          widths: [20, 46, 78, '*', 70, 26, 52, 70],
          body: [
            head(['#', t('parts.bin'), t('parts.partNo'), t('parts.name'), t('parts.spec'), t('parts.unit'), t('parts.counted'), t('parts.note')]),
            ...d.lines.map((l, i) => [String(i + 1), l.bin ?? '', { text: l.partNo, bold: true }, l.name, { text: l.spec ?? '', fontSize: 8 }, l.unit, box, box])
          ]
        },
        layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, hLineColor: () => '#999999', vLineColor: () => '#999999', paddingTop: () => 5, paddingBottom: () => 5 },
        style: 'data',
        fontSize: 9
      },
      signatures([t('parts.print.countedBy'), t('parts.print.checkedBy'), t('parts.print.supervisedBy')]),
      { text: `${t('print.printedAt')}: ${formatDateTime(d.printedAt, d.locale, tz)} · ${t('parts.print.linesCount', { n: d.lines.length })}`, style: 'small', alignment: 'right', margin: [0, 10, 0, 0] }
    ],
    styles
  }
}

// ——— bin labels: three across, a QR of the part no. on each ———

export function binLabelsDoc({ parts, settings, locale }: { parts: Array<Pick<Part, 'partNo' | 'name' | 'spec' | 'unit' | 'bin'>>; settings: Settings; locale: Locale }): TDocumentDefinitions {
  const t = tFor(locale)
  const label = (p: (typeof parts)[number]): TableCell => ({
    columns: [
      { qr: p.partNo, fit: 62, width: 66 },
      {
        width: '*',
        style: 'data',
        stack: [
          { text: p.partNo, bold: true, fontSize: 11 },
          { text: p.name, fontSize: 9, margin: [0, 2, 0, 0] },
          { text: p.spec ?? '', fontSize: 7.5, color: '#444444' },
          { text: [{ text: `${t('parts.bin')}: `, font: labelFont }, `${p.bin ?? '—'} · ${p.unit}`], fontSize: 8.5, bold: true, margin: [0, 3, 0, 0] }
        ]
      }
    ],
    columnGap: 4,
    margin: [4, 6, 4, 6]
  })
  const rows: TableCell[][] = []
  for (let i = 0; i < parts.length; i += 3) {
    const row = parts.slice(i, i + 3).map(label)
    while (row.length < 3) row.push({ text: '' })
    rows.push(row)
  }
  return {
    info: { title: t('parts.print.binLabelsTitle'), author: settings.shop.name },
    pageMargins: [24, 24, 24, 30],
    content: [
      { text: `${settings.shop.name} · ${t('parts.print.binLabelsTitle')}`, style: ['small', 'data'], margin: [0, 0, 0, 6] },
      rows.length
        ? {
            table: { widths: ['*', '*', '*'], body: rows, dontBreakRows: true },
            layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, hLineColor: () => '#bbbbbb', vLineColor: () => '#bbbbbb', hLineStyle: () => ({ dash: { length: 3 } }), vLineStyle: () => ({ dash: { length: 3 } }) }
          }
        : { text: t('parts.noParts') }
    ],
    styles
  }
}

// ——— a part's ledger card (台帳卡) ———

export function ledgerCardDoc(d: { part: Part; entries: LedgerEntry[]; locationName: string; settings: Settings; locale: Locale; printedAt: Date }): TDocumentDefinitions {
  const t = tFor(d.locale)
  const tz = d.settings.timeZone
  const p = d.part
  return {
    info: { title: `${t('parts.print.ledgerCardTitle')} ${p.partNo}`, author: d.settings.shop.name },
    content: [
      heading(d.settings.shop, { title: t('parts.print.ledgerCardTitle'), number: p.partNo, numberLabel: t('parts.partNo') }),
      {
        columns: [
          { stack: [field(t('parts.name'), p.name), field(t('parts.spec'), p.spec ?? '')] },
          { stack: [field(t('parts.category'), categoryLabel(t, p.categoryCode, p.categoryName)), field(t('parts.bin'), p.bin ?? '')] },
          { stack: [field(t('parts.location'), d.locationName), field(t('parts.onHand'), `${p.onHand} ${p.unit}`)] },
          { stack: [field(t('parts.cost'), formatMoney(p.costCents, d.locale)), field(t('parts.reorderLevel'), String(p.reorderLevel))] }
        ],
        columnGap: 8,
        margin: [0, 0, 0, 8]
      },
      {
        table: {
          headerRows: 1,
          widths: [62, 52, 46, '*', 32, 32, 38, 42],
          body: [
            head([t('parts.date'), t('parts.kind'), t('parts.location'), t('parts.reference'), t('parts.in'), t('parts.out'), t('parts.balance'), t('parts.staff')]),
            ...d.entries.map((e) => [
              { text: formatDateTime(e.at, d.locale, tz), fontSize: 8 },
              { text: `${t(`parts.kinds.${e.kind}`)}${e.reversesId ? ` ${t('parts.reversalMark')}` : ''}`, color: e.reversesId ? '#b00000' : undefined, font: labelFont },
              { text: e.locationId === 1 ? t('parts.mainStore') : e.locationName, fontSize: 8, font: e.locationId === 1 ? labelFont : DATA_FONT },
              { text: [...new Set([e.reference, e.reason].filter(Boolean))].join(' · '), fontSize: 8 },
              e.qty > 0 ? num(e.qty, d.locale) : '',
              e.qty < 0 ? num(-e.qty, d.locale) : '',
              num(e.balance, d.locale, true),
              { text: e.staffName ?? '', fontSize: 8 }
            ])
          ]
        },
        layout: 'lightHorizontalLines',
        style: 'data',
        fontSize: 9
      },
      { text: `${t('print.printedAt')}: ${formatDateTime(d.printedAt, d.locale, tz)}`, style: 'small', alignment: 'right', margin: [0, 10, 0, 0] }
    ],
    styles
  }
}
