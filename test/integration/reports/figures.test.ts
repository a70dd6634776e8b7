import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testShop, type TestShop } from '../../helpers/core'
import type { Figure, KpiReport } from '../../../src/shared/contract/reports'
import { buildFixture, type Fixture } from './fixture'

let shop: TestShop
let fx: Fixture
beforeEach(() => {
  shop = testShop(new Date('2026-12-04T01:00:00Z'))
  fx = buildFixture(shop)
})
afterEach(() => shop.close())

const fig = (r: KpiReport, key: Figure['key']): Figure => r.figures.find((f) => f.key === key)!
const kpi = (period: 'day' | 'week' | 'month' | 'year', date: string) => shop.call(fx.tokens.director, 'reports.kpi', { period, date, withLedger: true })

describe('the targets measured on November 2026, worked out by hand', () => {
  it('service timeliness counts shop orders delivered by the promised time and on-site visits in time (4 of 6)', async () => {
    const t = fig(await kpi('month', '2026-11-15'), 'timeliness')
    expect(t.parts).toMatchObject({ shopOnTime: 2, shopDelivered: 3, shopNoPromise: 1, onsiteOnTime: 2, onsiteDue: 3 })
    expect([t.numerator, t.denominator, t.value]).toEqual([4, 6, 66.7])
    expect(t.target).toBe(90)
    expect(t.met).toBe(false)
  })

  it('satisfaction is 4–5 among calls reached with a score; a call not reached does not count as unsatisfied', async () => {
    const s = fig(await kpi('month', '2026-11-01'), 'satisfaction')
    expect([s.numerator, s.denominator, s.value]).toEqual([2, 4, 50])
    expect(s.parts).toMatchObject({ calls: 7, reached: 5, notReached: 2 })
    expect(s.met).toBe(false)
  })

  it('service-fault complaints are counted per delivered order of the period (1 of 4 = 25 %)', async () => {
    const c = fig(await kpi('month', '2026-11-30'), 'serviceFaultComplaints')
    expect([c.numerator, c.denominator, c.value]).toEqual([1, 4, 25])
    expect(c.parts).toMatchObject({ complaints: 3, undecided: 1 })
    expect(c.comparator).toBe('lt')
    expect(c.met).toBe(false)
  })

  it('warranty follow-up counts first calls reached by the end of their window, only for vehicles under warranty', async () => {
    const w = fig(await kpi('month', '2026-11-30'), 'warrantyFollowup')
    expect([w.numerator, w.denominator, w.value]).toEqual([1, 2, 50])
    expect(w.parts).toMatchObject({ late: 1 })
  })

  it('parts accuracy: requisitions issued as approved (1 of 2 finished) and count lines differing (1 of 4)', async () => {
    const r = await kpi('month', '2026-11-30')
    const q = fig(r, 'requisitionAccuracy')
    expect([q.numerator, q.denominator, q.value]).toEqual([1, 2, 50])
    expect(q.parts).toMatchObject({ stillOpen: 1 })
    const c = fig(r, 'countVariance')
    expect([c.numerator, c.denominator, c.value, c.met]).toEqual([1, 4, 25, false])
  })

  it('time from reported to solved: median and worst of requests and complaints solved in the period', async () => {
    const r = await kpi('month', '2026-11-30')
    expect(fig(r, 'solveMedian').value).toBe(48)
    expect(fig(r, 'solveMedian').met).toBe(true)
    expect(fig(r, 'solveWorst').value).toBe(96)
    expect(fig(r, 'solveWorst').denominator).toBe(4)
  })

  it('appointment figures come from the board: booking rate 1 of 5, on time 1 of 3, no-show 1 of 3', async () => {
    const r = await kpi('month', '2026-11-30')
    expect([fig(r, 'bookingRate').numerator, fig(r, 'bookingRate').denominator, fig(r, 'bookingRate').value]).toEqual([1, 5, 20])
    expect(fig(r, 'onTimeArrival').value).toBe(33.3)
    expect(fig(r, 'noShow').value).toBe(33.3)
    expect(fig(r, 'noShow').met).toBe(false)
  })

  it('the ledger check is of today: shown for the current month, no data for last month', async () => {
    expect(fig(await kpi('month', '2026-11-30'), 'ledgerAgreement').value).toBeNull()
    expect(fig(await kpi('month', '2026-12-04'), 'ledgerAgreement').value).toBeNull() // nothing booked yet: no data
    const db = shop.core.db
    const posting = db.prepare("INSERT INTO part_postings (kind, at) VALUES ('receipt', '2026-12-01T00:00:00.000Z')").run().lastInsertRowid
    for (const partId of [1, 2]) {
      db.prepare("INSERT INTO part_movements (posting_id, kind, at, part_id, location_id, qty) VALUES (?, 'receipt', '2026-12-01T00:00:00.000Z', ?, 1, 5)").run(posting, partId)
    }
    const dec = fig(await kpi('month', '2026-12-04'), 'ledgerAgreement')
    expect([dec.numerator, dec.denominator, dec.value, dec.met]).toEqual([2, 2, 100, true])
    // A cached balance that no longer matches its journal is a mismatch.
    db.prepare('UPDATE part_balances SET qty = 3 WHERE part_id = 1').run()
    const broken = fig(await kpi('month', '2026-12-04'), 'ledgerAgreement')
    expect([broken.numerator, broken.denominator, broken.value, broken.met]).toEqual([1, 2, 50, false])
    // The page asks for it apart (it sums the whole journal); without it the month's call leaves it empty.
    expect(await shop.call(fx.tokens.director, 'reports.ledger', {})).toMatchObject({ key: 'ledgerAgreement', numerator: 1, denominator: 2, met: false })
    const quick = await shop.call(fx.tokens.director, 'reports.kpi', { period: 'month', date: '2026-12-04' })
    expect(fig(quick, 'ledgerAgreement').value).toBeNull()
  })
})

