import type { Content, StyleDictionary } from 'pdfmake/interfaces'
import type { Settings } from '../../shared/contract/settings'

export interface SheetHeading {
  title: string
  number: string
  numberLabel: string
}

/**
 * The shop's letterhead: logo and name on the left, the sheet's title in the middle, and a QR
 * code of the document's number on the right so a scanner at the counter finds it again.
 */
/** `width` is the printable width: 515 pt on portrait A4 with the default margins, wider in landscape. */
export function letterhead(shop: Settings['shop'], heading: SheetHeading, width = 515): Content {
  const shopLines: Content[] = [{ text: shop.name || ' ', style: 'shopName' }]
  const contact = [shop.address, shop.phone].filter(Boolean).join('  ·  ')
  if (contact) shopLines.push({ text: contact, style: 'shopContact' })
  return {
    margin: [0, 0, 0, 10],
    stack: [
      {
        columns: [
          ...(shop.logo ? [{ image: shop.logo, fit: [48, 48] as [number, number], width: 56 }] : []),
          { width: '*', stack: shopLines },
          {
            width: 'auto',
            stack: [
              { qr: heading.number, fit: 64, alignment: 'right' as const },
              { text: `${heading.numberLabel} ${heading.number}`, style: 'docNumber', alignment: 'right' as const }
            ]
          }
        ],
        columnGap: 8
      },
      { canvas: [{ type: 'line', x1: 0, y1: 4, x2: width, y2: 4, lineWidth: 1.2 }] },
      { text: heading.title, style: 'title', margin: [0, 10, 0, 6] }
    ]
  }
}

export const baseStyles: StyleDictionary = {
  shopName: { fontSize: 15, bold: true },
  shopContact: { fontSize: 8.5, color: '#333333', margin: [0, 2, 0, 0] },
  docNumber: { fontSize: 8, margin: [0, 2, 0, 0] },
  title: { fontSize: 16, bold: true, alignment: 'center' },
  section: { fontSize: 11, bold: true, margin: [0, 10, 0, 4] },
  label: { fontSize: 8.5, color: '#444444' },
  cell: { fontSize: 9.5 },
  small: { fontSize: 8, color: '#444444' }
}
