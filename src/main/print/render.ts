import type { TDocumentDefinitions } from 'pdfmake/interfaces'
import type { Locale } from '../../shared/contract/common'
import { translate } from '../../shared/i18n'
import { ensureFonts, fontFor } from './fonts'

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
  const pdf = await pdfmake.createPdf(full).getBuffer()
  return { pdf, pages: pages || 1 }
}
