import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces'
import type { Locale } from '../../../shared/contract/common'
import type { Settings } from '../../../shared/contract/settings'
import type { WorkOrder, WoSettings } from '../../../shared/contract/workorders'
import { translate } from '../../../shared/i18n'
import { baseStyles, letterhead } from '../letterhead'
import { formatDateTime, formatMoney } from '../format'

export type Paper = 'A4' | 'A5'

export interface WarrantyLine {
  description: string
  partNo: string | null
  category: string
  months: number
  kmLimit: number | null
  startsAt: string
  endsOn: string
  startKm: number | null
}

/** Everything a work-order sheet prints, read once; the builders are pure functions of it. */
export interface SheetData {
  order: WorkOrder
  settings: Settings
  wo: WoSettings
  locale: Locale
  printedAt: Date
  paper: Paper
  signatures: {
    checkinCustomer: string | null
    checkinAdvisor: string | null
    approval: { signature: string | null; signerName: string | null; approvedAt: string | null; method: string | null; revision: number } | null
    report: { signature: string | null; signerName: string | null; signedAt: string | null } | null
  }
  warranty: WarrantyLine[]
  /** Inspection item id → its photos as data URLs (JPEG/PNG, read from the data folder). */
  itemPhotos: Record<number, string[]>
}

export const PAGE = {
  A4: { size: 'A4' as const, margins: [40, 36, 40, 44] as [number, number, number, number], width: 515, font: 9.5 },
  A5: { size: 'A5' as const, margins: [26, 24, 26, 36] as [number, number, number, number], width: 368, font: 8 }
}

export function tr(locale: Locale) {
  return (key: string, params?: Record<string, string | number>) => translate(locale, key, params)
}

export const money = (cents: number, locale: Locale): string => formatMoney(cents, locale)
export const when = (iso: string | null, d: SheetData): string => (iso ? formatDateTime(iso, d.locale, d.settings.timeZone) : '—')
export const qty = (milli: number, locale: Locale): string => new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(milli / 1000)

/** The shared letterhead, with its rule shortened to the page's width (it is drawn for A4). */
export function head(d: SheetData, titleKey: string): Content {
  const t = tr(d.locale)
  const node = letterhead(d.settings.shop, { title: t(titleKey), number: d.order.number, numberLabel: t('workorders.pr.number') }) as unknown as {
    stack: Array<Record<string, unknown>>
  }
  for (const part of node.stack) {
    const canvas = part.canvas as Array<{ x2?: number }> | undefined
    if (canvas) for (const c of canvas) c.x2 = PAGE[d.paper].width
  }
  return node as unknown as Content
}

/** Label-over-value cells in rows of `cols`, as paper forms are laid out. */
export function fieldGrid(pairs: Array<[string, string | null | undefined]>, cols: number): Content {
  const cells: Content[] = pairs.map(([label, value]) => ({
    stack: [
      { text: label, style: 'label' },
      { text: value || '—', style: 'cell', margin: [0, 1, 0, 0] }
    ]
  }))
  while (cells.length % cols) cells.push({ text: '' })
  const body: Content[][] = []
  for (let i = 0; i < cells.length; i += cols) body.push(cells.slice(i, i + cols))
  return {
    table: { widths: Array(cols).fill('*'), body },
    layout: { hLineColor: () => '#999999', vLineColor: () => '#999999', hLineWidth: () => 0.5, vLineWidth: () => 0.5, paddingTop: () => 2, paddingBottom: () => 2 }
  }
}

export function vehicleGrid(d: SheetData, cols = 4): Content {
  const t = tr(d.locale)
  const o = d.order
  return fieldGrid(
    [
      [t('workorders.f.customer'), o.customerName],
      [t('workorders.f.phone'), o.customerPhone],
      [t('workorders.f.plate'), o.plate],
      [t('workorders.f.model'), [o.make, o.model].filter(Boolean).join(' ')],
      [t('workorders.f.vin'), o.vin],
      [t('workorders.f.colour'), o.colour],
      [t('workorders.f.mileage'), o.mileageKm === null ? null : o.mileageKm.toLocaleString(d.locale)],
      [t('workorders.f.openedAt'), when(o.openedAt, d)]
    ],
    cols
  )
}

/** A signature: the image drawn on screen, or a line to sign on paper. */
export function signatureBox(label: string, image: string | null, caption: string | null, width: number): Content {
  return ({
    width,
    stack: [
      { text: label, style: 'label' },
      image ? { image, fit: [width, 36] as [number, number], margin: [0, 2, 0, 0] } : { text: ' ', margin: [0, 20, 0, 0] },
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth: 0.7 }] },
      ...(caption ? [{ text: caption, style: 'small', margin: [0, 2, 0, 0] } as Content] : [])
    ]
  }) as Content
}

export function document(d: SheetData, title: string, content: Content[]): TDocumentDefinitions {
  const p = PAGE[d.paper]
  return {
    pageSize: p.size,
    pageMargins: p.margins,
    info: { title: `${title} ${d.order.number}`, author: d.settings.shop.name },
    content,
    defaultStyle: { fontSize: p.font },
    styles: {
      ...baseStyles,
      ...(d.paper === 'A5'
        ? { title: { fontSize: 13, bold: true, alignment: 'center' }, shopName: { fontSize: 12, bold: true }, section: { fontSize: 9.5, bold: true, margin: [0, 6, 0, 3] }, cell: { fontSize: 8 }, label: { fontSize: 7, color: '#444444' } }
        : {}),
      th: { bold: true, fontSize: d.paper === 'A5' ? 7.5 : 8.5, fillColor: '#eeeeee' }
    }
  }
}

export const tableLayout = {
  hLineWidth: (i: number, node: { table: { headerRows?: number } }) => (i === 0 || i === (node.table.headerRows ?? 0) ? 0.8 : 0.4),
  vLineWidth: () => 0,
  hLineColor: () => '#777777',
  paddingTop: () => 2.5,
  paddingBottom: () => 2.5
}