describe('periods', () => {
  it('a period with no data says so for every figure instead of a number', async () => {
    const r = await kpi('month', '2026-08-10')
    for (const f of r.figures) {
      expect(f.value, f.key).toBeNull()
      expect(f.met, f.key).toBeNull()
    }
  })

  it('an order delivered at 07:00 on 1 December shop time belongs to December, not to November in UTC', async () => {
    const day = fig(await kpi('day', '2026-11-30'), 'timeliness')
    expect([day.numerator, day.denominator]).toEqual([1, 1])
    const dec = fig(await kpi('month', '2026-12-02'), 'timeliness')
    expect([dec.numerator, dec.denominator]).toEqual([1, 1])
  })

  it('a week crossing the month counts both months’ days (30 Nov – 6 Dec)', async () => {
    const r = await kpi('week', '2026-12-03')
    expect([r.from, r.to]).toEqual(['2026-11-30', '2026-12-06'])
    expect([fig(r, 'timeliness').numerator, fig(r, 'timeliness').denominator]).toEqual([2, 2])
    // The one scored call of the week (00:30 on 1 December) was a 1.
    expect([fig(r, 'satisfaction').numerator, fig(r, 'satisfaction').denominator]).toEqual([0, 1])
  })

  it('the year adds up its months, and the trend has its twelve months', async () => {
    const r = await kpi('year', '2026-06-01')
    expect([r.from, r.to]).toEqual(['2026-01-01', '2026-12-31'])
    expect([fig(r, 'timeliness').numerator, fig(r, 'timeliness').denominator]).toEqual([5, 7])
    expect(r.trend.map((p) => p.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`))
    expect(r.trend[10]!.values.timeliness).toBe(66.7)
    expect(r.trend[11]!.values.timeliness).toBe(100)
    expect(r.trend[7]!.values.satisfaction).toBeNull()
  })
})

describe('targets', () => {
  it('an edited target changes whether the figure is met', async () => {
    const { targets, version } = await shop.call(fx.tokens.director, 'reports.settings.get', {})
    await shop.call(fx.tokens.director, 'reports.settings.update', { targets: { ...targets, timeliness: 60 }, version })
    const t = fig(await kpi('month', '2026-11-15'), 'timeliness')
    expect([t.target, t.met]).toEqual([60, true])
  })

  it('refuses a stale save of the targets and a percentage above 100', async () => {
    const { targets, version } = await shop.call(fx.tokens.director, 'reports.settings.get', {})
    await shop.call(fx.tokens.director, 'reports.settings.update', { targets, version })
    expect((await shop.refusal(fx.tokens.director, 'reports.settings.update', { targets, version })).code).toBe('stale_version')
    expect((await shop.refusal(fx.tokens.director, 'reports.settings.update', { targets: { ...targets, satisfaction: 120 }, version: version + 1 })).code).toBe('reports.target_over_100')
  })

  it('only the service director or an administrator changes targets; an advisor cannot read the KPIs', async () => {
    const { targets, version } = await shop.call(fx.tokens.advisorA, 'reports.settings.get', {})
    expect((await shop.refusal(fx.tokens.advisorA, 'reports.settings.update', { targets, version })).code).toBe('forbidden')
    expect((await shop.refusal(fx.tokens.advisorA, 'reports.kpi', { period: 'month', date: '2026-11-01' })).code).toBe('forbidden')
  })

  it('a change of targets is in the audit trail', async () => {
    const { targets, version } = await shop.call(fx.tokens.director, 'reports.settings.get', {})
    await shop.call(fx.tokens.director, 'reports.settings.update', { targets: { ...targets, noShow: 5 }, version })
    const row = shop.core.db.prepare("SELECT changes FROM audit_log WHERE entity = 'reports_targets'").get() as { changes: string }
    expect(JSON.parse(row.changes)).toEqual({ noShow: [10, 5] })
  })
})

describe('the trend', () => {
  it('grouped by month in one pass gives the same values as twelve months counted one by one', async () => {
    const { trendMonthByMonth } = await import('../../../src/main/domain/reports/kpi')
    const { trendMonths } = await import('../../../src/main/domain/reports/period')
    const r = await kpi('month', '2026-12-02')
    const slow = trendMonthByMonth(shop.core.db, trendMonths('month', '2026-12-02'), { now: shop.clock.now(), timeZone: 'Asia/Shanghai' })
    expect(r.trend).toEqual(slow)
    expect(r.trend[10]).toMatchObject({ month: '2026-11', values: { timeliness: 66.7, satisfaction: 50, serviceFaultComplaints: 25, warrantyFollowup: 50, requisitionAccuracy: 50, countVariance: 25, solveMedian: 48 } })
  })
})
