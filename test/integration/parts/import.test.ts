import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { partsShop, type PartsShop } from './fixture'

let s: PartsShop
beforeEach(async () => {
  s = await partsShop()
})
afterEach(() => s.shop.close())

const csv = (text: string) => ({ fileName: 'parts.csv', format: 'csv' as const, data: Buffer.from(text, 'utf8').toString('base64') })
const count = (table: string): number => (s.shop.core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n

const GOOD = `零件号,名称,规格,单位,类别,库位,供应商,成本价,销售价,再订货点,数量
BP-01,前刹车片,陶瓷,套,制动,A-01,博世,120.00,180,5,10
MT-01,驱动电机,60kW,台,电机,M-01,精进电动,2500,3200,1,2
`

describe('importing the part master', () => {
  it('previews a CSV with Chinese headers: what it creates and the stock each row would set, writing nothing', async () => {
    const p = await s.shop.call(s.clerk, 'parts.import.preview', { ...csv(GOOD), qtyMode: 'set' })
    expect(p).toMatchObject({ total: 2, creates: 2, errors: 0, hasQtyColumn: true, qtyMode: 'set' })
    expect(p.rows.map((r) => [r.partNo, r.action, r.stockAfter])).toEqual([['BP-01', 'create', 10], ['MT-01', 'create', 2]])
    expect(count('parts')).toBe(0)
  })

  it('lists each bad row and why, and a commit with one bad row writes nothing', async () => {
    const bad = `${GOOD}BP-01,重复,,,制动,,,,,,1\nX 9,空格,,个,不存在的类,,,abc,,-1,1.5\n`
    const p = await s.shop.call(s.clerk, 'parts.import.preview', { ...csv(bad), qtyMode: 'add' })
    expect(p.errors).toBe(2)
    const problems = Object.fromEntries(p.rows.filter((r) => r.action === 'error').map((r) => [r.line, r.problems.map((x) => `${x.field}:${x.code}`)]))
    expect(problems[4]).toEqual(['partNo:duplicate_in_file', 'unit:required'])
    expect(problems[5]).toEqual(['partNo:part_no', 'category:unknown_category', 'cost:money', 'reorderLevel:whole_number', 'qty:whole_number'])
    const before = { parts: count('parts'), moves: count('part_movements'), suppliers: count('suppliers'), audit: count('audit_log') }
    const err = await s.shop.refusal(s.clerk, 'parts.import.commit', { ...csv(bad), qtyMode: 'add' })
    expect(err.code).toBe('parts.import_has_errors')
    expect(err.params).toMatchObject({ errors: 2 })
    expect({ parts: count('parts'), moves: count('part_movements'), suppliers: count('suppliers'), audit: count('audit_log') }).toEqual(before)
  })

  it('says whether the quantity sets the shelf or adds to it, does exactly that, and setting needs a typed reason', async () => {
    const noReason = await s.shop.refusal(s.clerk, 'parts.import.commit', { ...csv(GOOD), qtyMode: 'set' })
    expect(noReason.code).toBe('parts.import_reason_required')
    expect(count('parts')).toBe(0)
    await s.shop.call(s.clerk, 'parts.import.commit', { ...csv(GOOD), qtyMode: 'set', reason: '期初库存' })
    const pad = (await s.shop.call(s.clerk, 'parts.get', { partNo: 'BP-01' })).id
    expect(s.onHand(pad)).toBe(10)
    const again = `零件号,数量\nBP-01,4\n`
    const addPreview = await s.shop.call(s.clerk, 'parts.import.preview', { ...csv(again), qtyMode: 'add' })
    expect(addPreview.rows[0]).toMatchObject({ action: 'update', stockBefore: 10, stockAfter: 14 })
    await s.shop.call(s.clerk, 'parts.import.commit', { ...csv(again), qtyMode: 'add' })
    expect(s.onHand(pad)).toBe(14)
    await s.shop.call(s.clerk, 'parts.import.commit', { ...csv(again), qtyMode: 'set', reason: '12 月盘点' })
    expect(s.onHand(pad)).toBe(4)
    // Columns missing from the file keep what the master had.
    const got = await s.shop.call(s.clerk, 'parts.get', { id: pad })
    expect(got).toMatchObject({ name: '前刹车片', costCents: 12_000, supplierName: '博世', categoryCode: 'brakes' })
    expect((await s.shop.call(s.clerk, 'parts.verify', {})).mismatches).toEqual([])
  })

  it('refuses a set/add import from a file without a quantity column', async () => {
    const err = await s.shop.refusal(s.clerk, 'parts.import.preview', { ...csv('partNo,name\nA1,x\n'), qtyMode: 'add' })
    expect(err.code).toBe('parts.import_no_qty_column')
  })

  it('round-trips the master through XLSX export and import', async () => {
    await s.shop.call(s.clerk, 'parts.import.commit', { ...csv(GOOD), qtyMode: 'set', reason: '期初库存' })
    const out = await s.shop.call(s.clerk, 'parts.export', { format: 'xlsx', locale: 'en' })
    expect(out.rows).toBe(2)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(out.data, 'base64') as unknown as ArrayBuffer)
    const header = (wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1)
    expect(header[0]).toBe('Part no.')
    const preview = await s.shop.call(s.clerk, 'parts.import.preview', { fileName: 'x.xlsx', format: 'xlsx', data: out.data, qtyMode: 'set' })
    expect(preview).toMatchObject({ total: 2, errors: 0, unchanged: 2, creates: 0 })
    const text = Buffer.from((await s.shop.call(s.clerk, 'parts.export', { format: 'csv', locale: 'zh-TW' })).data, 'base64').toString('utf8')
    expect(text.startsWith('\uFEFF零件號')).toBe(true)
    expect(text).toContain('前刹车片')
  })
})
