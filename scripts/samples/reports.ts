import { generateHistory } from '../../src/main/domain/reports/demo'
import type { SampleShop } from './shop'
import type { Sample } from './types'

const filled = new WeakSet<SampleShop>()

/**
 * The demo shop's year (December 2025 to yesterday) for the reports: three advisors, a follow-up
 * agent and about 1,500 work orders with their calls, complaints, requisitions and counts. Filled
 * once, when the first reports sheet is drawn, after every other part's samples.
 */
async function withHistory(shop: SampleShop): Promise<SampleShop> {
  if (filled.has(shop)) return shop
  filled.add(shop)
  const staff: number[] = []
  for (const [name, roles] of [['周明', ['advisor']], ['吴婷', ['advisor']], ['郑浩', ['advisor']], ['孙丽', ['followup_agent']]] as const) {
    staff.push(((await shop.call('staff.create', { name, roles, pin: '8642' })) as { id: number }).id)
  }
  generateHistory(shop.core.db, { workOrders: 1500, movements: 3000, from: '2025-12-01T00:00:00.000Z', to: '2026-12-03T08:00:00.000Z', staff: staff.slice(0, 3), agents: staff.slice(3), seed: 11 })
  return shop
}

/** The reports part's printed documents, filled from the demo shop. */
export const reportsSamples: Sample[] = [
  { name: 'weekly-followup-report', render: async (shop, locale) => (await withHistory(shop)).pdf('reports.print.weekly', { date: '2026-11-25', locale }) },
  { name: 'monthly-summary', render: async (shop, locale) => (await withHistory(shop)).pdf('reports.print.monthly', { date: '2026-11-01', locale }) },
  { name: 'year-summary', render: async (shop, locale) => (await withHistory(shop)).pdf('reports.print.year', { date: '2026-01-01', locale }) }
]
