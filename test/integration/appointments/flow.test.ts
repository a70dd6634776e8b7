import { afterEach, describe, expect, it } from 'vitest'
import { pdfText } from '../../helpers/pdf'
import { boardShop, type BoardShop } from './setup'

let b: BoardShop
afterEach(() => b?.shop.close())

/** Moves the shop's clock to a Shanghai wall-clock time and signs the counter in again. */
function at(local: string): void {
  b.shop.clock.set(new Date(`${local}:00+08:00`))
  b.desk = b.shop.session(['frontdesk_supervisor', 'advisor'], `前台 ${local}`)
}

const get = (id: number) => b.shop.call(b.desk, 'appointments.get', { id })

describe('the status flow of a booking', () => {
  it('booked → confirmed (bay, parts and time checked) → reminded with the call result → arrived on time', async () => {
    b = await boardShop()
    const a = await b.book({ startsAt: '2026-12-05T10:00', complaint: '刹车异响', parts: [{ description: '前刹车片', qty: 1 }] })
    const c = await b.shop.call(b.desk, 'appointments.confirm', { id: a.id, version: a.version, bayChecked: true, partsChecked: true, timeChecked: true })
    expect(c.status).toBe('confirmed')
    expect(c.confirmedBy).toBe('前台 王芳')
    expect((await b.shop.refusal(b.desk, 'appointments.confirm', { id: a.id, version: c.version, bayChecked: true, partsChecked: true, timeChecked: true })).code).toBe('board.bad_status')
    at('2026-12-05T09:00')
    const r = await b.shop.call(b.desk, 'appointments.remind', { id: a.id, version: c.version, result: 'coming', note: '客户确认10点到' })
    expect([r.status, r.remindResult]).toEqual(['reminded', 'coming'])
    at('2026-12-05T10:15')
    const arrived = await b.shop.call(b.desk, 'appointments.arrive', { id: a.id, version: r.version })
    expect([arrived.status, arrived.arrival, arrived.bayId]).toEqual(['arrived', 'on_time', b.bays[0]])
    expect(arrived.parts).toEqual([expect.objectContaining({ description: '前刹车片', qty: 1, partId: null })])
  })

  it('arriving 16 minutes late keeps the labour discount but loses the held bay, which can be booked again', async () => {
    b = await boardShop()
    const a = await b.book({ startsAt: '2026-12-05T10:00' })
    at('2026-12-05T10:16')
    const late = await b.shop.call(b.desk, 'appointments.arrive', { id: a.id, version: a.version })
    expect([late.status, late.arrival, late.bayId, late.heldBayId, late.bookedDiscount]).toEqual(['late', 'late', null, b.bays[0], true])
    await b.book({ startsAt: '2026-12-05T10:30', advisorId: b.advisors[1], bayId: b.bays[0] })
    const { getAppointmentForCheckIn } = await import('../../../src/main/domain/appointments')
    expect(getAppointmentForCheckIn(b.shop.core.db, a.id).bayId).toBeNull()
  })

  it('a customer past the window gets a late call whose result and delay are on the board; no-show only after the window', async () => {
    b = await boardShop()
    const a = await b.book({ startsAt: '2026-12-05T10:00' })
    at('2026-12-05T10:15')
    expect((await b.shop.refusal(b.desk, 'appointments.lateCall', { id: a.id, version: a.version, result: 'delayed', delayMinutes: 20 })).code).toBe('board.window_open')
    expect((await b.shop.refusal(b.desk, 'appointments.noShow', { id: a.id, version: a.version })).code).toBe('board.window_open')
    at('2026-12-05T10:20')
    const called = await b.shop.call(b.desk, 'appointments.lateCall', { id: a.id, version: a.version, result: 'delayed', delayMinutes: 20, note: '堵车' })
    expect([called.lateCallResult, called.lateCallDelay, called.status]).toEqual(['delayed', 20, 'booked'])
    const workshop = b.shop.session(['workshop_supervisor'], '车间 赵师傅')
    const board = await b.shop.call(workshop, 'appointments.board', { date: '2026-12-05' })
    expect(board.appointments.find((x) => x.id === a.id)).toMatchObject({ lateCallResult: 'delayed', lateCallDelay: 20, lateCallBy: '前台 2026-12-05T10:20' })
    expect((await b.shop.refusal(workshop, 'appointments.arrive', { id: a.id, version: called.version })).code).toBe('forbidden')
    const gone = await b.shop.call(b.desk, 'appointments.noShow', { id: a.id, version: called.version })
    expect(gone.status).toBe('no_show')
  })

  it('a customer who cancels on the reminder call is cancelled; a cancelled booking cannot arrive', async () => {
    b = await boardShop()
    const a = await b.book({ startsAt: '2026-12-05T10:00' })
    const r = await b.shop.call(b.desk, 'appointments.remind', { id: a.id, version: a.version, result: 'cancelling', note: '车已卖' })
    expect([r.status, r.cancelReason]).toEqual(['cancelled', '车已卖'])
    at('2026-12-05T10:00')
    expect((await b.shop.refusal(b.desk, 'appointments.arrive', { id: a.id, version: r.version })).code).toBe('board.bad_status')
  })

  it('the check-in flow takes the booking and marks it checked in with its work order; a cancelled one is refused', async () => {
    b = await boardShop()
    const a = await b.book({ startsAt: '2026-12-05T10:00', complaint: '空调不凉' })
    const { getAppointmentForCheckIn, markCheckedIn } = await import('../../../src/main/domain/appointments')
    const db = b.shop.core.db
    expect(getAppointmentForCheckIn(db, a.id)).toEqual({
      id: a.id, customerId: b.vehicles[0]!.customerId, vehicleId: b.vehicles[0]!.vehicleId, advisorId: b.advisors[0], bayId: b.bays[0], startsAt: '2026-12-05T10:00', complaint: '空调不凉'
    })
    expect(() => getAppointmentForCheckIn(db, 9999)).toThrow(expect.objectContaining({ code: 'not_found' }))
    at('2026-12-05T10:05')
    const wo = db.prepare(`INSERT INTO work_orders (number, customer_id, vehicle_id, appointment_id, opened_at, created_at, updated_at) VALUES ('WO9', ?, ?, ?, 'x', 'x', 'x')`).run(b.vehicles[0]!.customerId, b.vehicles[0]!.vehicleId, a.id)
    db.transaction(() => markCheckedIn(db, null, b.shop.clock.now(), a.id, Number(wo.lastInsertRowid)))()
    const after = await get(a.id)
    expect([after.status, after.arrival, after.workOrderId]).toEqual(['checked_in', 'on_time', Number(wo.lastInsertRowid)])
    expect(() => db.transaction(() => markCheckedIn(db, null, b.shop.clock.now(), a.id, 1))()).toThrow(expect.objectContaining({ code: 'board.bad_status' }))
    const audit = db.prepare("SELECT action FROM audit_log WHERE entity = 'appointment' AND entity_id = ? ORDER BY id").all(String(a.id)) as Array<{ action: string }>
    expect(audit.map((x) => x.action)).toEqual(['create', 'check-in'])
  })
})

