import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testShop, type TestShop } from '../../helpers/core'
import { pdfText } from '../../helpers/pdf'
import { buildFixture, type Fixture } from './fixture'

let shop: TestShop
let fx: Fixture
beforeEach(() => {
  shop = testShop(new Date('2026-12-04T01:00:00Z'))
  fx = buildFixture(shop)
})
afterEach(() => shop.close())

const nov = { period: 'month' as const, date: '2026-11-15' }

describe('the records behind a figure', () => {
  it('timeliness opens the six orders it judged, the two misses first, each linking to its work order', async () => {
    const { rows, more } = await shop.call(fx.tokens.director, 'reports.records', { ...nov, figure: 'timeliness' })
    expect(more).toBe(false)
    expect(rows.map((r) => r.label).sort()).toEqual(['WO1', 'WO2', 'WO3', 'WO6', 'WO7', 'WO8'])
    expect(rows.slice(0, 2).map((r) => [r.label, r.ok]).sort()).toEqual([['WO2', false], ['WO8', false]])
    expect(rows.find((r) => r.label === 'WO1')!.link).toBe(`#/workorders/${fx.wo.WO1}`)
  })

  it('satisfaction lists only reached, scored calls; the customer links to their file', async () => {
    const { rows } = await shop.call(fx.tokens.director, 'reports.records', { ...nov, figure: 'satisfaction' })
    expect(rows.map((r) => r.value).sort()).toEqual([2, 3, 4, 5])
    expect(rows.filter((r) => r.ok === false).map((r) => r.value).sort()).toEqual([2, 3])
    expect(rows[0]!.link).toMatch(/^#\/customers\/\d+$/)
  })

  it('warranty follow-up lists the first calls due, the late one missed', async () => {
    const { rows } = await shop.call(fx.tokens.director, 'reports.records', { ...nov, figure: 'warrantyFollowup' })
    expect(rows.map((r) => [r.label, r.ok])).toEqual([['WO2', false], ['WO1', true]])
  })

  it('parts figures list the requisition issued short and the count line that differed', async () => {
    const req = await shop.call(fx.tokens.director, 'reports.records', { ...nov, figure: 'requisitionAccuracy' })
    expect(req.rows.map((r) => [r.label, r.ok, r.note])).toEqual([['RQ2', false, '3/4'], ['RQ1', true, '3/3']])
    const count = await shop.call(fx.tokens.director, 'reports.records', { ...nov, figure: 'countVariance' })
    expect(count.rows[0]).toMatchObject({ ok: false, value: -1, note: '破损' })
  })

  it('solve times list the slowest first, in hours', async () => {
    const { rows } = await shop.call(fx.tokens.director, 'reports.records', { ...nov, figure: 'solveWorst' })
    expect(rows.map((r) => r.value)).toEqual([96, 72, 24, 12])
  })

  it('an advisor is refused the records behind the shop’s figures', async () => {
    expect((await shop.refusal(fx.tokens.advisorA, 'reports.records', { ...nov, figure: 'timeliness' })).code).toBe('forbidden')
  })
})

describe('staff figures', () => {
  it('counts jobs done, on-site visits and days, calls, and satisfaction of the customers each person served', async () => {
    const rows = await shop.call(fx.tokens.director, 'reports.staff', nov)
    const by = (id: number) => rows.find((r) => r.staffId === id)!
    expect(by(fx.advisorA)).toMatchObject({ jobsDone: 6, onsiteVisits: 2, onsiteDays: 2, scoredCalls: 2, satisfiedCalls: 2, satisfaction: 100 })
    // WO6's technician is 赵顾问: the visit over two days is theirs.
    expect(by(fx.advisorB)).toMatchObject({ jobsDone: 1, onsiteVisits: 1, onsiteDays: 2, scoredCalls: 1, satisfiedCalls: 0, satisfaction: 0 })
    expect(by(fx.agent)).toMatchObject({ calls: 7, callsReached: 5 })
  })

  it('someone who does not manage staff sees only their own figures and is refused anyone else’s', async () => {
    const mine = await shop.call(fx.tokens.advisorA, 'reports.staff', nov)
    expect(mine.map((r) => r.staffId)).toEqual([fx.advisorA])
    expect((await shop.refusal(fx.tokens.advisorA, 'reports.staff', { ...nov, staffId: fx.advisorB })).code).toBe('forbidden')
    const exported = await shop.call(fx.tokens.advisorA, 'reports.export', { ...nov, table: 'staff' })
    expect(exported.rows).toBe(1)
    expect((await shop.refusal(fx.tokens.advisorA, 'reports.export', { ...nov, table: 'figures' })).code).toBe('forbidden')
  })
})

async function readBack(base64: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer)
  return wb.worksheets[0]!
}

