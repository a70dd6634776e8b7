import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces'
import { DAMAGE_KINDS, WARNING_LIGHTS, KIT } from '../../../shared/contract/workorders'
import { markShape, outlineSvg, type OutlineView } from '../../../shared/workorders/outline'
import { PAGE, document, fieldGrid, head, signatureBox, tableLayout, tr, vehicleGrid, when, type SheetData } from './wo-common'

const box = (on: boolean): string => (on ? '■' : '□')
/** A ticked or empty box with its label, kept together on one line (non-breaking spaces). */
const tick = (on: boolean, label: string): string => `${box(on)}\u00a0${label.replace(/ /g, '\u00a0')}`

/** Eight segments from empty to full, filled up to the level; readable without colour. */
function fuelGauge(eighths: number, width: number): Content {
  const seg = width / 8
  return {
    canvas: Array.from({ length: 8 }, (_, i) => ({
      type: 'rect' as const,
      x: i * seg,
      y: 0,
      w: seg - 2,
      h: 10,
      lineWidth: 0.7,
      lineColor: '#333333',
      ...(i < eighths ? { color: '#555555' } : {})
    }))
  }
}

function outlines(d: SheetData): Content {
  const w = PAGE[d.paper].width
  const marks = (view: OutlineView) => d.order.damages.filter((m) => m.view === view)
  const t = tr(d.locale)
  const pic = (view: OutlineView, width: number): Content => ({
    width,
    stack: [
      { svg: outlineSvg(view, marks(view), { markColour: '#000000' }), width, height: width / 2 },
      { text: t(`workorders.view.${view}`), style: 'small', alignment: 'center' }
    ]
  }) as Content
  // Sized so that the whole walk-around, marks and both signatures fit one page, A4 or A5.
  const side = d.paper === 'A4' ? w * 0.27 : w * 0.45
  const small = d.paper === 'A4' ? w * 0.175 : w * 0.3
  const row = (cells: Content[]): Content => ({ columns: cells, columnGap: 8 } as Content)
  return { stack: [row([pic('left', side), pic('right', side)]), row([pic('front', small), pic('top', small), pic('rear', small)])] }
}

function legend(d: SheetData): Content {
  const t = tr(d.locale)
  return {
    columns: DAMAGE_KINDS.map((k) => ({
      width: 'auto',
      columns: [
        { svg: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 14" width="20" height="14">${markShape(k, 10, 7, '#000000')}</svg>`, width: 16 },
        { text: t(`workorders.damage.${k}`), style: 'small', margin: [2, 2, 8, 0] }
      ]
    })),
    margin: [0, 4, 0, 0]
  }
}

/** The walk-around sheet (接車檢查單): the car's condition as the customer handed it over, signed by both. */
export function checkinSheetDoc(d: SheetData): TDocumentDefinitions {
  const t = tr(d.locale)
  const o = d.order
  const c = o.checkin
  const w = PAGE[d.paper].width
  const lights = c?.warningLights ?? []
  const kit = c?.protectiveKit ?? []
  const damageRows: Content[][] = o.damages.map((m, i) => [
    String(i + 1),
    t(`workorders.view.${m.view}`),
    t(`workorders.damage.${m.kind}`),
    m.note ?? ''
  ])
  const content: Content[] = [
    head(d, 'workorders.pr.checkinTitle'),
    vehicleGrid(d),
    { text: t('workorders.pr.walkaround'), style: 'sectionTight' },
    {
      columns: [
        {
          width: Math.min(170, w / 3),
          stack: [
            { text: `${t('workorders.f.fuel')}  ${c ? t('workorders.pr.fuelScale', { n: c.fuelEighths }) : '—'}`, style: 'label' },
            fuelGauge(c?.fuelEighths ?? 0, Math.min(160, w / 3 - 10))
          ]
        },
        {
          width: '*',
          stack: [
            fieldGrid(
              [
                [t('workorders.f.spareWheel'), c ? t(c.spareWheel ? 'workorders.f.yes' : 'workorders.f.no') : null],
                [t('workorders.f.tools'), c ? t(c.tools ? 'workorders.f.yes' : 'workorders.f.no') : null],
                [t('workorders.f.arrivalMode'), t(`workorders.arrival.${o.arrivalMode}`)],
                [t('workorders.f.tyres'), c?.tyres],
                [t('workorders.f.valuables'), c?.valuables ?? t('workorders.f.none')],
                [t('workorders.f.promisedAt'), o.promisedAt ? when(o.promisedAt, d) : null]
              ],
              3
            )
          ]
        }
      ],
      columnGap: 12
    },
    { text: t('workorders.f.warningLights'), style: 'label', margin: [0, 6, 0, 1] },
    { text: WARNING_LIGHTS.map((l) => tick(lights.includes(l), t(`workorders.light.${l}`))).join('    '), style: 'cell' },
    { text: t('workorders.f.protectiveKit'), style: 'label', margin: [0, 4, 0, 1] },
    { text: KIT.map((k) => tick(kit.includes(k), t(`workorders.kit.${k}`))).join('    '), style: 'cell' },
    { text: t('workorders.f.customerWords'), style: 'sectionTight' },
    { text: c?.customerWords || o.complaint || '—', style: 'cell' },
    { text: t('workorders.f.damages'), style: 'sectionTight' },
    {
      // A4 has room for the marks' list beside the outline; A5 lists them below it.
      [d.paper === 'A4' ? 'columns' : 'stack']: [
        { width: w * 0.6 + 8, stack: [outlines(d), legend(d)] },
        {
          width: '*',
          margin: d.paper === 'A4' ? [0, 0, 0, 0] : [0, 4, 0, 0],
          table: {
            headerRows: 1,
            widths: [12, 40, 36, '*'],
            body: [
              ['#', t('workorders.f.where'), t('workorders.f.kindOfDamage'), t('workorders.f.note')].map((h) => ({ text: h, style: 'th' })),
              ...(damageRows.length ? damageRows : [['', t('workorders.f.none'), '', '']])
            ]
          },
          layout: tableLayout,
          fontSize: d.paper === 'A5' ? 7 : 8
        } as Content
      ],
      columnGap: 8
    } as unknown as Content,
    { text: t('workorders.pr.customerConfirms'), style: 'small', margin: [0, 8, 0, 6] },
    {
      unbreakable: true,
      columns: [
        signatureBox(t('workorders.customerSignature'), d.signatures.checkinCustomer, null, (w - 20) / 2),
        signatureBox(t('workorders.advisorSignature'), d.signatures.checkinAdvisor, [o.advisorName, when(c?.checkedInAt ?? o.openedAt, d)].filter(Boolean).join('  '), (w - 20) / 2)
      ],
      columnGap: 20
    }
  ]
  const doc = document(d, t('workorders.pr.checkinTitle'), content)
  // The whole walk-around and both signatures belong on one sheet: tighter section spacing here.
  doc.styles = { ...doc.styles, sectionTight: { fontSize: d.paper === 'A4' ? 10.5 : 9, bold: true, margin: [0, 5, 0, 2] } }
  return doc
}