describe('changing what a booking is for', () => {
  it('replaces the parts needed and the customer’s words, keeps the time, and refuses a cancelled booking', async () => {
    b = await boardShop()
    const a = await b.book({ startsAt: '2026-12-05T10:00', parts: [{ description: '机油滤清器', qty: 1 }] })
    const u = await b.shop.call(b.desk, 'appointments.update', { id: a.id, version: a.version, serviceType: 'repair', complaint: '方向盘抖动', channel: 'online', notes: null, parts: [{ description: '前刹车盘', qty: 2 }] })
    expect([u.serviceType, u.complaint, u.channel, u.startsAt]).toEqual(['repair', '方向盘抖动', 'online', '2026-12-05T10:00'])
    expect(u.parts.map((p) => [p.description, p.qty])).toEqual([['前刹车盘', 2]])
    const rows = b.shop.core.db.prepare('SELECT description FROM appointment_parts WHERE appointment_id = ?').all(a.id)
    expect(rows).toEqual([{ description: '前刹车盘' }])
    const c = await b.shop.call(b.desk, 'appointments.cancel', { id: a.id, version: u.version, reason: '改天' })
    expect((await b.shop.refusal(b.desk, 'appointments.update', { id: a.id, version: c.version, serviceType: 'repair', channel: 'phone', parts: [] })).code).toBe('board.bad_status')
  })
})

