import { testShop, type TestShop } from '../../helpers/core'

export interface BoardShop {
  shop: TestShop
  /** front-desk supervisor + advisor: sets the board up and books */
  desk: string
  advisors: number[]
  bays: number[]
  vehicles: Array<{ customerId: number; vehicleId: number; plate: string }>
  book(over?: Record<string, unknown>): Promise<{ id: number; version: number; number: string }>
}

/** A shop on Friday 2026-12-04 09:00 (Shanghai) with three bays, two advisors and four customers' cars. */
export async function boardShop(start = new Date('2026-12-04T01:00:00Z')): Promise<BoardShop> {
  const shop = testShop(start)
  const desk = shop.session(['frontdesk_supervisor', 'advisor'], '前台 王芳')
  const staff = await shop.call(desk, 'staff.list', {})
  const advisors = [staff[0]!.id]
  const second = shop.session(['advisor'], '顾问 李强')
  advisors.push((await shop.call(second, 'staff.list', {})).find((s) => s.name === '顾问 李强')!.id)
  const bays: number[] = []
  for (const [i, name] of ['1号工位', '2号工位', '3号工位'].entries()) {
    bays.push((await shop.call(desk, 'appointments.bays.save', { name, sort: i })).id)
  }
  const vehicles: BoardShop['vehicles'] = []
  for (const [i, plate] of ['粤B·A1001', '粤B·A1002', '粤B·A1003', '粤B·A1004'].entries()) {
    const c = await shop.call(desk, 'customers.create', { name: `客户${i + 1}`, phone: `1380000100${i}`, vehicle: { plate } })
    vehicles.push({ customerId: c.id, vehicleId: c.vehicles[0]!.id, plate: c.vehicles[0]!.plate })
  }
  let n = 0
  const b: BoardShop = {
    shop,
    desk,
    advisors,
    bays,
    vehicles,
    async book(over = {}) {
      const v = vehicles[n++ % vehicles.length]!
      const a = await shop.call(b.desk, 'appointments.book', {
        customerId: v.customerId,
        vehicleId: v.vehicleId,
        advisorId: advisors[0]!,
        bayId: bays[0]!,
        startsAt: '2026-12-05T09:00',
        durationMinutes: 60,
        serviceType: 'maintenance',
        channel: 'phone',
        ...over
      } as never)
      return { id: a.id, version: a.version, number: a.number }
    }
  }
  return b
}
