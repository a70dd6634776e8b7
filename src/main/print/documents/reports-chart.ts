import type { CanvasElement, Content } from 'pdfmake/interfaces'

export interface ChartPoint {
  label: string
  value: number | null
}

export interface ChartSpec {
  title: string
  points: ChartPoint[]
  target: number | null
  /** Text of the target's legend ("target ≥ 90 %"). */
  targetLabel: string
  /** Whether a value meets the target, for its bar's colour. */
  met: (v: number) => boolean
  max?: number
  width?: number
  height?: number
  noData: string
}

const GREEN = '#2f9e44'
const RED = '#c92a2a'
const GREY = '#adb5bd'

/**
 * A bar chart drawn with pdfmake's vector canvas (not a picture of the screen): one bar a period,
 * green when it meets the target and red when it misses, the target as a dashed red line, the
 * value printed under each bar with its label.
 */
export function barChart(spec: ChartSpec): Content {
  const width = spec.width ?? 515
  const height = spec.height ?? 110
  const axis = 34
  const plot = width - axis
  const values = spec.points.map((p) => p.value).filter((v): v is number => v !== null)
  const top = spec.max ?? Math.max(1, ...values, spec.target ?? 0) * 1.15
  const y = (v: number) => height - (Math.min(v, top) / top) * height
  const slot = plot / Math.max(1, spec.points.length)
  const bar = Math.min(28, slot * 0.6)
  const canvas: CanvasElement[] = [
    { type: 'line', x1: axis, y1: height, x2: width, y2: height, lineWidth: 0.8, lineColor: '#333333' },
    { type: 'line', x1: axis, y1: 0, x2: axis, y2: height, lineWidth: 0.8, lineColor: '#333333' }
  ]
  for (const f of [0.25, 0.5, 0.75, 1]) {
    canvas.push({ type: 'line', x1: axis, y1: height - f * height, x2: width, y2: height - f * height, lineWidth: 0.3, lineColor: '#dddddd' })
  }
  spec.points.forEach((p, i) => {
    const x = axis + slot * i + (slot - bar) / 2
    if (p.value === null) {
      canvas.push({ type: 'rect', x, y: height - 2, w: bar, h: 2, color: GREY })
      return
    }
    const colour = spec.target === null ? '#1c7ed6' : spec.met(p.value) ? GREEN : RED
    canvas.push({ type: 'rect', x, y: y(p.value), w: bar, h: Math.max(0.5, height - y(p.value)), color: colour })
  })
  if (spec.target !== null) {
    canvas.push({ type: 'line', x1: axis, y1: y(spec.target), x2: width, y2: y(spec.target), lineWidth: 1.2, lineColor: RED, dash: { length: 4, space: 2 } })
  }
  const fmt = (v: number) => (Math.round(v * 10) / 10).toString()
  return {
    unbreakable: true,
    margin: [0, 4, 0, 8],
    stack: [
      {
        columns: [
          { text: spec.title, bold: true, fontSize: 10, width: '*' },
          spec.target !== null ? { text: `- - ${spec.targetLabel}`, color: RED, fontSize: 8.5, width: 'auto' } : { text: '', width: 'auto' }
        ]
      },
      {
        margin: [0, 4, 0, 0],
        columns: [
          {
            width: axis,
            stack: [
              { text: fmt(top), fontSize: 7, color: '#555555' },
              { text: fmt(top / 2), fontSize: 7, color: '#555555', margin: [0, height / 2 - 16, 0, 0] },
              { text: '0', fontSize: 7, color: '#555555', margin: [0, height / 2 - 16, 0, 0] }
            ]
          },
          { width: '*', text: '' }
        ]
      },
      { canvas, margin: [0, -height + 2, 0, 0] },
      {
        margin: [axis, 2, 0, 0],
        columns: spec.points.map((p) => ({
          width: slot,
          alignment: 'center' as const,
          fontSize: 7,
          stack: [{ text: p.label }, { text: p.value === null ? spec.noData : fmt(p.value), bold: true, color: p.value === null ? GREY : '#222222' }]
        })),
        columnGap: 0
      }
    ]
  }
}
