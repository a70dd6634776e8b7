import { afterEach, describe, expect, it } from 'vitest'
import { boardShop, type BoardShop } from './setup'

let b: BoardShop
afterEach(() => b?.shop.close())

const refusal = (over: Record<string, unknown>) =>
  b.shop.refusal(b.desk, 'appointments.book', {
    customerId: b.vehicles[3]!.customerId,
    vehicleId: b.vehicles[3]!.vehicleId,
    advisorId: b.advisors[1]!,
    bayId: b.bays[0]!,
    startsAt: '2026-12-05T09:00',
    durationMinutes: 60,
    serviceType: 'repair',
    channel: 'phone',
    ...over
  })

describe('the clash check on booking', () => {
  it('refuses a booking overlapping another in the same bay, names it and offers the next free slot', async () => {
    b = await boardShop()
    const first = await b.book({ startsAt: '2026-12-05T09:00', durationMinutes: 90 })
    const err = await refusal({ startsAt: '2026-12-05T10:00' })
    expect(err.code).toBe('board.clash_bay')
    expect(err.params?.number).toBe(first.number)
    expect(err.params?.plate).toBe('粤B·A1001')
    expect(err.message).toContain(first.number)
    // the earliest free time first (another bay), and the wanted bay again at 10:30 when the first ends
    expect(err.params?.slot).toBe('2026-12-05 10:00 2号工位')
    expect(err.params?.slots).toContain(`2026-12-05T10:30|${b.bays[0]}|1号工位`)
  })

  it('accepts two bookings of one bay that touch end to start', async () => {
    b = await boardShop()
    await b.book({ startsAt: '2026-12-05T09:00', durationMinutes: 60 })
    const second = await b.book({ startsAt: '2026-12-05T10:00', advisorId: b.advisors[1] })
    expect(second.id).toBeGreaterThan(0)
    const err = await refusal({ startsAt: '2026-12-05T08:15', durationMinutes: 46 })
    expect(err.code).toBe('board.clash_bay')
  })

  it("refuses a booking 59 minutes after the advisor's previous one and accepts one exactly the interval after", async () => {
    b = await boardShop()
    const first = await b.book({ startsAt: '2026-12-05T09:00', bayId: b.bays[0] })
    const err = await refusal({ advisorId: b.advisors[0], bayId: b.bays[1], startsAt: '2026-12-05T09:59', durationMinutes: 30 })
    expect(err.code).toBe('board.clash_advisor')
    expect(err.params?.number).toBe(first.number)
    const before = await refusal({ advisorId: b.advisors[0], bayId: b.bays[1], startsAt: '2026-12-05T08:01', durationMinutes: 30 })
    expect(before.code).toBe('board.clash_advisor')
    await b.book({ advisorId: b.advisors[0], bayId: b.bays[1], startsAt: '2026-12-05T10:00' })
    await b.book({ advisorId: b.advisors[0], bayId: b.bays[2], startsAt: '2026-12-05T08:00' })
  })

  it('follows the interval the shop sets', async () => {
    b = await boardShop()
    const { settings } = await b.shop.call(b.desk, 'appointments.settings.get', {})
    await b.shop.call(b.desk, 'appointments.settings.update', { ...settings, intervalMinutes: 30 })
    await b.book({ startsAt: '2026-12-05T09:00' })
    await b.book({ startsAt: '2026-12-05T09:30', bayId: b.bays[1] })
    expect((await refusal({ advisorId: b.advisors[0], bayId: b.bays[2], startsAt: '2026-12-05T09:45' })).code).toBe('board.clash_advisor')
  })

  it('refuses a booking outside opening hours, including one that runs past closing', async () => {
    b = await boardShop()
    expect((await refusal({ startsAt: '2026-12-05T07:45' })).code).toBe('board.clash_hours')
    expect((await refusal({ startsAt: '2026-12-05T17:30', durationMinutes: 45 })).code).toBe('board.clash_hours')
    const ok = await b.book({ startsAt: '2026-12-05T17:00', durationMinutes: 60 })
    expect(ok.id).toBeGreaterThan(0)
    const { settings } = await b.shop.call(b.desk, 'appointments.settings.get', {})
    await b.shop.call(b.desk, 'appointments.settings.update', { ...settings, openingHours: settings.openingHours.map((d, i) => (i === 0 ? null : d)) })
    const closed = await refusal({ startsAt: '2026-12-06T10:00' })
    expect(closed.code).toBe('board.clash_closed')
    // Sunday is closed, so the next free slot is Monday morning
    expect(closed.params?.slot).toBe('2026-12-07 08:00 1号工位')
  })

  it('across midnight: a shop open round the clock still keeps an advisor an interval apart over the date change', async () => {
    b = await boardShop()
    const { settings } = await b.shop.call(b.desk, 'appointments.settings.get', {})
    await b.shop.call(b.desk, 'appointments.settings.update', { ...settings, openingHours: settings.openingHours.map(() => ({ open: '00:00', close: '24:00' })) })
    await b.book({ startsAt: '2026-12-05T23:30', durationMinutes: 60, bayId: b.bays[0] })
    const err = await refusal({ advisorId: b.advisors[0], bayId: b.bays[1], startsAt: '2026-12-06T00:15', durationMinutes: 30 })
    expect(err.code).toBe('board.clash_advisor')
    const bay = await refusal({ bayId: b.bays[0], startsAt: '2026-12-06T00:00', durationMinutes: 30 })
    expect(bay.code).toBe('board.clash_bay')
    await b.book({ advisorId: b.advisors[0], bayId: b.bays[1], startsAt: '2026-12-06T00:30' })
  })

  it('with normal hours a booking that would run over midnight is outside opening hours', async () => {
    b = await boardShop()
    expect((await refusal({ startsAt: '2026-12-05T17:45', durationMinutes: 480 })).code).toBe('board.clash_hours')
  })

  it('refuses blocked time: a bay out of service, an advisor on leave', async () => {
    b = await boardShop()
    await b.shop.call(b.desk, 'appointments.blocks.add', { bayId: b.bays[0], startsAt: '2026-12-05T08:00', endsAt: '2026-12-05T12:00', reason: '举升机检修' })
    await b.shop.call(b.desk, 'appointments.blocks.add', { advisorId: b.advisors[1], startsAt: '2026-12-05T13:00', endsAt: '2026-12-05T18:00', reason: '请假' })
    const bay = await refusal({ startsAt: '2026-12-05T11:30' })
    expect(bay.code).toBe('board.clash_bay_blocked')
    expect(bay.params?.reason).toBe('举升机检修')
    expect((await refusal({ bayId: b.bays[1], startsAt: '2026-12-05T14:00' })).code).toBe('board.clash_advisor_blocked')
    await b.book({ startsAt: '2026-12-05T12:00', advisorId: b.advisors[1] })
  })

  it('refuses a booking in the past', async () => {
    b = await boardShop()
    expect((await refusal({ startsAt: '2026-12-04T08:30' })).code).toBe('board.in_past')
  })

  it('a booking that no longer holds a bay (cancelled, no-show, late) frees it', async () => {
    b = await boardShop()
    const a = await b.book({ startsAt: '2026-12-05T09:00' })
    await b.shop.call(b.desk, 'appointments.cancel', { id: a.id, version: a.version, reason: '客户改期' })
    await b.book({ startsAt: '2026-12-05T09:00' })
  })
})

