/**
 * The vehicle outline the walk-around marks damage on: five views, each drawn in a 200 × 100 box,
 * and a mark's place kept in thousandths of that box so the screen and the printed sheet agree.
 * Shared by the renderer (clickable SVG) and the PDF (pdfmake `svg` node).
 */
export const OUTLINE_W = 200
export const OUTLINE_H = 100

const WHEELS_SIDE = '<circle cx="50" cy="72" r="13"/><circle cx="152" cy="72" r="13"/>'
const SIDE = `<path d="M8,72 L8,54 Q10,45 28,43 L56,40 Q72,20 92,18 L134,18 Q150,21 166,40 L186,44 Q194,47 194,58 L194,72 Z"/>
  <path d="M62,40 Q76,25 94,23 L110,23 L110,40 Z M116,23 L132,23 Q146,26 158,40 L116,40 Z"/>${WHEELS_SIDE}`
const FRONT = `<path d="M36,84 L36,52 Q40,42 56,40 L70,16 L130,16 L144,40 Q160,42 164,52 L164,84 Z"/>
  <path d="M74,20 L126,20 L138,40 L62,40 Z"/><rect x="42" y="50" width="24" height="10" rx="3"/><rect x="134" y="50" width="24" height="10" rx="3"/>
  <rect x="78" y="62" width="44" height="12" rx="2"/><rect x="40" y="84" width="18" height="10"/><rect x="142" y="84" width="18" height="10"/>`
const REAR = `<path d="M36,84 L36,52 Q40,42 56,40 L70,16 L130,16 L144,40 Q160,42 164,52 L164,84 Z"/>
  <path d="M76,21 L124,21 L134,38 L66,38 Z"/><rect x="40" y="48" width="20" height="14" rx="2"/><rect x="140" y="48" width="20" height="14" rx="2"/>
  <rect x="84" y="60" width="32" height="10"/><rect x="40" y="84" width="18" height="10"/><rect x="142" y="84" width="18" height="10"/>`
const TOP = `<path d="M14,50 Q14,20 44,16 L164,16 Q190,20 192,50 Q190,80 164,84 L44,84 Q14,80 14,50 Z"/>
  <path d="M58,22 L74,30 L74,70 L58,78 Z M150,24 L138,32 L138,68 L150,76 Z"/><path d="M74,30 L138,32 M74,70 L138,68"/>
  <path d="M40,16 L36,10 M40,84 L36,90"/>`

export const OUTLINE_VIEWS = {
  top: TOP,
  front: FRONT,
  rear: REAR,
  left: SIDE,
  // The right side is the left seen from the other side: mirrored, front to the right.
  right: `<g transform="translate(200,0) scale(-1,1)">${SIDE}</g>`
} as const

export type OutlineView = keyof typeof OUTLINE_VIEWS

/** Each kind of damage has its own shape, so the marks read without colour or text. */
export function markShape(kind: string, x: number, y: number, colour = '#c00000'): string {
  const s = `stroke="${colour}" stroke-width="2.2" fill="none"`
  switch (kind) {
    case 'scratch':
      return `<path ${s} d="M${x - 7},${y + 3} L${x - 3},${y - 3} L${x + 1},${y + 3} L${x + 5},${y - 3} L${x + 8},${y + 2}"/>`
    case 'dent':
      return `<circle ${s} cx="${x}" cy="${y}" r="5.5"/>`
    case 'crack':
      return `<path ${s} d="M${x - 5},${y - 5} L${x + 5},${y + 5} M${x + 5},${y - 5} L${x - 5},${y + 5}"/>`
    case 'paint':
      return `<rect ${s} x="${x - 5}" y="${y - 5}" width="10" height="10"/>`
    default:
      return `<path ${s} d="M${x},${y - 6} L${x + 6},${y + 5} L${x - 6},${y + 5} Z"/>`
  }
}

export interface OutlineMark {
  x: number
  y: number
  kind: string
}

/** A whole view as SVG text, with its marks (x, y in thousandths of the box). */
export function outlineSvg(view: OutlineView, marks: readonly OutlineMark[], options: { stroke?: string; markColour?: string } = {}): string {
  const stroke = options.stroke ?? '#333333'
  const shapes = marks.map((m) => markShape(m.kind, (m.x * OUTLINE_W) / 1000, (m.y * OUTLINE_H) / 1000, options.markColour)).join('')
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${OUTLINE_W} ${OUTLINE_H}" width="${OUTLINE_W}" height="${OUTLINE_H}">
    <g fill="none" stroke="${stroke}" stroke-width="1.4" stroke-linejoin="round">${OUTLINE_VIEWS[view]}</g>${shapes}</svg>`
}
