import { testShop, type TestShop } from '../../helpers/core'

/** A shop with a clerk, an advisor, approvers, a few parts and an open work order, for the parts tests. */
export interface PartsShop {
  shop: TestShop
  clerk: string
  advisor: string
  workshop: string
  director: string
  frontdesk: string
  workOrderId: number
  categoryId: (code: string) => number
  part(partNo: string, fields?: Record<string, unknown>): Promise<number>
  receive(lines: Array<{ partId: number; qty: number; unitCostCents?: number }>, locationId?: number): Promise<number>
  onHand(partId: number, locationId?: number): number
  newWorkOrder(number: string, status?: string): number
}

let plateSeq = 0

export async function partsShop(): Promise<PartsShop> {
  const shop = testShop()
  const clerk = shop.session(['warehouse_clerk'], '王库管')
  const advisor = shop.session(['advisor'], '刘洋')
  const workshop = shop.session(['workshop_supervisor'], '赵主管')
  const director = shop.session(['service_director'], '孙总监')
  const frontdesk = shop.session(['frontdesk_supervisor'], '钱主管')
  const db = shop.core.db
  const categoryId = (code: string): number => (db.prepare('SELECT id FROM part_categories WHERE code = ?').get(code) as { id: number }).id
  const customer = await shop.call(advisor, 'customers.create', { name: '张伟', phone: '13812345678', vehicle: { plate: `粤B·1234${plateSeq++ % 10}` } })
  const newWorkOrder = (number: string, status = 'in_progress'): number => {
    const now = shop.clock.now().toISOString()
    return Number(
      db
        .prepare(
          `INSERT INTO work_orders (number, customer_id, vehicle_id, status, opened_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`
        )
        .run(number, customer.id, customer.vehicles[0]!.id, status, now, now, now).lastInsertRowid
    )
  }
  const workOrderId = newWorkOrder('WO20261204-001')
  return {
    shop,
    clerk,
    advisor,
    workshop,
    director,
    frontdesk,
    workOrderId,
    categoryId,
    newWorkOrder,
    async part(partNo, fields = {}) {
      const p = await shop.call(clerk, 'parts.create', {
        partNo,
        name: `配件 ${partNo}`,
        unit: '个',
        categoryId: categoryId('brakes'),
        costCents: 10_000,
        priceCents: 15_000,
        ...fields
      } as never)
      return p.id
    },
    async receive(lines, locationId = 1) {
      const r = await shop.call(clerk, 'parts.receipts.post', { locationId, lines })
      return r.id
    },
    onHand(partId, locationId = 1) {
      const r = db.prepare('SELECT qty FROM part_balances WHERE part_id = ? AND location_id = ?').get(partId, locationId) as { qty: number } | undefined
      return r?.qty ?? 0
    }
  }
}
