import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testShop, type TestShop } from '../../helpers/core'
import { customerWithVehicle, DAY, deliverOrder, HOUR, signInAgain, staffId } from './helpers'

let shop: TestShop
let agent: string
const START = new Date('2026-12-04T02:00:00Z')
beforeEach(() => {
  shop = testShop(START)
  agent = shop.session(['followup_agent'], '王芳')
  shop.session(['frontdesk_supervisor'], '赵敏')
  shop.session(['advisor'], '刘洋')
})
afterEach(() => shop.close())

describe('complaints', () => {
  it('files a complaint from a call against its work order and advisor, due acknowledged in 24 h and investigated in 48 h', async () => {
    const v = await customerWithVehicle(shop, agent)
    const wo = deliverOrder(shop, { ...v, advisorId: staffId(shop, '刘洋'), deliveredAt: new Date(START.getTime() - 4 * DAY).toISOString() })
    const item = (await shop.call(agent, 'followup.today', {})).items[0]!
    const r = await shop.call(agent, 'followup.calls.record', {
      taskId: item.id, taskVersion: item.version, outcome: 'reached', satisfaction: 1, vehicleRuns: 'problem',
      complaint: { category: 'quality', description: '换完机油还是有异响' }
    })
    const c = await shop.call(agent, 'followup.complaints.get', { id: r.complaintId! })
    expect(c).toMatchObject({
      workOrderId: wo, staffName: '刘洋', channel: 'call', status: 'open', category: 'quality',
      ackDueAt: new Date(Date.parse(c.receivedAt) + 24 * HOUR).toISOString(),
      investigateDueAt: new Date(Date.parse(c.receivedAt) + 48 * HOUR).toISOString()
    })
    shop.clock.advance(30 * HOUR)
    agent = signInAgain(shop, '王芳')
    const open = await shop.call(agent, 'followup.complaints.list', {})
    expect(open.map((k) => [k.number, k.ageHours])).toEqual([[c.number, 30]])
  })

  it('walks acknowledge → investigate → escalate → resolve → confirm → archive, refusing steps out of order', async () => {
    const v = await customerWithVehicle(shop, agent)
    const supervisor = signInAgain(shop, '赵敏')
    let c = await shop.call(agent, 'followup.complaints.create', { customerId: v.customerId, channel: 'counter', category: 'price', description: '工时费比报价高' })
    expect((await shop.refusal(agent, 'followup.complaints.step', { step: 'resolve', id: c.id, version: c.version, resolution: '退差价' })).code).toBe('followup.complaint_state')
    c = await shop.call(agent, 'followup.complaints.step', { step: 'acknowledge', id: c.id, version: c.version, note: '已致电客户致歉' })
    c = await shop.call(agent, 'followup.complaints.step', { step: 'investigate', id: c.id, version: c.version, findings: '报价漏算一项', serviceFault: true, department: 'front_desk' })
    c = await shop.call(agent, 'followup.complaints.step', { step: 'escalate', id: c.id, version: c.version, note: '需主管批准退款' })
    expect(c.escalationLevel).toBe(1)
    c = await shop.call(supervisor, 'followup.complaints.step', { step: 'resolve', id: c.id, version: c.version, resolution: '退还差价 80 元' })
    c = await shop.call(agent, 'followup.complaints.step', { step: 'confirm', id: c.id, version: c.version, satisfied: false, note: '客户认为还应道歉' })
    expect([c.status, c.escalationLevel]).toEqual(['investigated', 2])
    c = await shop.call(supervisor, 'followup.complaints.step', { step: 'resolve', id: c.id, version: c.version, resolution: '服务总监当面致歉并退差价' })
    c = await shop.call(agent, 'followup.complaints.step', { step: 'confirm', id: c.id, version: c.version, satisfied: true })
    expect((await shop.refusal(agent, 'followup.complaints.step', { step: 'archive', id: c.id, version: c.version })).code).toBe('forbidden')
    c = await shop.call(supervisor, 'followup.complaints.step', { step: 'archive', id: c.id, version: c.version })
    expect([c.status, c.serviceFault, c.satisfied]).toEqual(['archived', true, true])
    expect(c.steps.map((s) => s.step)).toEqual(['recorded', 'acknowledge', 'investigate', 'escalate', 'resolve', 'not_satisfied', 'resolve', 'confirmed', 'archive'])
    expect(await shop.call(agent, 'followup.complaints.list', {})).toEqual([])
  })
})

describe('campaigns and files', () => {
  it('calls each customer in the audience two weeks before the event, then plans the letter within two days of the call', async () => {
    const supervisor = signInAgain(shop, '赵敏')
    await customerWithVehicle(shop, agent, '张伟', '粤B·12345')
    await customerWithVehicle(shop, agent, '李娜', '粤B·54321')
    const camp = await shop.call(supervisor, 'followup.campaigns.create', { title: '冬季免费检测', kind: 'event', eventDate: '2026-12-20', message: '12 月 20 日免费检测。' })
    expect([camp.customers, camp.noticeOn]).toEqual([2, '2026-12-06'])
    expect((await shop.call(agent, 'followup.today', {})).items).toEqual([])
    shop.clock.advance(2 * DAY)
    agent = signInAgain(shop, '王芳')
    const calls = (await shop.call(agent, 'followup.today', {})).items
    expect(calls.map((i) => i.kind)).toEqual(['campaign_call', 'campaign_call'])
    const r = await shop.call(agent, 'followup.calls.record', { taskId: calls[0]!.id, taskVersion: calls[0]!.version, outcome: 'reached' })
    const letter = await shop.call(agent, 'followup.tasks.get', { id: r.nextTaskId! })
    expect([letter.kind, letter.dueFrom, letter.dueBy]).toEqual(['campaign_letter', '2026-12-06', '2026-12-08'])
    const refused = await shop.refusal(signInAgain(shop, '赵敏'), 'followup.campaigns.create', { title: '太晚了', kind: 'offer', eventDate: '2026-12-10', message: '…' })
    expect(refused.code).toBe('followup.campaign_too_late')
  })

  it('lists a file still missing required items two days after the visit, and drops it once completed', async () => {
    const v = await customerWithVehicle(shop, agent, '张伟', '粤B·12345', { wants: null })
    deliverOrder(shop, { ...v, deliveredAt: new Date(START.getTime() - DAY).toISOString() })
    expect(await shop.call(agent, 'followup.filesToComplete', {})).toEqual([])
    shop.clock.advance(2 * DAY)
    agent = signInAgain(shop, '王芳')
    const files = await shop.call(agent, 'followup.filesToComplete', {})
    expect(files.map((f) => [f.customerName, f.missing])).toEqual([['张伟', ['wants']]])
    const c = await shop.call(agent, 'customers.get', { id: v.customerId })
    await shop.call(agent, 'customers.update', { id: c.id, version: c.version, name: c.name, phone: c.phone, address: c.address, wants: '希望周末取车' })
    expect(await shop.call(agent, 'followup.filesToComplete', {})).toEqual([])
    const file = await shop.call(agent, 'followup.customerFile', { customerId: v.customerId })
    expect(file.vehicles[0]).toMatchObject({ lastServiceOn: '2026-12-03', nextServiceOn: '2027-04-07', nextServiceBy: 'km', nextServiceKm: 45_000 }) // 5,000 km at the shop's 40 km a day
    expect(file.history.map((h) => h.kind)).toEqual(['visit'])
    // Planned as soon as the file is opened, without anyone having opened today's list.
    expect(file.openTasks.map((t) => [t.kind, t.dueFrom])).toEqual([['first_call', '2026-12-06']])
  })
})
