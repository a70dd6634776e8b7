import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testShop, type TestShop } from '../helpers/core'
import { generateCustomers } from '../../src/main/domain/demo/generate'
import { SEARCH_SQL } from '../../src/main/domain/customers/customers'

let shop: TestShop
let advisor: string
beforeEach(() => {
  shop = testShop()
  advisor = shop.session(['advisor'], '刘洋')
})
afterEach(() => shop.close())

const count = (table: string): number => (shop.core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n

const zhang = {
  name: '张伟',
  phone: '138 1234 5678',
  address: '深圳市南山区深南大道 1 号',
  vehicle: { plate: '粤B·12345', vin: 'LSVAU218XN2183294', make: '大众', model: '朗逸', mileageKm: 45210 }
}

describe('customers and vehicles', () => {
  it('creates a customer with a first vehicle and finds them by name, phone tail, plate and plate tail', async () => {
    const c = await shop.call(advisor, 'customers.create', zhang)
    expect(c.phone).toBe('13812345678')
    expect(c.vehicles[0]?.plate).toBe('粤B·12345')
    for (const q of ['张伟', '伟', '5678', '13812345678', '粤B12345', '粵B·12345', '12345', 'B12345', 'b 12345', '183294']) {
      const r = await shop.call(advisor, 'customers.search', { query: q })
      expect(r.items.map((i) => i.id), q).toEqual([c.id])
    }
    expect((await shop.call(advisor, 'customers.search', { query: '王' })).items).toEqual([])
  })

  it('refuses a plate already on file and names its owner, writing nothing', async () => {
    await shop.call(advisor, 'customers.create', zhang)
    const before = { customers: count('customers'), vehicles: count('vehicles'), audit: count('audit_log') }
    const err = await shop.refusal(advisor, 'customers.create', { name: '李娜', phone: '13900001111', vehicle: { plate: '粵B 12345' } })
    expect(err.code).toBe('duplicate_plate')
    expect(err.params).toMatchObject({ plate: '粤B·12345', owner: '张伟' })
    expect({ customers: count('customers'), vehicles: count('vehicles'), audit: count('audit_log') }).toEqual(before)
  })

  it('refuses a VIN already on file', async () => {
    const c = await shop.call(advisor, 'customers.create', zhang)
    const err = await shop.refusal(advisor, 'vehicles.add', { customerId: c.id, plate: '粤B·99999', vin: 'LSVAU218XN2183294' })
    expect(err.code).toBe('duplicate_vin')
  })

  it('answers bad phones, plates and VINs field by field and writes nothing', async () => {
    const err = await shop.refusal(advisor, 'customers.create', {
      name: '',
      phone: '12345',
      vehicle: { plate: '粤B12', vin: 'LSVAU2180N2183294' }
    })
    expect(err.code).toBe('invalid_input')
    expect(err.issues?.map((i) => `${i.path}:${i.key}`).sort()).toEqual([
      'name:required',
      'phone:phone',
      'vehicle.plate:plate',
      'vehicle.vin:vin_check_digit'
    ])
    expect(count('customers')).toBe(0)
  })

  it('refuses an edit made on an old copy of the file (someone else saved in between)', async () => {
    const c = await shop.call(advisor, 'customers.create', zhang)
    await shop.call(advisor, 'customers.update', { ...zhang, id: c.id, version: c.version, phone: '13900000000' })
    const err = await shop.refusal(advisor, 'customers.update', { ...zhang, id: c.id, version: c.version, name: '张伟明' })
    expect(err.code).toBe('changed_by_other')
    expect(err.params).toMatchObject({ by: '刘洋', fields: 'phone' })
    expect((await shop.call(advisor, 'customers.get', { id: c.id })).name).toBe('张伟')
  })

  it('records who changed a phone number, when, and from what to what', async () => {
    const c = await shop.call(advisor, 'customers.create', zhang)
    shop.clock.advance(3600_000)
    await shop.call(advisor, 'customers.update', { ...zhang, id: c.id, version: c.version, phone: '13900000000' })
    const rows = shop.core.db
      .prepare("SELECT staff_name, action, changes, at FROM audit_log WHERE entity = 'customer' AND entity_id = ? ORDER BY id")
      .all(String(c.id)) as Array<{ staff_name: string; action: string; changes: string; at: string }>
    expect(rows.map((r) => r.action)).toEqual(['create', 'update'])
    expect(rows[1]?.staff_name).toBe('刘洋')
    expect(JSON.parse(rows[1]!.changes)).toEqual({ phone: ['13812345678', '13900000000'] })
    expect(() => shop.core.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/)
  })

  it('updates the search when a vehicle changes plate', async () => {
    const c = await shop.call(advisor, 'customers.create', zhang)
    const v = c.vehicles[0]!
    await shop.call(advisor, 'vehicles.update', { ...zhang.vehicle, id: v.id, version: v.version, plate: '粤B·88888' })
    expect((await shop.call(advisor, 'customers.search', { query: '88888' })).items).toHaveLength(1)
    expect((await shop.call(advisor, 'customers.search', { query: '12345' })).items).toHaveLength(0)
  })

  it('questions a mileage lower than the one on file', async () => {
    const c = await shop.call(advisor, 'customers.create', zhang)
    const v = c.vehicles[0]!
    const err = await shop.refusal(advisor, 'vehicles.update', { ...zhang.vehicle, id: v.id, version: v.version, mileageKm: 1000 })
    expect(err.code).toBe('mileage_lower')
  })

  it('refuses a warehouse clerk who tries to edit a customer, and one who is not signed in', async () => {
    const clerk = shop.session(['warehouse_clerk'])
    expect((await shop.refusal(clerk, 'customers.create', zhang)).code).toBe('forbidden')
    expect((await shop.refusal(null, 'customers.search', { query: '' })).code).toBe('unauthenticated')
    expect((await shop.refusal('forged-token', 'customers.search', { query: '' })).code).toBe('unauthenticated')
    expect(count('customers')).toBe(0)
  })

  it('finds one customer among thousands with a single index lookup (no full scan)', async () => {
    generateCustomers(shop.core.db, shop.clock.now(), { customers: 3000, seed: 1 })
    const plan = shop.core.db
      .prepare(`EXPLAIN QUERY PLAN ${SEARCH_SQL}`)
      .all('王', 5) as Array<{ detail: string }>
    const details = plan.map((p) => p.detail).join(' | ')
    expect(details).toMatch(/SEARCH t USING PRIMARY KEY \(term=\?\)/)
    expect(details).not.toMatch(/SCAN|TEMP B-TREE/)
    const r = await shop.call(advisor, 'customers.search', { query: '王', limit: 10 })
    expect(r.items.length).toBe(10)
    expect(r.more).toBe(true)
  })
})
