import type { TDocumentDefinitions } from 'pdfmake/interfaces'

/**
 * The bare pdfmake baseline: the same number of lines in one table with a repeated header, the
 * same CJK font, no letterhead, no database, no translation.
 */
export function bareWorkOrderDoc(lines: number): TDocumentDefinitions {
  const body = [['#', '项目', '配件编号', '数量 / 工时', '单价（元）', '折扣 %', '金额']]
  for (let i = 1; i <= lines; i++) body.push([String(i), `更换前制动片（原厂）${i}`, `BP-2041-F-${i}`, '1.5', '¥120.00', '10%', '¥162.00'])
  return {
    pageSize: 'A4',
    defaultStyle: { font: 'NotoSansSC', fontSize: 9.5 },
    content: [
      { text: '维修委托书 WO20261204-001', fontSize: 16, bold: true },
      { table: { headerRows: 1, widths: [16, '*', 62, 44, 62, 38, 66], body } },
      { text: '合计 ¥6,480.00', bold: true, alignment: 'right' }
    ]
  }
}
