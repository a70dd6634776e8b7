import { describe, expect, it } from 'vitest'
import {
  DEFAULT_FOLLOWUP_SETTINGS as S,
  addMonths,
  addShopDays,
  campaignCallWindow,
  campaignLetterWindow,
  firstCallWindow,
  isUnreachable,
  overdueDays,
  secondCallWindow,
  serviceDue,
  serviceReminderWindow
} from '../../src/main/domain/followup/rules'

const skip = { ...S, skipWeekends: true }

describe('follow-up due dates', () => {
  it('counts weekends as days unless the settings skip them', () => {
    // Friday 4 Dec 2026.
    expect(firstCallWindow('2026-12-04', S)).toEqual({ from: '2026-12-07', by: '2026-12-11' })
    expect(firstCallWindow('2026-12-04', skip)).toEqual({ from: '2026-12-09', by: '2026-12-15' })
  })

  it('starts counting working days on Monday when the vehicle left on a weekend', () => {
    expect(addShopDays('2026-12-05', 0, true)).toBe('2026-12-07')
    expect(addShopDays('2026-12-06', 1, true)).toBe('2026-12-08')
    expect(addShopDays('2026-12-06', 1, false)).toBe('2026-12-07')
  })

  it('makes the second call due from the day after the first call to a week after it', () => {
    expect(secondCallWindow('2026-12-10', S)).toEqual({ from: '2026-12-11', by: '2026-12-17' })
    expect(secondCallWindow('2026-12-11', skip)).toEqual({ from: '2026-12-14', by: '2026-12-22' })
  })

  it('gives a phone notice two weeks before an event, the working day before when that is a weekend', () => {
    expect(campaignCallWindow('2026-12-20', S)).toEqual({ from: '2026-12-06', by: '2026-12-06' })
    expect(campaignCallWindow('2026-12-20', skip)).toEqual({ from: '2026-12-04', by: '2026-12-04' })
    expect(campaignLetterWindow('2026-12-04', S)).toEqual({ from: '2026-12-04', by: '2026-12-06' })
  })

  it('adds months clamped to the end of a shorter month', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28')
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29')
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15')
  })

  it('gives a vehicle with no service history (or no interval) no due date', () => {
    expect(serviceDue([], { km: 5000, months: 6 }, 40)).toBeNull()
    expect(serviceDue([{ date: '2026-06-01', km: 1000 }], { km: null, months: null }, 40)).toBeNull()
  })

  it('takes whichever of months and estimated kilometres comes first', () => {
    const slow = serviceDue([{ date: '2026-06-01', km: 30_000 }], { km: 10_000, months: 6 }, 40)
    expect(slow).toMatchObject({ dueDate: '2026-12-01', dueBy: 'months', dueKm: 40_000 })
    const fast = serviceDue([{ date: '2026-01-01', km: 10_000 }, { date: '2026-06-01', km: 25_100 }], { km: 5000, months: 6 }, 40)
    expect(fast).toMatchObject({ dueBy: 'km', kmPerDay: 100, dueDate: '2026-07-21', dueKm: 30_100 })
  })

  it('falls back to the shop average when readings are less than 30 days apart', () => {
    const d = serviceDue([{ date: '2026-06-01', km: 10_000 }, { date: '2026-06-20', km: 15_000 }], { km: 4000, months: 12 }, 40)
    expect(d).toMatchObject({ kmPerDay: 40, dueDate: '2026-09-28', dueBy: 'km' })
  })

  it('reminds from the lead time before the due date until the due date', () => {
    expect(serviceReminderWindow('2026-12-20', S)).toEqual({ from: '2026-12-06', by: '2026-12-20' })
    expect(serviceReminderWindow('2026-12-20', skip)).toEqual({ from: '2026-12-04', by: '2026-12-18' })
  })

  it('counts a task overdue from the day after its last due day', () => {
    expect(overdueDays('2026-12-11', '2026-12-11')).toBe(0)
    expect(overdueDays('2026-12-11', '2026-12-12')).toBe(1)
  })

  it('gives up on a customer unreachable for exactly five days, not a minute sooner', () => {
    const since = '2026-12-01T02:00:00.000Z'
    expect(isUnreachable(since, new Date('2026-12-06T01:59:00Z'), 5)).toBe(false)
    expect(isUnreachable(since, new Date('2026-12-06T02:00:00Z'), 5)).toBe(true)
    expect(isUnreachable(null, new Date('2027-01-01T00:00:00Z'), 5)).toBe(false)
  })
})
