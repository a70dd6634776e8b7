import type { TDocumentDefinitions } from 'pdfmake/interfaces'
import type { Locale } from '../../shared/contract/common'
import { translate } from '../../shared/i18n'
import { ensureFonts, fontFor, tcCanDraw } from './fonts'

export interface RenderedPdf {
  pdf: Buffer
  pages: number
}

/**
 * Renders a sheet: the language's font, page numbers in the footer, A4 unless the sheet says
 * otherwise. A document builder stays pure (data in, docDefinition out); only this touches pdfmake.
 */
export async function renderPdf(doc: TDocumentDefinitions, locale: Locale): Promise<RenderedPdf> {
  const pdfmake = ensureFonts()
  let pages = 0
  const full: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [40, 36, 40, 44],
    ...doc,
    defaultStyle: { font: fontFor(locale), fontSize: 10, lineHeight: 1.2, ...(doc.defaultStyle ?? {}) },
    footer:
      doc.footer ??
      ((currentPage: number, pageCount: number) => {
        pages = pageCount
        return {
          text: translate(locale, 'print.page', { page: currentPage, pages: pageCount }),
          alignment: 'center',
          fontSize: 8,
          color: '#555555',
          margin: [0, 16, 0, 0]
        }
      })
  }
  // A Traditional sheet may hold Simplified names and addresses (a customer from the mainland):
  // those runs fall back to the SC font, which has both, instead of printing as empty boxes.
  if (locale === 'zh-TW') full.content = withSimplifiedFallback(full.content) as TDocumentDefinitions['content']
  const pdf = await pdfmake.createPdf(full).getBuffer()
  return { pdf, pages: pages || 1 }
}

const CONTAINERS = ['stack', 'columns', 'ul', 'ol'] as const

/** Walks a docDefinition and gives every text run Noto Sans TC cannot draw the SC font. */
export function withSimplifiedFallback(node: unknown): unknown {
  if (typeof node === 'string') return tcCanDraw(node) ? node : { text: node, font: 'NotoSansSC' }
  if (Array.isArray(node)) return node.map(withSimplifiedFallback)
  if (!node || typeof node !== 'object') return node
  const n = { ...(node as Record<string, unknown>) }
  if (typeof n.text === 'string') {
    if (!n.font && !tcCanDraw(n.text)) n.font = 'NotoSansSC'
  } else if (Array.isArray(n.text)) n.text = n.text.map(withSimplifiedFallback)
  for (const key of CONTAINERS) if (Array.isArray(n[key])) n[key] = (n[key] as unknown[]).map(withSimplifiedFallback)
  const table = n.table as { body?: unknown[][] } | undefined
  if (table?.body) n.table = { ...table, body: table.body.map((row) => row.map(withSimplifiedFallback)) }
  return n
}