describe('the counter’s timed tasks', () => {
  it('lists tomorrow’s bookings to confirm before closing and today’s call, bay, lane and kit; a tick records who and when', async () => {
    b = await boardShop()
    const tomorrow = await b.book({ startsAt: '2026-12-05T10:00' })
    const today = await b.book({ startsAt: '2026-12-04T14:00', advisorId: b.advisors[1] })
    const tasks = await b.shop.call(b.desk, 'appointments.tasks', { date: '2026-12-04' })
    const confirm = tasks.find((t) => t.task === 'confirm')
    expect(confirm).toMatchObject({ appointmentId: tomorrow.id, dueAt: '2026-12-04T18:00', done: false })
    const mine = tasks.filter((t) => t.appointmentId === today.id)
    expect(Object.fromEntries(mine.map((t) => [t.task, t.dueAt]))).toMatchObject({ call: '2026-12-04T13:00', bay_clean: '2026-12-04T13:45', lane_free: '2026-12-04T13:55', kit_three_piece: '2026-12-04T13:30' })
    expect(mine).toHaveLength(10)
    b.shop.clock.set(new Date('2026-12-04T05:46:00Z'))
    const ticked = await b.shop.call(b.desk, 'appointments.tasks.tick', { appointmentId: today.id, task: 'bay_clean', done: true })
    expect(ticked).toMatchObject({ done: true, doneBy: '前台 王芳' })
    expect(ticked.doneAt?.slice(0, 16)).toBe('2026-12-04T05:46')
    await b.shop.call(b.desk, 'appointments.confirm', { id: tomorrow.id, version: tomorrow.version, bayChecked: true, partsChecked: true, timeChecked: true })
    const again = await b.shop.call(b.desk, 'appointments.tasks', { date: '2026-12-04' })
    expect(again.find((t) => t.task === 'confirm')?.done).toBe(true)
    expect(again.find((t) => t.appointmentId === today.id && t.task === 'bay_clean')?.done).toBe(true)
    const untick = await b.shop.call(b.desk, 'appointments.tasks.tick', { appointmentId: today.id, task: 'bay_clean', done: false })
    expect(untick.done).toBe(false)
  })
})

describe('the daily summary and the service director’s sign-off', () => {
  it('only the service director signs off, only a past day whose bookings are all settled, once; the board lists unsigned days', async () => {
    b = await boardShop()
    const a = await b.book({ startsAt: '2026-12-05T10:00' })
    const c = await b.book({ startsAt: '2026-12-05T11:00', advisorId: b.advisors[1] })
    at('2026-12-05T10:05')
    await b.shop.call(b.desk, 'appointments.arrive', { id: a.id, version: a.version })
    at('2026-12-06T09:00')
    const director = b.shop.session(['service_director'], '总监 周明')
    expect((await b.shop.call(director, 'appointments.board', { date: '2026-12-06' })).unsignedDays).toEqual(['2026-12-05'])
    expect((await b.shop.refusal(b.desk, 'appointments.signOff', { date: '2026-12-05' })).code).toBe('forbidden')
    const open = await b.shop.refusal(director, 'appointments.signOff', { date: '2026-12-05' })
    expect([open.code, open.params?.count]).toEqual(['board.day_open', 1])
    await b.shop.call(b.desk, 'appointments.noShow', { id: c.id, version: c.version })
    expect((await b.shop.refusal(director, 'appointments.signOff', { date: '2026-12-06' })).code).toBe('board.day_not_over')
    const signed = await b.shop.call(director, 'appointments.signOff', { date: '2026-12-05' })
    expect(signed.by).toBe('总监 周明')
    expect((await b.shop.refusal(director, 'appointments.signOff', { date: '2026-12-05' })).code).toBe('board.already_signed')
    const board = await b.shop.call(director, 'appointments.board', { date: '2026-12-05' })
    expect(board.unsignedDays).toEqual([])
    expect(board.signoff?.by).toBe('总监 周明')
    const ref = await b.shop.call(director, 'appointments.print.summary', { date: '2026-12-05', locale: 'zh-CN' })
    const doc = b.shop.core.documents.take(ref.documentId, director)
    const text = (await pdfText(doc!.pdf)).join('\n')
    for (const s of ['日预约汇总表', '粤B·A1001', '粤B·A1002', '准时到店', '爽约', '总监 周明']) expect(text).toContain(s)
  })

  it('prints the slip and the windscreen card of a booking in Traditional Chinese', async () => {
    b = await boardShop()
    const a = await b.book({ startsAt: '2026-12-05T10:00', complaint: '冷氣不冷' })
    const slip = await b.shop.call(b.desk, 'appointments.print.slip', { id: a.id, locale: 'zh-TW' })
    const slipText = (await pdfText(b.shop.core.documents.take(slip.documentId, b.desk)!.pdf)).join('\n')
    for (const s of ['預約單', '粤B·A1001', '冷氣不冷', '10:00', a.number]) expect(slipText).toContain(s)
    const card = await b.shop.call(b.desk, 'appointments.print.windscreenCard', { id: a.id, locale: 'zh-TW' })
    const cardText = (await pdfText(b.shop.core.documents.take(card.documentId, b.desk)!.pdf)).join('\n')
    for (const s of ['預 約', '粤B·A1001', '10:00']) expect(cardText).toContain(s)
  })
})