describe('the clash check on reschedule', () => {
  it('lets a booking be moved onto itself and within its own time', async () => {
    b = await boardShop()
    const a = await b.book({ startsAt: '2026-12-05T09:00', durationMinutes: 60 })
    const same = await b.shop.call(b.desk, 'appointments.move', { id: a.id, version: a.version, startsAt: '2026-12-05T09:00', durationMinutes: 60, bayId: b.bays[0]!, advisorId: b.advisors[0]! })
    expect(same.startsAt).toBe('2026-12-05T09:00')
    const later = await b.shop.call(b.desk, 'appointments.move', { id: a.id, version: same.version, startsAt: '2026-12-05T09:30', durationMinutes: 90, bayId: b.bays[0]!, advisorId: b.advisors[0]! })
    expect(later.endsAt).toBe('2026-12-05T11:00')
  })

  it('refuses a move onto another booking with the same message as booking, and an old version', async () => {
    b = await boardShop()
    const a = await b.book({ startsAt: '2026-12-05T09:00' })
    const c = await b.book({ startsAt: '2026-12-05T11:00', advisorId: b.advisors[1] })
    const err = await b.shop.refusal(b.desk, 'appointments.move', { id: c.id, version: c.version, startsAt: '2026-12-05T09:30', durationMinutes: 60, bayId: b.bays[0], advisorId: b.advisors[1] })
    expect(err.code).toBe('board.clash_bay')
    expect(err.params?.number).toBe(a.number)
    const resize = await b.shop.refusal(b.desk, 'appointments.move', { id: a.id, version: a.version, startsAt: '2026-12-05T09:00', durationMinutes: 150, bayId: b.bays[0], advisorId: b.advisors[0] })
    expect(resize.code).toBe('board.clash_bay')
    await b.shop.call(b.desk, 'appointments.move', { id: a.id, version: a.version, startsAt: '2026-12-05T09:00', durationMinutes: 120, bayId: b.bays[0]!, advisorId: b.advisors[0]! })
    const stale = await b.shop.refusal(b.desk, 'appointments.move', { id: a.id, version: a.version, startsAt: '2026-12-05T08:00', durationMinutes: 60, bayId: b.bays[0], advisorId: b.advisors[0] })
    // an old copy is refused, naming who moved it in between
    expect(stale.code).toBe('changed_by_other')
    expect(stale.params?.by).toBe('前台 王芳')
  })

  it("a job still in its bay from yesterday (checked in, work order open) occupies the bay today", async () => {
    b = await boardShop(new Date('2026-12-03T01:00:00Z'))
    const a = await b.book({ startsAt: '2026-12-03T15:00', durationMinutes: 120 })
    const db = b.shop.core.db
    const wo = db.prepare(`INSERT INTO work_orders (number, customer_id, vehicle_id, appointment_id, opened_at, created_at, updated_at) VALUES ('WO1', ?, ?, ?, 'x', 'x', 'x')`).run(b.vehicles[0]!.customerId, b.vehicles[0]!.vehicleId, a.id)
    b.shop.clock.set(new Date('2026-12-03T07:00:00Z'))
    const { markCheckedIn } = await import('../../../src/main/domain/appointments')
    db.transaction(() => markCheckedIn(db, null, b.shop.clock.now(), a.id, Number(wo.lastInsertRowid)))()
    b.shop.clock.set(new Date('2026-12-04T01:00:00Z'))
    b.desk = b.shop.session(['frontdesk_supervisor', 'advisor'], '前台 次日')
    const err = await refusal({ startsAt: '2026-12-04T10:00' })
    expect(err.code).toBe('board.clash_carried')
    expect(err.params?.plate).toBe('粤B·A1001')
    const board = await b.shop.call(b.desk, 'appointments.board', { date: '2026-12-04' })
    expect(board.carriedOver.map((c) => c.appointmentId)).toEqual([a.id])
    // another bay is free
    await b.book({ startsAt: '2026-12-04T10:00', bayId: b.bays[1], advisorId: b.advisors[1] })
    // tomorrow the bay is free again unless someone says the job stays longer
    await b.book({ startsAt: '2026-12-05T10:00' })
    const current = await b.shop.call(b.desk, 'appointments.get', { id: a.id })
    await b.shop.call(b.desk, 'appointments.carryOver', { id: a.id, version: current.version, until: '2026-12-05T12:00' })
    expect((await refusal({ startsAt: '2026-12-05T11:00', advisorId: b.advisors[1] })).code).toBe('board.clash_carried')
  })
})
