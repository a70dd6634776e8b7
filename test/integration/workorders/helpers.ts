import { testShop, type TestShop } from '../../helpers/core'
import { signaturePng } from '../../../scripts/samples/workorders-scenario'

export { signaturePng }

export interface WoShop {
  shop: TestShop
  token: string
  customerId: number
  vehicleId: number
  call(name: string, input: unknown): Promise<any> // eslint-disable-line @typescript-eslint/no-explicit-any
  refusal(name: string, input: unknown): Promise<{ code: string; params?: Record<string, unknown> }>
}

/** A shop with one customer and car (12,000 km on file), and an advisor signed in. */
export async function woShop(): Promise<WoShop> {
  const shop = testShop()
  const token = shop.session(['advisor', 'service_director'], '陈静')
  const c = await shop.call(token, 'customers.create', {
    name: '黄晓明',
    phone: '13712345678',
    vehicle: { plate: '粤B·D12345', make: '比亚迪', model: '秦PLUS', mileageKm: 12_000 }
  })
  const vehicleId = c.vehicles[0]?.id as number
  return {
    shop,
    token,
    customerId: c.id,
    vehicleId,
    call: (name, input) => shop.call(token, name as never, input as never),
    refusal: (name, input) => shop.refusal(token, name, input) as never
  }
}

/** Checks the car in, prices one labour and one parts line, and returns the order. */
export async function pricedOrder(w: WoShop, mileageKm = 12_500) {
  const { id } = await w.call('workorders.checkIn', { vehicleId: w.vehicleId, mileageKm, fuelEighths: 4 })
  const o = await w.call('workorders.get', { id })
  return w.call('workorders.update', {
    id,
    version: o.version,
    arrivalMode: 'driven',
    repairCategory: 'minor',
    payType: 'customer',
    kind: 'shop',
    lines: [
      { section: 'diagnosis', description: '故障诊断', qtyMilli: 1000, unitCents: 10_000 },
      { section: 'labour', description: '更换前制动片', qtyMilli: 1500, unitCents: 12_000, discountBp: 1000 },
      { section: 'parts', description: '前制动片', partNo: 'BP-2041-F', qtyMilli: 1000, unitCents: 48_000 }
    ]
  })
}
