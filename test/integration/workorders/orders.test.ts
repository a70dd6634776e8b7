import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { pricedOrder, signaturePng, woShop, type WoShop } from './helpers'

let w: WoShop
beforeEach(async () => {
  w = await woShop()
})
afterEach(() => w.shop.close())

describe('check-in', () => {
  it('opens a numbered order for a walk-in, with the walk-around and damage marks', async () => {
    const r = await w.call('workorders.checkIn', {
      vehicleId: w.vehicleId,
      mileageKm: 12_800,
      fuelEighths: 6,
      warningLights: ['engine'],
      protectiveKit: ['seat', 'mat'],
      customerWords: '刹车异响',
      damages: [
        { view: 'left', x: 300, y: 500, kind: 'scratch', note: '左前门' },
        { view: 'rear', x: 500, y: 500, kind: 'dent' }
      ]
    })
    expect(r.number).toBe('WO20261204-001')
    const o = await w.call('workorders.get', { id: r.id })
    expect(o).toMatchObject({ status: 'open', customerId: w.customerId, mileageKm: 12_800, complaint: '刹车异响', plate: '粤B·D12345' })
    expect(o.checkin).toMatchObject({ fuelEighths: 6, warningLights: ['engine'], protectiveKit: ['seat', 'mat'], previousMileageKm: 12_000 })
    expect(o.damages.map((d: { kind: string }) => d.kind)).toEqual(['scratch', 'dent'])
    expect(o.statusLog[0]).toMatchObject({ from: null, to: 'open', staffName: '陈静' })
    const vehicle = await w.call('customers.get', { id: w.customerId })
    expect(vehicle.vehicles[0].mileageKm).toBe(12_800)
  })
  it('questions a mileage lower than the last visit and takes it only when confirmed', async () => {
    const refused = await w.refusal('workorders.checkIn', { vehicleId: w.vehicleId, mileageKm: 11_000, fuelEighths: 4 })
    expect(refused).toMatchObject({ code: 'workorders.mileage_lower', params: { mileage: 11_000, previous: 12_000 } })
    expect(w.shop.core.db.prepare('SELECT count(*) AS n FROM work_orders').get()).toEqual({ n: 0 })
    const ok = await w.call('workorders.checkIn', { vehicleId: w.vehicleId, mileageKm: 11_000, fuelEighths: 4, confirmLowerMileage: true })
    const o = await w.call('workorders.get', { id: ok.id })
    expect(o.checkin.mileageLowerConfirmed).toBe(true)
    // The vehicle's record keeps the higher reading; the order keeps what the odometer showed.
    expect((await w.call('customers.get', { id: w.customerId })).vehicles[0].mileageKm).toBe(12_000)
  })
  it('refuses a second open order for the same vehicle', async () => {
    await w.call('workorders.checkIn', { vehicleId: w.vehicleId, mileageKm: 12_100, fuelEighths: 4 })
    expect((await w.refusal('workorders.checkIn', { vehicleId: w.vehicleId, mileageKm: 12_100, fuelEighths: 4 })).code).toBe('workorders.already_open')
  })
  it('is refused to the warehouse clerk (roles are checked in main)', async () => {
    const clerk = w.shop.session(['warehouse_clerk'])
    expect((await w.shop.refusal(clerk, 'workorders.checkIn', { vehicleId: w.vehicleId, mileageKm: 12_100, fuelEighths: 4 })).code).toBe('forbidden')
  })
  it('keeps photos as files in the data folder, not in the database', async () => {
    const { id } = await w.call('workorders.checkIn', { vehicleId: w.vehicleId, mileageKm: 12_100, fuelEighths: 4 })
    const p = await w.call('workorders.photos.add', { workOrderId: id, subject: 'checkin', dataUrl: signaturePng() })
    const row = w.shop.core.db.prepare('SELECT file FROM wo_photos WHERE id = ?').get(p.id) as { file: string }
    expect(row.file).toMatch(/^photos\/WO20261204-001\/\d+\.png$/)
    const { existsSync } = await import('node:fs')
    expect(existsSync(`${w.shop.dir}/${row.file}`)).toBe(true)
    expect((await w.call('workorders.photos.get', { id: p.id })).dataUrl).toBe(signaturePng())
  })
})

