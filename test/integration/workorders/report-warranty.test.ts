import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { pricedOrder, signaturePng, woShop, type WoShop } from './helpers'

let w: WoShop
beforeEach(async () => {
  w = await woShop()
})
afterEach(() => w.shop.close())

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function approvedInProgress(): Promise<any> {
  let o = await pricedOrder(w)
  o = await w.call('workorders.approve', { id: o.id, version: o.version, method: 'paper', signerName: '黄晓明' })
  return w.call('workorders.setStatus', { id: o.id, version: o.version, to: 'in_progress' })
}

describe('the service report', () => {
  it('refuses the customer’s signature before the order is done', async () => {
    const o = await approvedInProgress()
    await w.call('workorders.report.save', { workOrderId: o.id, findings: '制动片磨损', workDone: '更换前制动片' })
    const refused = await w.refusal('workorders.report.sign', { workOrderId: o.id, signerName: '黄晓明', signature: signaturePng() })
    expect(refused).toMatchObject({ code: 'workorders.sign_before_done', params: { status: 'in_progress' } })
    expect(w.shop.core.db.prepare('SELECT signed_at FROM wo_service_reports WHERE work_order_id = ?').get(o.id)).toEqual({ signed_at: null })
  })
  it('takes the signature once done, records old parts, and is locked from then on', async () => {
    let o = await approvedInProgress()
    const part = o.lines.find((l: { section: string }) => l.section === 'parts')
    o = await w.call('workorders.report.save', { workOrderId: o.id, findings: '制动片磨损', workDone: '更换前制动片', oldParts: [{ lineId: part.id, fate: 'returned' }] })
    o = await w.call('workorders.setStatus', { id: o.id, version: o.version, to: 'done' })
    o = await w.call('workorders.report.sign', { workOrderId: o.id, signerName: '黄晓明', signature: signaturePng() })
    expect(o.report).toMatchObject({ signerName: '黄晓明', oldParts: [{ lineId: part.id, fate: 'returned' }] })
    expect(o.report.signedAt).not.toBeNull()
    expect((await w.refusal('workorders.report.save', { workOrderId: o.id, findings: '改' })).code).toBe('workorders.report_locked')
    expect((await w.refusal('workorders.report.sign', { workOrderId: o.id, signerName: 'X', signature: signaturePng(3) })).code).toBe('workorders.report_locked')
    // Even a direct write is refused by the file itself.
    expect(() => w.shop.core.db.prepare(`UPDATE wo_service_reports SET findings = 'x' WHERE work_order_id = ?`).run(o.id)).toThrow(/locked/)
  })
  it('refuses an old part that is not a replaced part of the order', async () => {
    const o = await approvedInProgress()
    const labour = o.lines.find((l: { section: string }) => l.section === 'labour')
    expect((await w.refusal('workorders.report.save', { workOrderId: o.id, oldParts: [{ lineId: labour.id, fate: 'waived' }] })).code).toBe('workorders.old_part_not_on_order')
  })
})

describe('the warranty', () => {
  it('gives each repaired item its category’s period at delivery, and shows what is still covered on the vehicle', async () => {
    let o = await approvedInProgress()
    const lines = o.lines.map((l: Record<string, unknown>) => (l.section === 'parts' ? { ...l, warrantyCategory: 'engine' } : l))
    o = await w.call('workorders.update', {
      id: o.id, version: o.version, arrivalMode: 'driven', repairCategory: 'minor', payType: 'customer', kind: 'shop', lines
    })
    o = await w.call('workorders.approve', { id: o.id, version: o.version, method: 'paper', signerName: '黄晓明' })
    o = await w.call('workorders.setStatus', { id: o.id, version: o.version, to: 'done' })
    o = await w.call('workorders.setStatus', { id: o.id, version: o.version, to: 'delivered' })
    const items = await w.call('workorders.warrantyForVehicle', { vehicleId: w.vehicleId })
    // Diagnosis carries no warranty; labour the default 3 months / 5,000 km; the part (engine) 12 months / 20,000 km.
    expect(items.map((i: { description: string; months: number; endsOn: string; untilKm: number | null }) => [i.description, i.months, i.endsOn, i.untilKm])).toEqual([
      ['更换前制动片', 3, '2027-03-04', 17_500],
      ['前制动片', 12, '2027-12-04', 32_500]
    ])
    w.shop.clock.advance(100 * 86_400_000)
    const later = w.shop.session(['advisor'])
    const left = await w.shop.call(later, 'workorders.warrantyForVehicle', { vehicleId: w.vehicleId })
    expect(left.map((i: { description: string }) => i.description)).toEqual(['前制动片'])
  })
  it('lets the shop set periods per category, up to a year', async () => {
    const s = await w.call('workorders.settings.get', {})
    const bad = await w.refusal('workorders.settings.update', { ...s, warrantyCategories: [{ code: 'general', months: 13 }] })
    expect(bad.code).toBe('invalid_input')
    const saved = await w.call('workorders.settings.update', { ...s, warrantyCategories: [{ code: 'general', label: '常规', months: 6, kmLimit: 8000 }] })
    expect(saved.warrantyCategories).toEqual([{ code: 'general', label: '常规', months: 6, kmLimit: 8000 }])
  })
})
