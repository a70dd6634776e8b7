import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore } from '../../src/main/core/create'
import { dispatch } from '../../src/main/core/dispatch'
import { generateCustomers } from '../../src/main/domain/demo/generate'
import { insertStaff } from '../../src/main/domain/staff/staff'
import { generateHistory } from '../../src/main/domain/reports/demo'
import { kpiReport } from '../../src/main/domain/reports/kpi'
import type { Db } from '../../src/main/db/types'
import { staffFigures } from '../../src/main/domain/reports/staff'
import { readTargets } from '../../src/main/domain/reports/targets'
import { readSettings } from '../../src/main/domain/settings/settings'
import { renderPdf } from '../../src/main/print/render'
import { yearSummaryDoc } from '../../src/main/print/documents/reports'
import { ROLES } from '../../src/shared/roles'
import type { Suite } from '../harness'

/**
 * kpi-month-400k: a month's KPI page (every figure of the month and its twelve-month trend) on a
 * shop with 400,000 work orders, 100,000 customers and 500,000 stock movements.
 * year-summary-pdf: the year-end summary rendered to PDF.
 */
export const reportsSuite: Suite = {
  name: 'reports',
  async setup({ quick }) {
    const dir = mkdtempSync(join(tmpdir(), 'frontdesk-bench-'))
    const core = createCore({ dataDir: dir })
    const workOrders = quick ? 40_000 : 400_000
    const movements = quick ? 50_000 : 500_000
    const customers = quick ? 10_000 : 100_000
    const at = new Date('2026-12-04T02:00:00Z')
    generateCustomers(core.db, at, { customers, seed: 7 })
    const actor = core.db.transaction(() => insertStaff(core.db, null, at, '王建国', [...ROLES], '1234'))()
    const staff = core.db.transaction(() => ['周明', '吴婷', '郑浩', '孙丽', '刘洋', '黄丽'].map((n) => insertStaff(core.db, null, at, n, ['advisor'], '1234').id))()
    generateHistory(core.db, { workOrders, movements, from: '2023-01-01T00:00:00.000Z', to: '2026-12-03T12:00:00.000Z', staff: staff.slice(0, 5), agents: staff.slice(5), seed: 3 })
    core.db.exec('ANALYZE')
    const token = core.sessions.open(actor).token
    const tz = readSettings(core.db).timeZone
    const ok = (r: { ok: boolean; error?: { message: string } }) => {
      if (!r.ok) throw new Error(r.error?.message)
    }

    // The bare SQL of the month's page: every statement reports.kpi runs, recorded once with its
    // arguments and replayed as prepared statements, without the figures' assembly around them.
    const bareKpi = recordStatements(core.db, () => kpiReport(core.db, 'month', '2026-11-15', at, false))

    // The bare pdfmake call: the same year-end document, its data already gathered (pdfmake
    // consumes a document definition as it lays it out, so each run builds it afresh).
    const yearData = {
      report: kpiReport(core.db, 'year', '2026-01-01', at),
      staff: staffFigures(core.db, 'year', '2026-01-01', null),
      targets: readTargets(core.db).targets,
      settings: readSettings(core.db),
      locale: 'zh-CN' as const,
      printedAt: at
    }
    const sizes = `${workOrders.toLocaleString()} work orders, ${customers.toLocaleString()} customers, ${movements.toLocaleString()} stock movements`
    return {
      figures: [
        {
          name: 'kpi-month-400k',
          target_ms: 200,
          note: `reports.kpi for November (12 figures + 12-month trend) on ${sizes}; bare: the same SQL statements replayed`,
          app: async () => ok(await dispatch(core, 'reports.kpi', { period: 'month', date: '2026-11-15' }, token)),
          bare: bareKpi,
          iterations: 30,
          budgetMs: 4000
        },
        {
          name: 'year-summary-pdf',
          target_ms: 2000,
          note: `reports.print.year for 2026 (figures, month table, 7 charts, staff) on ${sizes}; bare: pdfmake on the built document`,
          app: async () => ok(await dispatch(core, 'reports.print.year', { date: '2026-01-01', locale: 'zh-CN' }, token)),
          bare: () => renderPdf(yearSummaryDoc(yearData), 'zh-CN'),
          iterations: 8,
          budgetMs: 8000
        }
      ],
      cleanup() {
        core.db.close()
        rmSync(dir, { recursive: true, force: true })
      }
    }
  }
}

/** Runs `fn` once, noting each statement it runs and its arguments; returns a replay of them alone. */
function recordStatements(db: Db, fn: () => unknown): () => void {
  const calls: Array<{ sql: string; method: 'all' | 'get'; args: unknown[] }> = []
  const prepare = db.prepare.bind(db)
  const spy = (sql: string) => {
    const st = prepare(sql)
    for (const method of ['all', 'get'] as const) {
      const run = st[method].bind(st) as (...a: unknown[]) => unknown
      ;(st as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => (calls.push({ sql, method, args }), run(...args))
    }
    return st
  }
  ;(db as unknown as { prepare: typeof spy }).prepare = spy
  try {
    fn()
  } finally {
    ;(db as unknown as { prepare: typeof prepare }).prepare = prepare
  }
  const replay = calls.map((c) => ({ st: db.prepare(c.sql), method: c.method, args: c.args }))
  return () => {
    for (const r of replay) (r.st[r.method] as (...a: unknown[]) => unknown)(...r.args)
  }
}
