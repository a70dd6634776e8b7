import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore } from '../../src/main/core/create'
import { dispatch } from '../../src/main/core/dispatch'
import { generateCustomers } from '../../src/main/domain/demo/generate'
import { insertStaff } from '../../src/main/domain/staff/staff'
import { SEARCH_SQL } from '../../src/main/domain/customers/customers'
import type { Suite } from '../harness'

/** customer-search-100k: a search by plate tail, name or phone on 100,000 customers. */
export const customersSuite: Suite = {
  name: 'customers',
  async setup({ quick }) {
    const dir = mkdtempSync(join(tmpdir(), 'frontdesk-bench-'))
    const core = createCore({ dataDir: dir })
    const size = quick ? 10_000 : 100_000
    generateCustomers(core.db, new Date(), { customers: size, seed: 7 })
    const actor = core.db.transaction(() => insertStaff(core.db, null, new Date(), 'bench', ['advisor'], '1234'))()
    const token = core.sessions.open(actor).token
    // Queries the counter types: a surname and given name, a phone tail, a plate tail, a full plate.
    const samples = core.db
      .prepare('SELECT c.name, c.phone, v.plate FROM customers c JOIN vehicles v ON v.customer_id = c.id ORDER BY c.id LIMIT 200 OFFSET 1000')
      .all() as Array<{ name: string; phone: string; plate: string }>
    const queries = samples.flatMap((s, i) => [s.name, s.phone.slice(-4), s.plate.slice(-5), s.plate][i % 4] as string)
    let i = 0
    const bareStmt = core.db.prepare(SEARCH_SQL)
    const platesStmt = core.db.prepare('SELECT customer_id AS id, plate FROM vehicles WHERE customer_id = ?')
    return {
      figures: [
        {
          name: `customer-search-100k`,
          target_ms: 5,
          note: `customers.search on ${size.toLocaleString()} customers (name, phone tail, plate tail, full plate)`,
          app: async () => {
            const q = queries[i++ % queries.length] as string
            const r = await dispatch(core, 'customers.search', { query: q, limit: 50 }, token)
            if (!r.ok) throw new Error(r.error.message)
          },
          bare: () => {
            const q = (queries[i % queries.length] as string).toLowerCase().replace(/[\s·]/g, '')
            const rows = bareStmt.all(q, 51) as Array<{ id: number }>
            for (const row of rows) platesStmt.all(row.id)
          },
          iterations: 2000
        }
      ],
      cleanup() {
        core.db.close()
        rmSync(dir, { recursive: true, force: true })
      }
    }
  }
}
