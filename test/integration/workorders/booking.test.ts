import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { woShop, type WoShop } from './helpers'

let w: WoShop
let appointmentId: number
beforeEach(async () => {
  w = await woShop()
  const desk = w.shop.session(['frontdesk_supervisor', 'advisor'], '前台 王芳')
  const bay = await w.shop.call(desk, 'appointments.bays.save', { name: '2号工位', sort: 0 })
  const me = (await w.call('staff.list', {})).find((s: { name: string }) => s.name === '陈静')
  const a = await w.shop.call(desk, 'appointments.book', {
    customerId: w.customerId,
    vehicleId: w.vehicleId,
    advisorId: me.id,
    bayId: bay.id,
    startsAt: '2026-12-04T10:00',
    durationMinutes: 60,
    serviceType: 'repair',
    complaint: '刹车时方向盘抖动',
    channel: 'phone'
  } as never)
  appointmentId = a.id
})
afterEach(() => w.shop.close())

describe('check-in from a booking', () => {
  it('takes the booking’s customer, car, advisor, bay and words, and marks the booking checked in, in one transaction', async () => {
    const { id } = await w.call('workorders.checkIn', { appointmentId, mileageKm: 12_600, fuelEighths: 4 })
    const o = await w.call('workorders.get', { id })
    expect(o).toMatchObject({ appointmentId, customerId: w.customerId, vehicleId: w.vehicleId, advisorName: '陈静', bay: '2号工位', complaint: '刹车时方向盘抖动' })
    const a = await w.call('appointments.get', { id: appointmentId })
    expect(a).toMatchObject({ status: 'checked_in', workOrderId: id })
  })
  it('leaves the booking untouched when the check-in is refused', async () => {
    await w.refusal('workorders.checkIn', { appointmentId, mileageKm: 9000, fuelEighths: 4 })
    expect((await w.call('appointments.get', { id: appointmentId })).status).not.toBe('checked_in')
    expect(w.shop.core.db.prepare('SELECT count(*) AS n FROM work_orders').get()).toEqual({ n: 0 })
  })
})
