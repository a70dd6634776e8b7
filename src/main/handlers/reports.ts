import { MANAGER_ROLES, type reportsContract } from '../../shared/contract/reports'
import type { Locale } from '../../shared/contract/common'
import { AppError } from '../../shared/errors'
import { translate } from '../../shared/i18n'
import type { Actor, Ctx } from '../core/context'
import { requireActor } from '../core/context'
import type { HandlerMap } from '../core/dispatch'
import { recordAudit } from '../domain/audit/audit'
import { figuresSheet, recordsSheet, staffSheet, toXlsx, trendSheet, type Sheet } from '../domain/reports/export'
import { kpiReport, ledgerFigure } from '../domain/reports/kpi'
import { recordsOf } from '../domain/reports/records'
import { staffFigures } from '../domain/reports/staff'
import { readTargets, updateTargets } from '../domain/reports/targets'
import { weeklyFollowup } from '../domain/reports/weekly'
import { readSettings } from '../domain/settings/settings'
import { inTx } from '../domain/tx'
import { renderPdf } from '../print/render'
import { monthlyNumber, monthlySummaryDoc, weeklyFollowupDoc, weeklyNumber, yearNumber, yearSummaryDoc } from '../print/documents/reports'
import type { TDocumentDefinitions } from 'pdfmake/interfaces'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

const isManager = (actor: Actor): boolean => actor.roles.some((r) => MANAGER_ROLES.includes(r))

/** Only roles that manage staff see other people's figures; everyone else sees their own. */
function whoseFigures(actor: Actor, staffId: number | undefined): number | null {
  if (isManager(actor)) return staffId ?? null
  if (staffId !== undefined && staffId !== actor.id) {
    throw new AppError('forbidden', "Only roles that manage staff see other people's figures.", { call: 'reports.staff', roles: [...MANAGER_ROLES] })
  }
  return actor.id
}

function needManager(actor: Actor, what: string): void {
  if (!isManager(actor)) throw new AppError('forbidden', `Only roles that manage staff export ${what}.`, { call: 'reports.export', roles: [...MANAGER_ROLES] })
}

async function printed(ctx: Ctx, doc: TDocumentDefinitions, locale: Locale, fileName: string) {
  const { pdf, pages } = await renderPdf(doc, locale)
  return { documentId: ctx.core.documents.put(pdf, fileName, ctx.token), fileName, pages, bytes: pdf.length }
}

export const reportsHandlers: HandlerMap<typeof reportsContract> = {
  'reports.kpi': ({ period, date, withLedger }, { db, clock }) => kpiReport(db, period, date, clock.now(), withLedger),
  'reports.ledger': (_input, { db }) => ledgerFigure(db),
  'reports.records': ({ figure, period, date, limit }, { db, clock }) => recordsOf(db, figure, period, date, clock.now(), limit),
  'reports.staff': ({ period, date, staffId }, ctx) => staffFigures(ctx.db, period, date, whoseFigures(requireActor(ctx), staffId)),
  'reports.export': async ({ period, date, table, figure, locale: asked }, ctx) => {
    const { db, clock } = ctx
    const actor = requireActor(ctx)
    const settings = readSettings(db)
    const locale = asked ?? settings.locale ?? 'zh-CN'
    let sheet: Sheet
    if (table === 'staff') {
      sheet = staffSheet(staffFigures(db, period, date, whoseFigures(actor, undefined)), locale)
    } else if (table === 'records') {
      needManager(actor, 'records')
      if (!figure) throw new AppError('reports.figure_required', 'Say which figure’s records to export.')
      sheet = recordsSheet(recordsOf(db, figure, period, date, clock.now(), 20_000).rows, figure, locale, settings.timeZone)
    } else {
      needManager(actor, 'the targets')
      const report = kpiReport(db, period, date, clock.now())
      sheet = table === 'figures' ? figuresSheet(report, locale) : trendSheet(report, locale)
    }
    const subtitle = `${translate(locale, `reports.period.${period}`)} ${date}`
    const file = await toXlsx(sheet, subtitle)
    const fileName = `${table}${figure ? `-${figure}` : ''}-${period}-${date}.xlsx`
    inTx(db, () => recordAudit(db, actor, clock.now(), { action: 'export', entity: 'report', entityId: table, note: { table, figure: figure ?? null, period, date, rows: sheet.rows.length, fileName } }))
    return { fileName, mime: XLSX, base64: file.toString('base64'), rows: sheet.rows.length }
  },
  'reports.print.weekly': async ({ date, locale: asked }, ctx) => {
    const settings = readSettings(ctx.db)
    const locale = asked ?? settings.locale ?? 'zh-CN'
    const data = weeklyFollowup(ctx.db, date, ctx.clock.now())
    const doc = weeklyFollowupDoc({ data, targets: readTargets(ctx.db).targets, settings, locale, printedAt: ctx.clock.now() })
    return printed(ctx, doc, locale, `${weeklyNumber(data.from)}.pdf`)
  },
  'reports.print.monthly': async ({ date, locale: asked }, ctx) => {
    const settings = readSettings(ctx.db)
    const locale = asked ?? settings.locale ?? 'zh-CN'
    const report = kpiReport(ctx.db, 'month', date, ctx.clock.now())
    const staff = staffFigures(ctx.db, 'month', date, null)
    const doc = monthlySummaryDoc({ report, staff, targets: readTargets(ctx.db).targets, settings, locale, printedAt: ctx.clock.now() })
    return printed(ctx, doc, locale, `${monthlyNumber(report.from.slice(0, 7))}.pdf`)
  },
  'reports.print.year': async ({ date, locale: asked }, ctx) => {
    const settings = readSettings(ctx.db)
    const locale = asked ?? settings.locale ?? 'zh-CN'
    const report = kpiReport(ctx.db, 'year', date, ctx.clock.now())
    const staff = staffFigures(ctx.db, 'year', date, null)
    const doc = yearSummaryDoc({ report, staff, targets: readTargets(ctx.db).targets, settings, locale, printedAt: ctx.clock.now() })
    return printed(ctx, doc, locale, `${yearNumber(report.from.slice(0, 4))}.pdf`)
  },
  'reports.settings.get': (_input, { db }) => readTargets(db),
  'reports.settings.update': ({ targets, version }, ctx) => inTx(ctx.db, () => updateTargets(ctx.db, requireActor(ctx), ctx.clock.now(), targets, version))
}
