import { describe, expect, it } from 'vitest'
import { findClash, type Candidate, type Occupant } from '../../src/main/domain/appointments/clash'
import { DEFAULT_BOARD_SETTINGS } from '../../src/main/domain/appointments/settings'
import type { Block, BoardSettings } from '../../src/shared/contract/appointments'

const settings: BoardSettings = { ...DEFAULT_BOARD_SETTINGS, intervalMinutes: 60 }
const roundTheClock: BoardSettings = { ...settings, openingHours: settings.openingHours.map(() => ({ open: '00:00', close: '24:00' })) }

const booking = (o: Partial<Occupant> & { startsAt: string; endsAt: string }): Occupant => ({ id: 1, plate: '粤B·12345', bayId: 1, advisorId: 1, carried: false, ...o })
const want = (c: Partial<Candidate> & { startsAt: string; endsAt: string }): Candidate => ({ id: null, bayId: 1, advisorId: 2, ...c })
const check = (c: Candidate, occupants: Occupant[] = [], blocks: Block[] = [], s = settings) => findClash(c, { settings: s, occupants, blocks })?.kind ?? null

// 2026-12-05 is a Saturday (open 08:00–18:00 by default); 2026-12-06 a Sunday (09:00–17:00).
describe('the clash rules at their edges', () => {
  const nine = booking({ startsAt: '2026-12-05T09:00', endsAt: '2026-12-05T10:00' })

  it('accepts touching bookings in one bay, before and after', () => {
    expect(check(want({ startsAt: '2026-12-05T10:00', endsAt: '2026-12-05T11:00' }), [nine])).toBeNull()
    expect(check(want({ startsAt: '2026-12-05T08:00', endsAt: '2026-12-05T09:00' }), [nine])).toBeNull()
  })

  it('refuses a one-minute overlap in the bay, at either end and when one holds the other', () => {
    expect(check(want({ startsAt: '2026-12-05T09:59', endsAt: '2026-12-05T10:30' }), [nine])).toBe('bay')
    expect(check(want({ startsAt: '2026-12-05T08:00', endsAt: '2026-12-05T09:01' }), [nine])).toBe('bay')
    expect(check(want({ startsAt: '2026-12-05T08:00', endsAt: '2026-12-05T11:00' }), [nine])).toBe('bay')
    expect(check(want({ startsAt: '2026-12-05T09:15', endsAt: '2026-12-05T09:30' }), [nine])).toBe('bay')
  })

  it("refuses a booking 59 minutes after the advisor's previous one; exactly the interval is fine, either side", () => {
    const other = { bayId: 2, advisorId: 1 }
    expect(check(want({ ...other, startsAt: '2026-12-05T09:59', endsAt: '2026-12-05T10:30' }), [nine])).toBe('advisor')
    expect(check(want({ ...other, startsAt: '2026-12-05T08:01', endsAt: '2026-12-05T08:30' }), [nine])).toBe('advisor')
    expect(check(want({ ...other, startsAt: '2026-12-05T10:00', endsAt: '2026-12-05T10:30' }), [nine])).toBeNull()
    expect(check(want({ ...other, startsAt: '2026-12-05T08:00', endsAt: '2026-12-05T08:30' }), [nine])).toBeNull()
    expect(check(want({ ...other, startsAt: '2026-12-05T09:45', endsAt: '2026-12-05T10:30' }), [nine], [], { ...settings, intervalMinutes: 45 })).toBeNull()
  })

  it('across midnight: the interval and the bay count over the date change when the shop is open round the clock', () => {
    const late = booking({ startsAt: '2026-12-05T23:30', endsAt: '2026-12-06T00:30' })
    expect(check(want({ bayId: 2, advisorId: 1, startsAt: '2026-12-06T00:29', endsAt: '2026-12-06T01:00' }), [late], [], roundTheClock)).toBe('advisor')
    expect(check(want({ bayId: 2, advisorId: 1, startsAt: '2026-12-06T00:30', endsAt: '2026-12-06T01:00' }), [late], [], roundTheClock)).toBeNull()
    expect(check(want({ startsAt: '2026-12-06T00:15', endsAt: '2026-12-06T00:45' }), [late], [], roundTheClock)).toBe('bay')
    expect(check(want({ startsAt: '2026-12-06T00:30', endsAt: '2026-12-06T01:00' }), [late], [], roundTheClock)).toBeNull()
    expect(check(want({ startsAt: '2026-12-05T23:30', endsAt: '2026-12-06T00:30' }), [], [], roundTheClock)).toBeNull()
    // with ordinary hours the same booking is outside them
    expect(check(want({ startsAt: '2026-12-05T17:30', endsAt: '2026-12-06T00:30' }))).toBe('hours')
  })

  it('keeps to opening hours: from opening to closing exactly is fine, a minute either side is not, a closed day is closed', () => {
    expect(check(want({ startsAt: '2026-12-05T08:00', endsAt: '2026-12-05T18:00' }))).toBeNull()
    expect(check(want({ startsAt: '2026-12-05T07:59', endsAt: '2026-12-05T09:00' }))).toBe('hours')
    expect(check(want({ startsAt: '2026-12-05T17:00', endsAt: '2026-12-05T18:01' }))).toBe('hours')
    expect(check(want({ startsAt: '2026-12-06T08:30', endsAt: '2026-12-06T09:30' }))).toBe('hours')
    const sundayClosed = { ...settings, openingHours: settings.openingHours.map((d, i) => (i === 0 ? null : d)) }
    expect(check(want({ startsAt: '2026-12-06T10:00', endsAt: '2026-12-06T11:00' }), [], [], sundayClosed)).toBe('closed')
  })

  it('a booking moved onto itself does not clash with itself, in the bay or with its advisor', () => {
    const self = booking({ id: 7, startsAt: '2026-12-05T09:00', endsAt: '2026-12-05T10:00' })
    expect(check({ id: 7, bayId: 1, advisorId: 1, startsAt: '2026-12-05T09:00', endsAt: '2026-12-05T10:00' }, [self])).toBeNull()
    expect(check({ id: 7, bayId: 1, advisorId: 1, startsAt: '2026-12-05T09:30', endsAt: '2026-12-05T10:30' }, [self])).toBeNull()
    expect(check({ id: 8, bayId: 1, advisorId: 1, startsAt: '2026-12-05T09:00', endsAt: '2026-12-05T10:00' }, [self])).toBe('bay')
  })

  it('blocked time: a bay out of service overlapping at all; an advisor on leave at the reception time', () => {
    const block = (o: Partial<Block>): Block => ({ id: 1, bayId: null, advisorId: null, startsAt: '2026-12-05T12:00', endsAt: '2026-12-05T14:00', reason: null, label: '', ...o })
    expect(check(want({ startsAt: '2026-12-05T11:30', endsAt: '2026-12-05T12:30' }), [], [block({ bayId: 1 })])).toBe('bay_blocked')
    expect(check(want({ startsAt: '2026-12-05T11:00', endsAt: '2026-12-05T12:00' }), [], [block({ bayId: 1 })])).toBeNull()
    expect(check(want({ startsAt: '2026-12-05T13:59', endsAt: '2026-12-05T14:30' }), [], [block({ advisorId: 2 })])).toBe('advisor_blocked')
    expect(check(want({ startsAt: '2026-12-05T14:00', endsAt: '2026-12-05T15:00' }), [], [block({ advisorId: 2 })])).toBeNull()
  })

  it("a carried-over job holds its bay but not its advisor's time", () => {
    const carried = booking({ startsAt: '2026-12-05T00:00', endsAt: '2026-12-05T12:00', carried: true, advisorId: 2 })
    expect(check(want({ startsAt: '2026-12-05T11:00', endsAt: '2026-12-05T11:30' }), [carried])).toBe('carried')
    expect(check(want({ bayId: 2, startsAt: '2026-12-05T11:00', endsAt: '2026-12-05T11:30' }), [carried])).toBeNull()
  })
})
