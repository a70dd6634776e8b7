import ExcelJS from 'exceljs'
import type { CallRecord } from '../../../shared/contract/followup'
import type { Locale } from '../../../shared/contract/common'
import { translate } from '../../../shared/i18n'
import { toLocalDateTime } from '../../../shared/time'

/** The call register as a workbook: one row a call, headers in the shop's language, times shop-local. */
export async function callRegisterXlsx(calls: CallRecord[], locale: Locale, timeZone: string): Promise<Buffer> {
  const t = (k: string) => translate(locale, `followup.${k}`)
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet(t('register.title'))
  const columns: Array<[string, number]> = [
    ['register.at', 18], ['register.direction', 8], ['register.customer', 16], ['register.phone', 15], ['register.plate', 12],
    ['register.purpose', 14], ['register.outcome', 12], ['register.callBackAt', 18], ['register.vehicleRuns', 12],
    ['register.satisfaction', 10], ['register.words', 50], ['register.notes', 30], ['register.staff', 12]
  ]
  ws.columns = columns.map(([k, width]) => ({ header: t(k), width }))
  ws.getRow(1).font = { bold: true }
  ws.views = [{ state: 'frozen', ySplit: 1 }]
  const local = (iso: string) => toLocalDateTime(new Date(iso), timeZone).replace('T', ' ')
  for (const c of calls) {
    ws.addRow([
      local(c.at),
      t(`direction.${c.direction}`),
      c.customerName ?? c.callerName ?? '',
      c.phone,
      c.plate ?? '',
      t(`purpose.${c.purpose}`),
      t(`outcome.${c.outcome}`),
      c.callBackAt ? local(c.callBackAt) : '',
      c.vehicleRuns ? t(`vehicleRuns.${c.vehicleRuns}`) : '',
      c.satisfaction ?? '',
      c.customerWords ?? '',
      c.notes ?? '',
      c.staffName
    ])
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } }
  return Buffer.from(await wb.xlsx.writeBuffer())
}