describe('the estimate and its revisions', () => {
  it('totals the lines in cents with the tax from Settings', async () => {
    const o = await pricedOrder(w)
    // 100.00 + 1.5 h × 120.00 less 10 % (162.00) + 480.00 = 742.00; tax 13 % = 96.46
    expect(o).toMatchObject({ subtotalCents: 74_200, taxCents: 9646, totalCents: 83_846 })
    expect(w.shop.core.db.prepare('SELECT total_cents AS t FROM work_orders WHERE id = ?').get(o.id)).toEqual({ t: 83_846 })
  })
  it('a change after approval opens revision 2, which must be approved before the work goes on', async () => {
    let o = await pricedOrder(w)
    o = await w.call('workorders.approve', { id: o.id, version: o.version, method: 'signature', signerName: '黄晓明', signature: signaturePng() })
    expect(o).toMatchObject({ status: 'approved', revision: 1, approvedRevision: 1, needsApproval: false })
    o = await w.call('workorders.setStatus', { id: o.id, version: o.version, to: 'in_progress' })
    const lines = [...o.lines, { section: 'parts', description: '制动液', qtyMilli: 1000, unitCents: 6500 }]
    o = await w.call('workorders.update', { ...base(o), lines })
    expect(o).toMatchObject({ status: 'in_progress', revision: 2, approvedRevision: 1, needsApproval: true })
    expect((await w.refusal('workorders.setStatus', { id: o.id, version: o.version, to: 'done' })).code).toBe('workorders.needs_approval')
    // Further changes before approval stay in revision 2.
    o = await w.call('workorders.update', { ...base(o), lines: o.lines.slice(0, 3) })
    expect(o.revision).toBe(2)
    o = await w.call('workorders.approve', { id: o.id, version: o.version, method: 'paper', signerName: '黄晓明' })
    expect(o.revisions.map((r: { revision: number; approvalMethod: string }) => [r.revision, r.approvalMethod])).toEqual([
      [1, 'signature'],
      [2, 'paper']
    ])
    o = await w.call('workorders.setStatus', { id: o.id, version: o.version, to: 'done' })
    expect(o.status).toBe('done')
    expect(Math.abs(Date.parse(o.doneAt) - w.shop.clock.now().getTime())).toBeLessThan(1000)
  })
  it('a change that does not touch the estimate (technician, promised time) needs no new approval', async () => {
    let o = await pricedOrder(w)
    o = await w.call('workorders.approve', { id: o.id, version: o.version, method: 'paper', signerName: '黄晓明' })
    o = await w.call('workorders.update', { ...base(o), technician: '王师傅', promisedAt: '2026-12-04T17:30', lines: o.lines })
    expect(o).toMatchObject({ revision: 1, needsApproval: false, technician: '王师傅', promisedAt: '2026-12-04T09:30:00.000Z' })
  })
  it('refuses an edit made on an old version of the order', async () => {
    const o = await pricedOrder(w)
    await w.call('workorders.update', { ...base(o), technician: 'A', lines: o.lines })
    // The refusal names who changed the order in between, from the audit trail.
    expect(await w.refusal('workorders.update', { ...base(o), technician: 'B', lines: o.lines })).toMatchObject({ code: 'changed_by_other', params: { by: '陈静' } })
  })
  it('a customer who declines after diagnosis pays only the inspection fee, and the order closes', async () => {
    let o = await pricedOrder(w)
    o = await w.call('workorders.decline', { id: o.id, version: o.version, reason: '价格太高' })
    expect(o.status).toBe('declined')
    expect(o.totalCents).toBe(11_300)
    expect(o.lines.filter((l: { charged: boolean }) => l.charged).map((l: { section: string }) => l.section)).toEqual(['diagnosis'])
    expect((await w.refusal('workorders.update', { ...base(o), lines: [] })).code).toBe('workorders.locked')
  })
  it('an on-site order declined without a fee line is charged the call-out fee from Settings', async () => {
    const { id } = await w.call('workorders.checkIn', { vehicleId: w.vehicleId, mileageKm: 12_100, fuelEighths: 4, kind: 'onsite', onsiteAddress: '宝安区', onsiteDistanceKm: 30 })
    const o = await w.call('workorders.get', { id })
    const d = await w.call('workorders.decline', { id, version: o.version })
    expect(d.lines.map((l: { section: string }) => l.section)).toEqual(['callout'])
    expect(d.totalCents).toBe(33_900)
  })
  it('walks the status flow and refuses a step it does not allow', async () => {
    let o = await pricedOrder(w)
    expect((await w.refusal('workorders.setStatus', { id: o.id, version: o.version, to: 'done' })).code).toBe('workorders.bad_transition')
    o = await w.call('workorders.approve', { id: o.id, version: o.version, method: 'paper', signerName: '黄晓明' })
    for (const to of ['in_progress', 'waiting_parts', 'in_progress', 'done', 'delivered']) {
      w.shop.clock.advance(60_000)
      o = await w.call('workorders.setStatus', { id: o.id, version: o.version, to })
    }
    expect(o.statusLog.map((s: { to: string }) => s.to)).toEqual(['open', 'approved', 'in_progress', 'waiting_parts', 'in_progress', 'done', 'delivered'])
    expect(o.deliveredAt).not.toBeNull()
  })
})

