import type { ReadDb } from '../../db/types'
import { FIGURE_RULES, FIGURES, meets, type Figure, type FigureKey, type KpiReport, type PeriodKind, type Targets, type TrendPoint } from '../../../shared/contract/reports'
import { fromLocal, toLocalDate } from '../../../shared/time'
import { readSettings } from '../settings/settings'
import { localRange, monthEnd, periodOf, trendMonths, type Range } from './period'
import { readTargets } from './targets'
import * as src from './sources'
import { groupedTrend, steadyOffset } from './trend'

const pct = (num: number, den: number): number | null => (den === 0 ? null : Math.round((num / den) * 1000) / 10)
const oneDecimal = (x: number | null): number | null => (x === null ? null : Math.round(x * 10) / 10)

function figure(key: FigureKey, targets: Targets, value: number | null, num: number | null, den: number | null, parts: Figure['parts']): Figure {
  const rule = FIGURE_RULES[key]
  return { key, unit: rule.unit, comparator: rule.comparator, value, numerator: num, denominator: den, target: targets[key], met: meets(key, value, targets[key]), parts }
}

const ratioFigure = (key: FigureKey, targets: Targets, c: src.Count): Figure => figure(key, targets, pct(c.num, c.den), c.num, c.den, c.parts)

export interface Clockless {
  now: Date
  timeZone: string
}

/** Every figure of one period. The ledger check is of today's books, so it is shown only for a period that includes today. */
export function figuresFor(db: ReadDb, r: Range, targets: Targets, at: Clockless, withLedger: boolean): Figure[] {
  const now = at.now.toISOString()
  const today = toLocalDate(at.now, at.timeZone)
  const solve = src.solveHours(db, r, now)
  const appt = src.appointmentCounts(db, r)
  const settled = appt.onTime + appt.late + appt.noShow
  const ledger = withLedger ? src.ledgerAgreement(db) : { num: 0, den: 0, parts: {} }
  const out: Record<FigureKey, Figure> = {
    timeliness: ratioFigure('timeliness', targets, src.timeliness(db, r, now)),
    satisfaction: ratioFigure('satisfaction', targets, src.satisfaction(db, r)),
    serviceFaultComplaints: ratioFigure('serviceFaultComplaints', targets, src.serviceFaultComplaints(db, r)),
    warrantyFollowup: ratioFigure('warrantyFollowup', targets, src.warrantyFollowup(db, r, today, at.timeZone)),
    requisitionAccuracy: ratioFigure('requisitionAccuracy', targets, src.requisitionAccuracy(db, r)),
    countVariance: ratioFigure('countVariance', targets, src.countVariance(db, r)),
    ledgerAgreement: ratioFigure('ledgerAgreement', targets, ledger),
    solveMedian: figure('solveMedian', targets, oneDecimal(src.median(solve.values)), null, solve.values.length, solve.parts),
    solveWorst: figure('solveWorst', targets, oneDecimal(solve.values.length ? Math.max(...solve.values) : null), null, solve.values.length, solve.parts),
    bookingRate: figure('bookingRate', targets, pct(appt.bookedIntake, appt.intake), appt.bookedIntake, appt.intake, { bookings: appt.bookings }),
    onTimeArrival: figure('onTimeArrival', targets, pct(appt.onTime, settled), appt.onTime, settled, { lateArrivals: appt.late, noShow: appt.noShow }),
    noShow: figure('noShow', targets, pct(appt.noShow, settled), appt.noShow, settled, { bookings: appt.bookings })
  }
  return FIGURES.map((k) => out[k])
}

/** Figures that make sense month by month on a chart (the ledger check is of today only). */
export const TREND_FIGURES: FigureKey[] = ['timeliness', 'satisfaction', 'serviceFaultComplaints', 'warrantyFollowup', 'requisitionAccuracy', 'countVariance', 'solveMedian']

/**
 * The twelve months' trend. A month's page passes the month's own figures: the last point is read
 * from them (the same counts over the same range) rather than counted a second time.
 */
export function trend(db: ReadDb, kind: PeriodKind, date: string, at: Clockless, monthFigures?: Figure[]): TrendPoint[] {
  const months = trendMonths(kind, date)
  const last = months[months.length - 1]!
  const counted = monthFigures ? months.slice(0, -1) : months
  const offset = steadyOffset(counted, at.timeZone)
  const points = offset === null ? trendMonthByMonth(db, counted, at) : groupedTrend(db, counted, at.timeZone, offset, at.now.toISOString())
  if (!monthFigures) return points
  const started = fromLocal(`${last}-01`, at.timeZone) <= at.now
  const value = (k: FigureKey): number | null => (started ? monthFigures.find((f) => f.key === k)?.value ?? null : null)
  return [...points, { month: last, values: Object.fromEntries(TREND_FIGURES.map((k) => [k, value(k)])) }]
}

/** The same trend, one period at a time: for zones with summer time, and as the check of the grouped one. */
export function trendMonthByMonth(db: ReadDb, months: string[], at: Clockless): TrendPoint[] {
  const now = at.now.toISOString()
  const today = toLocalDate(at.now, at.timeZone)
  return months.map((month) => {
    const r = localRange(`${month}-01`, monthEnd(month), at.timeZone)
    if (r.start > now) return { month, values: Object.fromEntries(TREND_FIGURES.map((k) => [k, null])) }
    const values: Record<string, number | null> = {
      timeliness: pct(...nd(src.timeliness(db, r, now))),
      satisfaction: pct(...nd(src.satisfaction(db, r))),
      serviceFaultComplaints: pct(...nd(src.serviceFaultComplaints(db, r))),
      warrantyFollowup: pct(...nd(src.warrantyFollowup(db, r, today, at.timeZone))),
      requisitionAccuracy: pct(...nd(src.requisitionAccuracy(db, r))),
      countVariance: pct(...nd(src.countVariance(db, r))),
      solveMedian: oneDecimal(src.median(src.solveHours(db, r, now).values))
    }
    return { month, values }
  })
}

const nd = (c: src.Count): [number, number] => [c.num, c.den]

export function kpiReport(db: ReadDb, kind: PeriodKind, date: string, now: Date, withLedger = true): KpiReport {
  const timeZone = readSettings(db).timeZone
  const { targets } = readTargets(db)
  const r = periodOf(kind, date, timeZone)
  const today = toLocalDate(now, timeZone)
  const at = { now, timeZone }
  // The ledger check sums the whole journal (seconds on a big shop): the page asks for it apart.
  const figures = figuresFor(db, r, targets, at, withLedger && r.from <= today && today <= r.to)
  return {
    period: kind,
    from: r.from,
    to: r.to,
    asOf: now.toISOString(),
    figures,
    trend: trend(db, kind, date, at, kind === 'month' ? figures : undefined)
  }
}

/** 帳物一致 of today's books against the targets, for the page to fetch beside the month's figures. */
export function ledgerFigure(db: ReadDb): Figure {
  return ratioFigure('ledgerAgreement', readTargets(db).targets, src.ledgerAgreement(db))
}
