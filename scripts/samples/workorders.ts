import type { SampleShop } from './shop'
import type { Sample } from './types'
import { deliveredOrder, longOrder } from './workorders-scenario'

// The orders are made once per sample shop and printed in each language.
const made = new WeakMap<SampleShop, { delivered: number; long: number }>()

async function orders(shop: SampleShop): Promise<{ delivered: number; long: number }> {
  const known = made.get(shop)
  if (known) return known
  const vehicles = shop.core.db
    .prepare('SELECT id, coalesce(mileage_km, 20000) AS km FROM vehicles WHERE customer_id IN (3, 5) ORDER BY customer_id, id')
    .all() as Array<{ id: number; km: number }>
  const [a, b] = vehicles as [{ id: number; km: number }, { id: number; km: number }]
  const advance = (ms: number) => shop.clock.advance(ms)
  const result = { delivered: await deliveredOrder(shop.call, a.id, a.km + 1250, advance), long: await longOrder(shop.call, b.id, b.km + 300) }
  made.set(shop, result)
  return result
}

const sheet = (name: string, pick: 'delivered' | 'long', sheetName: string, paper: 'A4' | 'A5' = 'A4'): Sample => ({
  name,
  render: async (shop, locale) => shop.pdf('workorders.print', { workOrderId: (await orders(shop))[pick], sheet: sheetName, paper, locale })
})

/** The check-in and work-order part's printed documents, filled from the demo shop. */
export const workordersSamples: Sample[] = [
  sheet('check-in-sheet', 'delivered', 'checkin'),
  sheet('check-in-sheet-a5', 'delivered', 'checkin', 'A5'),
  sheet('inspection-sheet', 'delivered', 'inspection'),
  sheet('work-order', 'delivered', 'workorder'),
  sheet('service-report', 'delivered', 'report'),
  sheet('warranty-slip', 'delivered', 'warranty'),
  sheet('warranty-slip-a5', 'delivered', 'warranty', 'A5'),
  sheet('work-order-long', 'long', 'workorder')
]
