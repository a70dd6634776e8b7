import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore } from '../../src/main/core/create'
import { dispatch } from '../../src/main/core/dispatch'
import { generateCustomers } from '../../src/main/domain/demo/generate'
import { insertStaff } from '../../src/main/domain/staff/staff'
import { generateHistory } from '../../src/main/domain/reports/demo'
import { kpiReport } from '../../src/main/domain/reports/kpi'
import { localRange, monthEnd, periodOf, trendMonths } from '../../src/main/domain/reports/period'
import { COUNT_LINES_SQL, DELIVERED_SQL, REQUISITIONS_SQL, SATISFACTION_SQL, SHOP_TIMELINESS_SQL, onsiteMetSql } from '../../src/main/domain/reports/sources'
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

    // The bare SQL of the month's page: each figure's statement for the month and each trend month.
    const met = onsiteMetSql(core.db)
    const stmts = {
      shop: core.db.prepare(SHOP_TIMELINESS_SQL),
      onsite: core.db.prepare(`SELECT count(*), sum(${met}) FROM work_orders WHERE response_due_at >= ? AND response_due_at < ? AND kind = 'onsite' AND status NOT IN ('cancelled', 'declined') AND (response_due_at <= ? OR ${met})`),
      satisfaction: core.db.prepare(SATISFACTION_SQL),
      delivered: core.db.prepare(DELIVERED_SQL),
      complaints: core.db.prepare('SELECT count(*), sum(service_fault = 1) FROM followup_complaints WHERE received_at >= ? AND received_at < ?'),
      firstCalls: core.db.prepare(
        `SELECT t.id, (SELECT min(c.at) FROM followup_calls c WHERE c.task_id = t.id AND c.outcome = 'reached') FROM followup_tasks t JOIN work_orders w ON w.id = t.work_order_id
         WHERE t.kind = 'first_call' AND t.due_by >= ? AND t.due_by <= ? AND t.status <> 'cancelled'
           AND EXISTS (SELECT 1 FROM wo_warranties y WHERE y.vehicle_id = t.vehicle_id AND y.starts_at <= w.delivered_at AND y.ends_on >= t.reason_date)`
      ),
      requisitions: core.db.prepare(REQUISITIONS_SQL),
      counts: core.db.prepare(COUNT_LINES_SQL),
      requests: core.db.prepare('SELECT created_at, solved_at FROM followup_requests WHERE solved_at >= ? AND solved_at < ?'),
      resolved: core.db.prepare('SELECT received_at, resolved_at FROM followup_complaints WHERE resolved_at >= ? AND resolved_at < ?'),
      appointments: core.db.prepare(
        `SELECT substr(starts_at, 1, 10) AS day, count(*), sum(arrival = 'on_time'), sum(status = 'no_show') FROM appointments WHERE starts_at >= ? AND starts_at < ? GROUP BY day`
      ),
      intake: core.db.prepare(`SELECT opened_at, appointment_id IS NOT NULL FROM work_orders WHERE kind = 'shop' AND opened_at >= ? AND opened_at < ?`)
    }
    const now = at.toISOString()
    const ranges = [periodOf('month', '2026-11-15', tz), ...trendMonths('month', '2026-11-15').map((m) => localRange(`${m}-01`, monthEnd(m), tz))]
    const bareKpi = () => {
      ranges.forEach((r, i) => {
        stmts.shop.get(r.start, r.end)
        stmts.onsite.get(r.start, r.end, now)
        stmts.satisfaction.get(r.start, r.end)
        stmts.delivered.get(r.start, r.end)
        stmts.complaints.get(r.start, r.end)
        stmts.firstCalls.all(r.from, r.to)
        stmts.requisitions.all(r.start, r.end)
        stmts.counts.get(r.start, r.end)
        stmts.requests.all(r.start, r.end)
        stmts.resolved.all(r.start, r.end)
        if (i === 0) {
          stmts.appointments.all(`${r.from}T00:00`, `${r.to}T24:00`)
          stmts.intake.all(r.start, r.end)
        }
      })
    }

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
          note: `reports.kpi for November (12 figures + 12-month trend) on ${sizes}; bare: the same SQL statements`,
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
