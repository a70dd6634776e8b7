import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testShop, type TestShop } from '../../helpers/core'
import { customerWithVehicle, DAY, deliverOrder, HOUR, signInAgain, staffId } from './helpers'

let shop: TestShop
let agent: string
let advisorId: number
// Friday 4 December 2026, 10:00 in Shenzhen.
const FRIDAY = new Date('2026-12-04T02:00:00Z')
beforeEach(() => {
  shop = testShop(FRIDAY)
  agent = shop.session(['followup_agent'], '王芳')
  shop.session(['advisor'], '刘洋')
  advisorId = staffId(shop, '刘洋')
})
afterEach(() => shop.close())

const at = (days: number, hours = 0): void => {
  shop.clock.set(new Date(FRIDAY.getTime() + days * DAY + hours * HOUR))
  agent = signInAgain(shop, '王芳')
}
const today = () => shop.call(agent, 'followup.today', {})

describe('the follow-up plan', () => {
  it('lists the first call from 3 days after the vehicle left, counting the weekend, overdue after 7', async () => {
    const { customerId, vehicleId } = await customerWithVehicle(shop, agent)
    deliverOrder(shop, { customerId, vehicleId, advisorId, deliveredAt: FRIDAY.toISOString() })
    at(2, 13) // Sunday 23:00
    expect((await today()).items).toEqual([])
    at(3) // Monday
    const list = await today()
    expect(list.items.map((i) => [i.kind, i.dueFrom, i.dueBy, i.overdueDays])).toEqual([['first_call', '2026-12-07', '2026-12-11', 0]])
    expect(list.items[0]?.reason).toMatchObject({ deliveredOn: '2026-12-04' })
    expect(list.items[0]?.servedByName).toBe('刘洋')
    at(8) // Saturday after: one day past the last day
    const late = await today()
    expect(late.overdue).toBe(1)
    expect(late.items[0]?.overdueDays).toBe(1)
  })

  it('counts working days when the settings skip weekends', async () => {
    const admin = shop.session(['admin'])
    const s = await shop.call(admin, 'followup.settings.get', {})
    await shop.call(admin, 'followup.settings.update', { ...s, skipWeekends: true })
    const { customerId, vehicleId } = await customerWithVehicle(shop, agent)
    deliverOrder(shop, { customerId, vehicleId, deliveredAt: FRIDAY.toISOString() })
    at(4) // Tuesday: only two working days gone
    expect((await today()).items).toEqual([])
    at(5) // Wednesday 9 Dec
    expect((await today()).items.map((i) => [i.dueFrom, i.dueBy])).toEqual([['2026-12-09', '2026-12-15']])
  })

  it('puts overdue calls first', async () => {
    const a = await customerWithVehicle(shop, agent, '张伟', '粤B·12345')
    const b = await customerWithVehicle(shop, agent, '李娜', '粤B·54321')
    deliverOrder(shop, { ...a, deliveredAt: FRIDAY.toISOString() })
    deliverOrder(shop, { ...b, deliveredAt: new Date(FRIDAY.getTime() + 4 * DAY).toISOString() })
    at(9)
    const list = await today()
    expect(list.items.map((i) => [i.customerName, i.overdueDays > 0])).toEqual([['张伟', true], ['李娜', false]])
  })

  it('never makes a second call due before the first call is made, then due within the week after it', async () => {
    const { customerId, vehicleId } = await customerWithVehicle(shop, agent)
    deliverOrder(shop, { customerId, vehicleId, deliveredAt: FRIDAY.toISOString() })
    at(14)
    const list = await today()
    expect(list.items.map((i) => i.kind)).toEqual(['first_call'])
    const first = list.items[0]!
    const r = await shop.call(agent, 'followup.calls.record', { taskId: first.id, taskVersion: first.version, outcome: 'reached', satisfaction: 5, vehicleRuns: 'well' })
    expect(r.taskStatus).toBe('done')
    expect((await today()).items).toEqual([])
    at(15)
    const second = (await today()).items
    expect(second.map((i) => [i.kind, i.dueFrom, i.dueBy])).toEqual([['second_call', '2026-12-19', '2026-12-25']])
    expect(second[0]?.reason.firstCallOn).toBe('2026-12-18')
  })

  it('gives a vehicle with no service history no reminder, and a serviced one a reminder before its interval runs out', async () => {
    const never = await customerWithVehicle(shop, agent, '张伟', '粤B·12345')
    const served = await customerWithVehicle(shop, agent, '李娜', '粤B·54321')
    // Serviced 6 months ago less 10 days, at 40,000 km; the interval is 6 months or 5,000 km.
    deliverOrder(shop, { ...served, deliveredAt: '2026-06-14T02:00:00Z', mileageKm: 40_000 })
    deliverOrder(shop, { ...served, deliveredAt: '2025-06-14T02:00:00Z', mileageKm: 35_000 })
    const list = await today()
    const reminders = list.items.filter((i) => i.kind === 'service_due')
    expect(reminders.map((i) => i.customerName)).toEqual(['李娜'])
    // 5,000 km a year is slower than the months: due by date.
    expect(reminders[0]?.reason).toMatchObject({ serviceDueOn: '2026-12-14', serviceDueBy: 'months', dueKm: 45_000 })
    expect(list.items.some((i) => i.vehicleId === never.vehicleId)).toBe(false)
    // A new service moves the due date on and drops the old reminder.
    deliverOrder(shop, { ...served, deliveredAt: new Date(FRIDAY.getTime() - DAY).toISOString(), mileageKm: 42_000 })
    const after = await today()
    expect(after.items.filter((i) => i.kind === 'service_due')).toEqual([])
  })

  it('estimates mileage: a vehicle that drives far is reminded by kilometres before the months are up', async () => {
    const v = await customerWithVehicle(shop, agent)
    deliverOrder(shop, { ...v, deliveredAt: '2026-08-01T02:00:00Z', mileageKm: 20_000 })
    deliverOrder(shop, { ...v, deliveredAt: '2026-11-09T02:00:00Z', mileageKm: 30_000 }) // 100 km a day
    expect((await today()).items.filter((i) => i.kind === 'service_due')).toEqual([])
    at(11) // 15 December: 14 days before the kilometres run out
    const item = (await today()).items.find((i) => i.kind === 'service_due')
    expect(item?.reason).toMatchObject({ serviceDueBy: 'km', serviceDueOn: '2026-12-29', dueKm: 35_000, estimatedKm: 33_600 })
  })

  it('shares today’s calls among agents, never to the advisor who served the customer', async () => {
    shop.session(['frontdesk_supervisor'], '赵敏')
    const a = await customerWithVehicle(shop, agent, '张伟', '粤B·12345')
    const b = await customerWithVehicle(shop, agent, '李娜', '粤B·54321')
    deliverOrder(shop, { ...a, advisorId, deliveredAt: FRIDAY.toISOString() })
    deliverOrder(shop, { ...b, advisorId, deliveredAt: FRIDAY.toISOString() })
    at(3)
    const supervisorNow = signInAgain(shop, '赵敏')
    await today()
    const r = await shop.call(supervisorNow, 'followup.tasks.split', { staffIds: [advisorId, staffId(shop, '王芳')] })
    expect(r).toEqual({ assigned: 2, skipped: 0 })
    const mine = await shop.call(agent, 'followup.today', { assigned: 'mine' })
    expect(mine.items.map((i) => i.assignedName)).toEqual(['王芳', '王芳'])
    const item = mine.items[0]!
    const err = await shop.refusal(supervisorNow, 'followup.tasks.assign', { id: item.id, version: item.version, staffId: advisorId })
    expect(err.code).toBe('followup.own_customer')
  })
})
