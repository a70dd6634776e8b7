import type { Receipt, Requisition, PartCount } from '../../src/shared/contract/parts'
import { DEMO_PARTS } from '../../src/main/domain/parts/generate'
import type { SampleShop } from './shop'
import type { Sample } from './types'

interface Scenario {
  receipt: number
  requisition: number
  count: number
  ledgerPart: number
}

const made = new WeakMap<SampleShop, Scenario>()

/**
 * A morning in the warehouse: the master comes in from a spreadsheet, a supplier delivers, an
 * advisor asks parts for a work order and the supervisor approves, and the clerk counts bin A.
 */
async function scenario(shop: SampleShop): Promise<Scenario> {
  const known = made.get(shop)
  if (known) return known
  const call = shop.call as <T>(name: string, input: unknown) => Promise<T>
  const header = 'partNo,name,spec,unit,category,bin,supplier,cost,price,reorderLevel,qty'
  const rows = DEMO_PARTS.map(([no, name, spec, unit, cat, bin, cost], i) =>
    [no, name, spec, unit, cat, bin, i < 10 ? '博世汽车配件（深圳）' : '精进电动科技', cost.toFixed(2), (cost * 1.45).toFixed(2), 2, 3 + (i % 5)].join(',')
  )
  await call('parts.import.commit', { fileName: 'master.csv', format: 'csv', data: Buffer.from([header, ...rows].join('\n')).toString('base64'), qtyMode: 'set', reason: '期初库存' })
  const id = async (partNo: string) => (await call<{ id: number }>('parts.get', { partNo })).id
  const supplier = (await call<Array<{ id: number; name: string }>>('parts.suppliers.list', {})).find((s) => s.name.startsWith('博世'))!
  shop.clock.advance(30 * 60_000)
  const receipt = await call<Receipt>('parts.receipts.post', {
    supplierId: supplier.id,
    deliveryNote: 'BSH-20261204-0381',
    note: '外包装完好，数量已点清',
    lines: [
      { partId: await id('BP-F-2041'), qty: 10, unitCostCents: 12_800 },
      { partId: await id('BP-R-2042'), qty: 6, unitCostCents: 9_600 },
      { partId: await id('OF-06J115'), qty: 24, unitCostCents: 3_200 },
      { partId: await id('AF-1K0129'), qty: 12, unitCostCents: 4_500 },
      { partId: await id('OIL-5W30-4'), qty: 20, unitCostCents: 26_800 },
      { partId: await id('SP-NGK-ILZ'), qty: 16, unitCostCents: 5_600 }
    ]
  })
  const v = shop.core.db.prepare('SELECT id, customer_id AS c FROM vehicles WHERE customer_id = 7 ORDER BY id LIMIT 1').get() as { id: number; c: number }
  const now = shop.clock.now().toISOString()
  const wo = Number(
    shop.core.db
      .prepare("INSERT INTO work_orders (number, customer_id, vehicle_id, status, opened_at, created_at, updated_at) VALUES ('WO20261204-017', ?, ?, 'in_progress', ?, ?, ?)")
      .run(v.c, v.id, now, now, now).lastInsertRowid
  )
  shop.clock.advance(45 * 60_000)
  let req = await call<Requisition>('parts.requisitions.create', {
    workOrderId: wo,
    note: '5 万公里保养，更换前刹车片',
    lines: [
      { partId: await id('OIL-5W30-4'), qty: 1 },
      { partId: await id('OF-06J115'), qty: 1 },
      { partId: await id('BP-F-2041'), qty: 1 },
      { partId: await id('SP-NGK-ILZ'), qty: 4 }
    ]
  })
  req = await call<Requisition>('parts.requisitions.approve', { id: req.id, version: req.version })
  await call('parts.requisitions.issue', { id: req.id, version: req.version, lines: req.lines.slice(0, 3).map((l) => ({ lineId: l.id, qty: l.qty })) })
  shop.clock.advance(3 * 3600_000)
  const count = await call<PartCount>('parts.counts.start', { locationId: 1, binFrom: 'A', binTo: 'B' })
  const counted: Array<[string, number]> = [['BP-F-2041', 11], ['BP-R-2042', 9], ['BD-F-2201', 5], ['OF-06J115', 29]]
  for (const [partNo, qty] of counted) await call('parts.counts.enter', { countId: count.id, partNo, qty })
  const ledgerPart = await id('BP-F-2041')
  const result = { receipt: receipt.id, requisition: req.id, count: count.id, ledgerPart }
  made.set(shop, result)
  return result
}

/** The parts ledger's printed documents, filled from the demo shop. */
export const partsSamples: Sample[] = [
  { name: 'receipt', render: async (shop, locale) => shop.pdf('parts.print.receipt', { id: (await scenario(shop)).receipt, locale }) },
  { name: 'requisition', render: async (shop, locale) => shop.pdf('parts.print.requisition', { id: (await scenario(shop)).requisition, locale }) },
  { name: 'count-sheet', render: async (shop, locale) => shop.pdf('parts.print.countSheet', { id: (await scenario(shop)).count, locale }) },
  {
    name: 'bin-labels',
    render: async (shop, locale) => {
      await scenario(shop)
      return shop.pdf('parts.print.binLabels', { binFrom: 'A', binTo: 'F', locale })
    }
  },
  { name: 'part-ledger-card', render: async (shop, locale) => shop.pdf('parts.print.ledgerCard', { partId: (await scenario(shop)).ledgerPart, locale }) }
]