describe('on-site service', () => {
  it('sets the 24 h target inside 100 km, and an order past it without arrival stands out as late', async () => {
    w.shop.clock.set(new Date('2026-12-04T01:00:00Z'))
    const { id } = await w.call('workorders.checkIn', { vehicleId: w.vehicleId, mileageKm: 12_100, fuelEighths: 4, kind: 'onsite', onsiteAddress: '东莞', onsiteDistanceKm: 80, faultSystem: 'engine' })
    let o = await w.call('workorders.get', { id })
    expect(o.responseDueAt.slice(0, 16)).toBe('2026-12-05T01:00')
    expect(o.writtenDueAt.slice(0, 16)).toBe('2026-12-04T13:00')
    o = await w.call('workorders.onsite.log', { id, version: o.version, event: 'answered' })
    w.shop.clock.advance(25 * 3_600_000)
    // The next morning's shift signs in afresh.
    const next = w.shop.session(['advisor'])
    const list = await w.shop.call(next, 'workorders.list', {})
    expect(list.items[0]).toMatchObject({ id, late: true, dueAt: o.responseDueAt })
    o = await w.shop.call(next, 'workorders.onsite.log', { id, version: o.version, event: 'arrived' })
    expect(o.late).toBe(false)
  })
  it('beyond 100 km or with a supplier, the target is an answer within 12 h', async () => {
    w.shop.clock.set(new Date('2026-12-04T01:00:00Z'))
    const { id } = await w.call('workorders.checkIn', { vehicleId: w.vehicleId, mileageKm: 12_100, fuelEighths: 4, kind: 'onsite', onsiteDistanceKm: 150 })
    expect((await w.call('workorders.get', { id })).responseDueAt.slice(0, 16)).toBe('2026-12-04T13:00')
  })
  it('filters the open orders by status, advisor and bay', async () => {
    const o = await pricedOrder(w)
    await w.call('workorders.update', { ...base(o), bay: '3', lines: o.lines })
    expect((await w.call('workorders.list', { bay: '3' })).items).toHaveLength(1)
    expect((await w.call('workorders.list', { bay: '4' })).items).toHaveLength(0)
    expect((await w.call('workorders.list', { status: 'open', advisorId: o.advisorId })).items).toHaveLength(1)
    expect((await w.call('workorders.list', { status: 'approved' })).items).toHaveLength(0)
    expect((await w.call('workorders.list', { query: 'D12345' })).items).toHaveLength(1)
  })
})

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function base(o: any) {
  return {
    id: o.id,
    version: o.version,
    arrivalMode: o.arrivalMode,
    repairCategory: o.repairCategory,
    payType: o.payType,
    complaint: o.complaint,
    diagnosis: o.diagnosis,
    technician: o.technician,
    workSection: o.workSection,
    bay: o.bay,
    kind: o.kind,
    onsiteAddress: o.onsiteAddress,
    onsiteDistanceKm: o.onsiteDistanceKm
  }
}

describe('the call-out fee', () => {
  it('an on-site order starts with the shop’s call-out fee on its estimate', async () => {
    const { id } = await w.call('workorders.checkIn', { vehicleId: w.vehicleId, mileageKm: 12_100, fuelEighths: 4, kind: 'onsite', onsiteAddress: '宝安区', onsiteDistanceKm: 30 })
    const o = await w.call('workorders.get', { id })
    expect(o.lines.map((l: { section: string; unitCents: number }) => [l.section, l.unitCents])).toEqual([['callout', 30_000]])
    expect(o.totalCents).toBe(33_900)
  })
})

describe('the tax rule of an estimate', () => {
  it('keeps the rate it was priced with when Settings change, until the estimate is edited again', async () => {
    let o = await pricedOrder(w)
    const s = await w.call('workorders.settings.get', {})
    await w.call('workorders.settings.update', { ...s, taxRateBp: 600 })
    o = await w.call('workorders.get', { id: o.id })
    expect(o).toMatchObject({ taxRateBp: 1300, taxCents: 9646, totalCents: 83_846 })
    o = await w.call('workorders.update', { ...base(o), lines: o.lines.slice(0, 2) })
    // 100.00 + 162.00 = 262.00 at 6 % = 15.72
    expect(o).toMatchObject({ taxRateBp: 600, subtotalCents: 26_200, taxCents: 1572, totalCents: 27_772 })
  })
})
