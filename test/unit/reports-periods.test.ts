import { describe, expect, it } from 'vitest'
import { meets } from '../../src/shared/contract/reports'
import { periodOf, trendMonths } from '../../src/main/domain/reports/period'
import { steadyOffset } from '../../src/main/domain/reports/trend'

describe('report periods in the shop’s calendar', () => {
  it('a week runs Monday to Sunday and may cross a month', () => {
    expect(periodOf('week', '2026-12-03', 'Asia/Shanghai')).toMatchObject({ from: '2026-11-30', to: '2026-12-06' })
  })

  it('a month starts at local midnight of the 1st, which is 16:00 UTC the day before in Shanghai', () => {
    expect(periodOf('month', '2026-11-15', 'Asia/Shanghai')).toEqual({ from: '2026-11-01', to: '2026-11-30', start: '2026-10-31T16:00:00.000Z', end: '2026-11-30T16:00:00.000Z' })
  })

  it('February of a leap year has 29 days; a year is Jan–Dec', () => {
    expect(periodOf('month', '2028-02-10', 'UTC').to).toBe('2028-02-29')
    expect(periodOf('year', '2026-06-01', 'UTC')).toMatchObject({ from: '2026-01-01', to: '2026-12-31' })
  })

  it('the trend is the twelve months ending with the period’s month, across the new year', () => {
    expect(trendMonths('month', '2026-02-10')).toEqual(['2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02'])
    expect(trendMonths('year', '2026-06-01')[0]).toBe('2026-01')
  })

  it('months are grouped in SQL only where the zone keeps one offset all year', () => {
    expect(steadyOffset(trendMonths('year', '2026-01-01'), 'Asia/Shanghai')).toBe(480)
    expect(steadyOffset(trendMonths('year', '2026-01-01'), 'Europe/Berlin')).toBeNull()
  })
})

describe('whether a figure meets its target', () => {
  it('reaching figures meet at the target; "less than" figures miss at it; no data is neither', () => {
    expect(meets('timeliness', 90, 90)).toBe(true)
    expect(meets('timeliness', 89.9, 90)).toBe(false)
    expect(meets('serviceFaultComplaints', 3, 3)).toBe(false)
    expect(meets('serviceFaultComplaints', 2.9, 3)).toBe(true)
    expect(meets('solveWorst', 96, 96)).toBe(true)
    expect(meets('satisfaction', null, 85)).toBeNull()
  })
})
