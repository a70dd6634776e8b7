import type { TestShop } from '../../helpers/core'

let woNumber = 0

/** A customer with one vehicle, through the app's own call. */
export async function customerWithVehicle(shop: TestShop, token: string, name = '张伟', plate = '粤B·12345', extra: Record<string, unknown> = {}) {
  const c = await shop.call(token, 'customers.create', {
    name,
    phone: `138${String(10_000_000 + Math.floor(Math.random() * 89_999_999))}`,
    address: '深圳市南山区深南大道 1 号',
    wants: '周末取车',
    vehicle: { plate, make: '大众', model: '朗逸', mileageKm: 40_000, serviceIntervalKm: 5000, serviceIntervalMonths: 6 },
    ...extra
  })
  return { customerId: c.id, vehicleId: (c.vehicles[0] as { id: number }).id, phone: c.phone }
}

/** A delivered work order, written straight into the base table as the work-order part would leave it. */
export function deliverOrder(
  shop: TestShop,
  o: { customerId: number; vehicleId: number; advisorId?: number | null; deliveredAt: string; mileageKm?: number | null; complaint?: string | null; status?: string }
): number {
  const number = `WO-T${String(++woNumber).padStart(5, '0')}`
  const opened = new Date(Date.parse(o.deliveredAt) - 4 * 3_600_000).toISOString()
  return Number(
    shop.core.db
      .prepare(
        `INSERT INTO work_orders (number, customer_id, vehicle_id, advisor_id, status, complaint, mileage_km, opened_at, delivered_at,
           total_cents, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 58000, ?, ?)`
      )
      .run(number, o.customerId, o.vehicleId, o.advisorId ?? null, o.status ?? 'delivered', o.complaint === undefined ? '常规保养' : o.complaint,
        o.mileageKm ?? 40_000, opened, o.status && o.status !== 'delivered' ? null : o.deliveredAt, opened, opened).lastInsertRowid
  )
}

export const staffId = (shop: TestShop, name: string): number =>
  shop.core.db.prepare('SELECT id FROM staff WHERE name = ?').pluck().get(name) as number

export const DAY = 86_400_000
export const HOUR = 3_600_000

/** A fresh session for someone already on the staff list (sessions expire as the test clock moves on). */
export function signInAgain(shop: TestShop, name: string): string {
  const row = shop.core.db.prepare('SELECT id, name, roles FROM staff WHERE name = ?').get(name) as { id: number; name: string; roles: string }
  return shop.core.sessions.open({ id: row.id, name: row.name, roles: JSON.parse(row.roles) }).token
}