describe('XLSX export', () => {
  it('the targets table reads back with the same figures and targets, and the export is in the audit trail', async () => {
    const file = await shop.call(fx.tokens.director, 'reports.export', { ...nov, table: 'figures', locale: 'zh-CN' })
    const ws = await readBack(file.base64)
    expect(ws.getRow(2).getCell(1).value).toBe('指标')
    const row = (label: string) => {
      for (let i = 3; i <= ws.rowCount; i++) if (String(ws.getRow(i).getCell(1).value).startsWith(label)) return ws.getRow(i)
      throw new Error(`no row ${label}`)
    }
    const t = row('服务及时率')
    expect([t.getCell(2).value, t.getCell(4).value, t.getCell(5).value, t.getCell(6).value, t.getCell(7).value]).toEqual([66.7, '≥ 90', '未达标', 4, 6])
    expect(t.font?.color?.argb).toBe('FFC92A2A')
    expect(row('客户满意度').getCell(2).value).toBe(50)
    expect(row('帐物一致率').getCell(5).value).toBe('无数据')
    const audit = shop.core.db.prepare("SELECT action, changes FROM audit_log WHERE entity = 'report'").get() as { action: string; changes: string }
    expect(audit.action).toBe('export')
    expect(JSON.parse(audit.changes)).toMatchObject({ table: 'figures', period: 'month', rows: 12 })
  })

  it('the records of a figure and the staff table read back row for row', async () => {
    const rec = await readBack((await shop.call(fx.tokens.director, 'reports.export', { ...nov, table: 'records', figure: 'solveWorst', locale: 'en' })).base64)
    expect([3, 4, 5, 6].map((i) => rec.getRow(i).getCell(6).value)).toEqual([96, 72, 24, 12])
    const staff = await readBack((await shop.call(fx.tokens.director, 'reports.export', { ...nov, table: 'staff', locale: 'en' })).base64)
    const a = [...Array(staff.rowCount).keys()].map((i) => staff.getRow(i + 1)).find((r) => r.getCell(1).value === '李顾问')!
    expect([a.getCell(2).value, a.getCell(3).value, a.getCell(4).value, a.getCell(9).value]).toEqual([6, 2, 2, 100])
  })
})

describe('printed reports', () => {
  const text = async (name: 'reports.print.monthly' | 'reports.print.year' | 'reports.print.weekly', date: string) => {
    const ref = await shop.call(fx.tokens.director, name, { date, locale: 'zh-CN' })
    return (await pdfText(shop.core.documents.take(ref.documentId, fx.tokens.director)!.pdf)).join('\n')
  }

  it('the monthly summary prints each figure beside its target, with the staff table', async () => {
    const all = await text('reports.print.monthly', '2026-11-15')
    expect(all).toContain('月度考核汇总表')
    expect(all).toContain('2026-11-01 至 2026-11-30')
    expect(all).toMatch(/服务及时率.*66\.7 %.*≥ 90 %.*未达标.*4 \/ 6/s)
    expect(all).toMatch(/客户满意度.*50\.0 %.*≥ 85 %/s)
    expect(all).toContain('48.0 小时')
    expect(all).toContain('李顾问')
  })

  it('the year-end summary has the month-by-month table with November’s timeliness', async () => {
    const all = await text('reports.print.year', '2026-03-01')
    expect(all).toContain('2026 年度考核总结')
    expect(all).toMatch(/2026-11.*66\.7%/s)
    expect(all).toMatch(/服务及时率.*71\.4 %/s) // 5 of 7 over the year
  })

  it('the weekly follow-up report counts the week’s calls and lists complaints by department', async () => {
    const all = await text('reports.print.weekly', '2026-11-11')
    // Week of 9–15 November: one complaint (10 Nov, front desk, attitude), calls: the first call on the 14th.
    expect(all).toContain('2026-11-09 至 2026-11-15')
    expect(all).toContain('前台')
    expect(all).toContain('服务态度')
    expect(all).toMatch(/回访电话数\s*1/)
  })
})
