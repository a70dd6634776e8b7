import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { declinedItemsForVehicle } from '../../../src/main/domain/workorders'
import { woShop, type WoShop } from './helpers'

let w: WoShop
beforeEach(async () => {
  w = await woShop()
})
afterEach(() => w.shop.close())

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function inspected(mileageKm: number): Promise<any> {
  const { id } = await w.call('workorders.checkIn', { vehicleId: w.vehicleId, mileageKm, fuelEighths: 4 })
  let o = await w.call('workorders.get', { id })
  o = await w.call('workorders.inspection.start', { id, version: o.version })
  const [pads, wipers] = [o.inspection.items.find((i: { label: string }) => i.label === '前制动片'), o.inspection.items.find((i: { label: string }) => i.label === '雨刮')]
  o = await w.call('workorders.inspection.save', {
    id,
    version: o.version,
    inspector: '王师傅',
    complete: true,
    items: [
      { id: pads.id, result: 'urgent', measurement: '2.5', note: '接近极限' },
      { id: wipers.id, result: 'soon', note: '刮水有条纹' }
    ]
  })
  return { o, pads, wipers }
}

describe('the inspection sheet', () => {
  it('copies the template for the vehicle type, in the shop’s language, onto the order', async () => {
    const { o } = await inspected(12_500)
    expect(o.inspection.templateName).toBe('乘用车多项检查')
    expect(o.inspection.items.map((i: { group: string }) => i.group)).toContain('制动系统')
    expect(o.inspection.items.find((i: { label: string }) => i.label === '前制动片').unit).toBe('mm')
  })
  it('an urgent item the customer approves becomes a line of the estimate at the shop’s labour rate', async () => {
    let { o, pads } = await inspected(12_500)
    o = await w.call('workorders.inspection.decide', { id: o.id, version: o.version, itemId: pads.id, decision: 'approved' })
    expect(o.lines).toHaveLength(1)
    expect(o.lines[0]).toMatchObject({ section: 'labour', description: '前制动片', unitCents: 12_000, qtyMilli: 1000, inspectionItemId: pads.id })
    expect(o.totalCents).toBe(13_560)
    expect(o.inspection.items.find((i: { id: number }) => i.id === pads.id)).toMatchObject({ decision: 'approved', lineId: o.lines[0].id })
  })
  it('refuses a decision on an item that was found OK', async () => {
    const { o } = await inspected(12_500)
    const ok = o.inspection.items.find((i: { result: string | null }) => i.result === null)
    expect((await w.refusal('workorders.inspection.decide', { id: o.id, version: o.version, itemId: ok.id, decision: 'approved' })).code).toBe('workorders.not_suggested')
  })
  it('remembers a declined item and shows it at the next visit, until it is done', async () => {
    let { o, wipers, pads } = await inspected(12_500)
    o = await w.call('workorders.inspection.decide', { id: o.id, version: o.version, itemId: pads.id, decision: 'approved' })
    o = await w.call('workorders.inspection.decide', { id: o.id, version: o.version, itemId: wipers.id, decision: 'declined' })
    expect(o.lines).toHaveLength(1)
    await w.call('workorders.setStatus', { id: o.id, version: o.version, to: 'cancelled' })

    w.shop.clock.advance(30 * 86_400_000)
    const next = w.shop.session(['advisor'])
    const ctx = await w.shop.call(next, 'workorders.vehicleContext', { vehicleId: w.vehicleId })
    expect(ctx.declined.map((d: { label: string; note: string | null }) => [d.label, d.note])).toEqual([['雨刮', '刮水有条纹']])
    expect(declinedItemsForVehicle(w.shop.core.db, w.vehicleId)).toHaveLength(1)

    // At the next visit the customer takes the wipers: no longer outstanding.
    const second = await w.shop.call(next, 'workorders.checkIn', { vehicleId: w.vehicleId, mileageKm: 13_000, fuelEighths: 4 })
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    let o2: any = await w.shop.call(next, 'workorders.get', { id: second.id })
    o2 = await w.shop.call(next, 'workorders.inspection.start', { id: o2.id, version: o2.version })
    const wip2 = o2.inspection.items.find((i: { label: string }) => i.label === '雨刮')
    o2 = await w.shop.call(next, 'workorders.inspection.save', { id: o2.id, version: o2.version, items: [{ id: wip2.id, result: 'soon' }] })
    await w.shop.call(next, 'workorders.inspection.decide', { id: o2.id, version: o2.version, itemId: wip2.id, decision: 'approved' })
    expect(declinedItemsForVehicle(w.shop.core.db, w.vehicleId)).toEqual([])
  })
  it('lets the shop edit its templates', async () => {
    const [car] = await w.call('workorders.templates.list', {})
    const saved = await w.call('workorders.templates.save', {
      id: car.id,
      version: car.version,
      name: '新能源车检查',
      vehicleTypes: ['ev'],
      groups: [{ name: '高压系统', items: [{ label: '绝缘电阻', unit: 'MΩ' }] }]
    })
    expect(saved).toMatchObject({ name: '新能源车检查', version: 2, groups: [{ name: '高压系统', items: [{ label: '绝缘电阻', unit: 'MΩ' }] }] })
  })
})