describe('the figures', () => {
  it('booking rate from work orders, on-time and no-show rates from settled bookings, per day, week and month', async () => {
    b = await boardShop()
    const x = await b.book({ startsAt: '2026-12-05T09:00' })
    const y = await b.book({ startsAt: '2026-12-05T10:00' })
    const z = await b.book({ startsAt: '2026-12-05T11:00' })
    const w = await b.book({ startsAt: '2026-12-05T12:00' })
    at('2026-12-05T09:05')
    await b.shop.call(b.desk, 'appointments.arrive', { id: x.id, version: x.version })
    at('2026-12-05T10:30')
    await b.shop.call(b.desk, 'appointments.arrive', { id: y.id, version: y.version })
    await b.shop.call(b.desk, 'appointments.cancel', { id: w.id, version: w.version, reason: '改期' })
    at('2026-12-05T11:30')
    await b.shop.call(b.desk, 'appointments.noShow', { id: z.id, version: z.version })
    const db = b.shop.core.db
    const wo = db.prepare(`INSERT INTO work_orders (number, customer_id, vehicle_id, appointment_id, opened_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'x', 'x')`)
    wo.run('W1', b.vehicles[0]!.customerId, b.vehicles[0]!.vehicleId, x.id, '2026-12-05T01:10:00.000Z')
    wo.run('W2', b.vehicles[1]!.customerId, b.vehicles[1]!.vehicleId, null, '2026-12-05T02:00:00.000Z')
    wo.run('W3', b.vehicles[2]!.customerId, b.vehicles[2]!.vehicleId, null, '2026-12-05T03:00:00.000Z')
    wo.run('W4', b.vehicles[3]!.customerId, b.vehicles[3]!.vehicleId, y.id, '2026-12-04T17:00:00.000Z') // 01:00 on the 5th in Shanghai
    const director = b.shop.session(['service_director'], '总监')
    const [day] = await b.shop.call(director, 'appointments.figures', { period: 'day', from: '2026-12-05', to: '2026-12-05' })
    expect(day).toMatchObject({ bookings: 4, cancelled: 1, onTime: 1, late: 1, noShow: 1, intake: 4, bookedIntake: 2, bookingRate: 0.5, onTimeRate: 0.3333, noShowRate: 0.3333 })
    const weeks = await b.shop.call(director, 'appointments.figures', { period: 'week', from: '2026-11-30', to: '2026-12-13' })
    expect(weeks.map((r) => [r.from, r.bookings])).toEqual([['2026-11-30', 4], ['2026-12-07', 0]])
    expect(weeks[1]!.onTimeRate).toBeNull()
    const [month] = await b.shop.call(director, 'appointments.figures', { period: 'month', from: '2026-12-01', to: '2026-12-31' })
    expect([month!.period, month!.to, month!.noShow]).toEqual(['2026-12', '2026-12-31', 1])
    expect((await b.shop.refusal(b.shop.session(['advisor']), 'appointments.figures', { period: 'day', from: '2026-12-05', to: '2026-12-05' })).code).toBe('forbidden')
  })
})
