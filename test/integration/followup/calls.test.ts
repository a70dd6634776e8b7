import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testShop, type TestShop } from '../../helpers/core'
import { pdfText } from '../../helpers/pdf'
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

const move = (ms: number): void => {
  shop.clock.advance(ms)
  agent = signInAgain(shop, '王芳')
}

/** A first call due now: delivered 3 days ago. */
async function dueCall() {
  const v = await customerWithVehicle(shop, agent)
  deliverOrder(shop, { ...v, advisorId: staffId(shop, '刘洋'), deliveredAt: new Date(START.getTime() - 3 * DAY).toISOString() })
  const item = (await shop.call(agent, 'followup.today', {})).items[0]!
  return { ...v, item }
}

describe('follow-up calls', () => {
  it('reschedules a call nobody answered, and after five days of trying marks it failed and plans a text message', async () => {
    const { item } = await dueCall()
    let task = item
    const r = await shop.call(agent, 'followup.calls.record', { taskId: task.id, taskVersion: task.version, outcome: 'no_answer' })
    expect(r.taskStatus).toBe('open')
    // Off today's list until the retry time (4 hours).
    expect((await shop.call(agent, 'followup.today', {})).items.find((i) => i.id === task.id)?.nextTryAt).toMatch(/^2026-12-04T06:00/)
    move(5 * DAY - HOUR)
    task = await shop.call(agent, 'followup.tasks.get', { id: task.id })
    const almost = await shop.call(agent, 'followup.calls.record', { taskId: task.id, taskVersion: task.version, outcome: 'no_answer' })
    expect(almost.taskStatus).toBe('open')
    move(HOUR)
    task = await shop.call(agent, 'followup.tasks.get', { id: task.id })
    const gaveUp = await shop.call(agent, 'followup.calls.record', { taskId: task.id, taskVersion: task.version, outcome: 'no_answer' })
    expect(gaveUp.taskStatus).toBe('failed')
    const next = await shop.call(agent, 'followup.tasks.get', { id: gaveUp.nextTaskId! })
    expect([next.kind, next.channel]).toEqual(['unreachable_sms', 'sms'])
    expect((await shop.call(agent, 'followup.tasks.get', { id: task.id })).calls).toHaveLength(3)
  })

  it('sends a wrong number to a letter, which registers a letter when done', async () => {
    const { item } = await dueCall()
    const r = await shop.call(agent, 'followup.calls.record', { taskId: item.id, taskVersion: item.version, outcome: 'wrong_number' })
    expect(r.taskStatus).toBe('failed')
    const letterTask = await shop.call(agent, 'followup.tasks.get', { id: r.nextTaskId! })
    expect(letterTask.kind).toBe('unreachable_letter')
    const done = await shop.call(agent, 'followup.tasks.complete', { id: letterTask.id, version: letterTask.version })
    const letters = await shop.call(agent, 'followup.letters.list', {})
    expect(letters.map((l) => l.id)).toEqual([done.letterId])
    expect(letters[0]?.body).toContain('粤B·12345')
  })

  it('keeps a call-back time and refuses one in the past', async () => {
    const { item } = await dueCall()
    const err = await shop.refusal(agent, 'followup.calls.record', { taskId: item.id, taskVersion: item.version, outcome: 'call_back', callBackAt: '2026-12-04T09:00' })
    expect(err.code).toBe('followup.call_back_past')
    const r = await shop.call(agent, 'followup.calls.record', { taskId: item.id, taskVersion: item.version, outcome: 'call_back', callBackAt: '2026-12-04T15:30' })
    expect(r.call.callBackAt).toBe('2026-12-04T07:30:00.000Z')
  })

  it('refuses satisfaction or a complaint on a call that did not reach the customer', async () => {
    const { item } = await dueCall()
    const err = await shop.refusal(agent, 'followup.calls.record', { taskId: item.id, taskVersion: item.version, outcome: 'no_answer', satisfaction: 2 })
    expect(err.code).toBe('followup.not_reached')
  })

  it('passes a request to the supervisor when it is not solved within two days, and has the customer told the day it is solved', async () => {
    const { item } = await dueCall()
    const r = await shop.call(agent, 'followup.calls.record', {
      taskId: item.id, taskVersion: item.version, outcome: 'reached', satisfaction: 3, request: '想知道保修期还有多久'
    })
    expect(r.requestId).not.toBeNull()
    const supervisor = () => shop.call(signInAgain(shop, '赵敏'), 'followup.requests.list', { view: 'supervisor' })
    move(48 * HOUR - 60_000)
    expect(await supervisor()).toEqual([])
    move(60_000)
    const escalated = await supervisor()
    expect(escalated.map((q) => [q.text, q.escalated])).toEqual([['想知道保修期还有多久', true]])
    const solved = await shop.call(signInAgain(shop, '赵敏'), 'followup.requests.solve', { id: escalated[0]!.id, version: escalated[0]!.version, solution: '保修到 2027 年 3 月' })
    expect(await supervisor()).toEqual([])
    const tell = await shop.call(agent, 'followup.tasks.get', { id: solved.tellTaskId })
    expect([tell.kind, tell.dueFrom, tell.dueBy, tell.assignedName]).toEqual(['tell_customer', '2026-12-06', '2026-12-06', '王芳'])
  })

  it('lists every call in the register, masks phones for roles that do not call, and records who exported it', async () => {
    const { item, phone } = await dueCall()
    await shop.call(agent, 'followup.calls.record', { taskId: item.id, taskVersion: item.version, outcome: 'reached', satisfaction: 5, customerWords: '车很好' })
    await shop.call(agent, 'followup.calls.inbound', { phone: '0755-12345678', purpose: 'enquiry', outcome: 'reached', callerName: '陌生来电' })
    const full = await shop.call(agent, 'followup.calls.register', {})
    expect(full.items.map((c) => [c.direction, c.phone])).toEqual([['in', '075512345678'], ['out', phone]])
    const workshop = shop.session(['workshop_supervisor'], '孙强')
    const masked = await shop.call(workshop, 'followup.calls.register', { direction: 'out' })
    expect(masked.items[0]?.phone).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`)
    expect((await shop.refusal(workshop, 'followup.calls.export', {})).code).toBe('forbidden')
    const file = await shop.call(agent, 'followup.calls.export', { query: '车很好' })
    expect(file.rows).toBe(1)
    expect(Buffer.from(file.base64, 'base64').subarray(0, 2).toString()).toBe('PK')
    const audit = shop.core.db.prepare("SELECT staff_name, action FROM audit_log WHERE action = 'export'").all()
    expect(audit).toEqual([{ staff_name: '王芳', action: 'export' }])
  })

  it('prints the call register and a letter in Chinese on the letterhead', async () => {
    const { item, customerId } = await dueCall()
    await shop.call(agent, 'followup.calls.record', { taskId: item.id, taskVersion: item.version, outcome: 'reached', satisfaction: 4 })
    const reg = await shop.call(agent, 'followup.print.callRegister', { locale: 'zh-CN' })
    const regText = (await pdfText(shop.core.documents.take(reg.documentId, agent)!.pdf)).join('')
    expect(regText).toContain('电话登记表')
    expect(regText).toContain('首次回访')
    const letter = await shop.call(agent, 'followup.letters.create', { customerId, kind: 'invitation', subject: '冬季免费检测', body: '尊享冬季免费检测。' })
    const doc = await shop.call(agent, 'followup.letters.print', { id: letter.id, locale: 'zh-CN' })
    const text = (await pdfText(shop.core.documents.take(doc.documentId, agent)!.pdf)).join('')
    expect(text).toContain('冬季免费检测')
    expect(text).toContain('尊敬的张伟')
    const csv = await shop.call(agent, 'followup.letters.export', { ids: [letter.id], format: 'csv' })
    expect(Buffer.from(csv.base64, 'base64').toString('utf8')).toContain('深圳市南山区深南大道 1 号')
  })

  it('shows the follow-up call the work the customer declined, and the visit its work-order lines as work done', async () => {
    const { item, vehicleId, customerId } = await dueCall()
    const db = shop.core.db
    db.prepare(
      `INSERT INTO wo_inspection_items (work_order_id, position, group_name, label, result, measurement, note, decision)
       VALUES (?, 1, '制动', '前刹车片', 'soon', '3 mm', '建议一个月内更换', 'declined')`
    ).run(item.workOrderId)
    db.prepare(
      `INSERT INTO wo_lines (work_order_id, section, position, description, qty_milli, unit_cents, amount_cents)
       VALUES (?, 'labour', 1, '更换机油机滤', 1000, 12000, 12000)`
    ).run(item.workOrderId)
    const task = await shop.call(agent, 'followup.tasks.get', { id: item.id })
    expect(task.declined.map((d) => [d.label, d.measurement])).toEqual([['前刹车片', '3 mm']])
    const file = await shop.call(agent, 'followup.customerFile', { customerId })
    expect(file.visits.map((v) => [v.vehicleId, v.workDone])).toEqual([[vehicleId, '更换机油机滤']])
  })
})
