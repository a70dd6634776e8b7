import ExcelJS from 'exceljs'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore } from '../../src/main/core/create'
import { dispatch } from '../../src/main/core/dispatch'
import { insertStaff } from '../../src/main/domain/staff/staff'
import { generateLedger } from '../../src/main/domain/parts/generate'
import { BALANCE_SQL } from '../../src/main/domain/parts/ledger'
import { STOCK_REPORT_SQL } from '../../src/main/domain/parts/reports'
import { readSheet } from '../../src/main/domain/parts/import'
import { searchKey } from '../../src/main/domain/parts/master'
import type { Suite } from '../harness'

async function xlsx(prefix: string, rows: number): Promise<string> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('parts')
  ws.addRow(['零件号', '名称', '规格', '单位', '类别', '库位', '供应商', '成本价', '销售价', '再订货点', '数量'])
  for (let i = 0; i < rows; i++) {
    ws.addRow([`${prefix}-${String(i).padStart(5, '0')}`, '前刹车片', '陶瓷', '套', '制动', `A-${i % 99}`, i % 3 ? '博世' : '大陆', '128.00', '180.00', 2, 5])
  }
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64')
}

/**
 * part-balance-500k, stock-report-20k, receipt-post-50, parts-import-xlsx-10k: a ledger of 20,000
 * parts and 500,000 movements, each figure beside the bare SQL (or bare parse and insert) it needs.
 */
export const partsSuite: Suite = {
  name: 'parts',
  async setup({ quick }) {
    const dir = mkdtempSync(join(tmpdir(), 'frontdesk-bench-parts-'))
    const core = createCore({ dataDir: dir })
    const parts = quick ? 2_000 : 20_000
    const movements = quick ? 50_000 : 500_000
    const importRows = quick ? 1_000 : 10_000
    generateLedger(core.db, new Date(), { parts, movements, seed: 11 })
    const actor = core.db.transaction(() => insertStaff(core.db, null, new Date(), 'bench', ['warehouse_clerk', 'service_director'], '1234'))()
    const token = core.sessions.open(actor).token
    const call = async (name: string, input: unknown): Promise<unknown> => {
      const r = await dispatch(core, name, input, token)
      if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`)
      return r.value
    }
    let i = 0
    const balance = core.db.prepare(BALANCE_SQL)
    const stock = core.db.prepare(STOCK_REPORT_SQL)
    const pick = (): number => 1 + ((i++ * 7919) % parts)

    // The bare receipt: a posting and its 50 movements (the balance trigger fires as in the app).
    const posting = core.db.prepare("INSERT INTO part_postings (kind, at, staff_name) VALUES ('receipt', ?, 'bench')")
    const move = core.db.prepare("INSERT INTO part_movements (posting_id, kind, at, part_id, location_id, qty, unit_cost_cents) VALUES (?, 'receipt', ?, ?, 1, 5, 1000)")
    const bareReceipt = core.db.transaction((ids: number[]) => {
      const at = new Date().toISOString()
      const p = Number(posting.run(at).lastInsertRowid)
      for (const id of ids) move.run(p, at, id)
    })
    const fifty = (): number[] => Array.from({ length: 50 }, pick)

    // Every import brings new part numbers, as a first import of a supplier's list would.
    const files: string[] = []
    for (let f = 0; f < 4; f++) files.push(await xlsx(`IMP${f}`, importRows))
    let nextFile = 0
    let bareRun = 0
    const insertPart = core.db.prepare(
      `INSERT INTO parts (part_no, name, spec, unit, category_id, bin, cost_cents, price_cents, reorder_level, search, created_at, updated_at)
       VALUES (?, ?, ?, ?, 9, ?, ?, ?, ?, ?, ?, ?)`
    )
    const bareImport = async (): Promise<void> => {
      const sheet = await readSheet('xlsx', Buffer.from(files[0] as string, 'base64'))
      const run = bareRun++
      const at = new Date().toISOString()
      core.db.transaction(() => {
        const p = Number(posting.run(at).lastInsertRowid)
        for (const row of sheet.slice(1)) {
          const partNo = `BARE${run}-${row[0]}`
          const id = Number(insertPart.run(partNo, row[1], row[2], row[3], row[5], 12800, 18000, 2, searchKey({ partNo, name: row[1] ?? '', spec: row[2] ?? null }), at, at).lastInsertRowid)
          move.run(p, at, id)
        }
      })()
    }

    return {
      figures: [
        {
          name: 'part-balance-500k',
          target_ms: 1,
          note: `parts.get (balance at every location, reserved) on ${parts.toLocaleString()} parts / ${movements.toLocaleString()} movements; bare: the cached balance row`,
          app: () => call('parts.get', { id: pick() }),
          bare: () => balance.get(pick(), 1),
          iterations: 2000
        },
        {
          name: 'stock-report-20k',
          target_ms: 300,
          note: `parts.reports.stock: quantity and value by location and category over ${parts.toLocaleString()} parts`,
          app: () => call('parts.reports.stock', {}),
          bare: () => stock.all(null, null),
          iterations: 50
        },
        {
          name: 'receipt-post-50',
          target_ms: 20,
          note: 'parts.receipts.post with 50 lines (checks, posting, movements, receipt, audit); bare: posting + 50 movement inserts',
          app: () => call('parts.receipts.post', { lines: fifty().map((partId) => ({ partId, qty: 5 })) }),
          bare: () => bareReceipt(fifty()),
          iterations: 200
        },
        {
          name: 'parts-import-xlsx-10k',
          target_ms: 5000,
          note: `parts.import.commit of a ${importRows.toLocaleString()}-row XLSX (new parts, quantity added); bare: exceljs read + inserts`,
          app: () =>
            call('parts.import.commit', { fileName: 'bench.xlsx', format: 'xlsx', data: files[nextFile++ % files.length], qtyMode: 'add' }),
          bare: bareImport,
          iterations: 2,
          budgetMs: 60_000
        }
      ],
      cleanup() {
        core.db.close()
        rmSync(dir, { recursive: true, force: true })
      }
    }
  }
}
