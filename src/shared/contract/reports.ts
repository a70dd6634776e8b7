import { z } from 'zod'
import { call } from './define'
import { id, locale, version } from './common'
import { documentRef } from './system'
import type { Role } from '../roles'
import { LOCAL_DATE } from '../time'

/** Roles that manage staff: they read the shop's targets and everyone's figures. */
export const MANAGER_ROLES: readonly Role[] = ['admin', 'service_director', 'frontdesk_supervisor', 'workshop_supervisor']
/** Who prints the weekly follow-up report for the departments. */
const WEEKLY_ROLES: readonly Role[] = [...MANAGER_ROLES, 'followup_agent']
const ALL_STAFF: readonly Role[] = ['advisor', 'frontdesk_supervisor', 'workshop_supervisor', 'warehouse_clerk', 'service_director', 'followup_agent', 'admin']

/**
 * The figures of the assessment (SPEC 5), in the order the page and the sheets show them.
 * A figure is a percentage or a number of hours; `gte` must reach the target, `lt`/`lte` stay under it.
 */
export const FIGURES = [
  'timeliness',
  'satisfaction',
  'serviceFaultComplaints',
  'warrantyFollowup',
  'requisitionAccuracy',
  'countVariance',
  'ledgerAgreement',
  'solveMedian',
  'solveWorst',
  'bookingRate',
  'onTimeArrival',
  'noShow'
] as const
export type FigureKey = (typeof FIGURES)[number]
export type Comparator = 'gte' | 'lt' | 'lte'

export const FIGURE_RULES: Record<FigureKey, { unit: 'percent' | 'hours'; comparator: Comparator; source: 'workorders' | 'followup' | 'parts' | 'appointments' }> = {
  timeliness: { unit: 'percent', comparator: 'gte', source: 'workorders' },
  satisfaction: { unit: 'percent', comparator: 'gte', source: 'followup' },
  serviceFaultComplaints: { unit: 'percent', comparator: 'lt', source: 'followup' },
  warrantyFollowup: { unit: 'percent', comparator: 'gte', source: 'followup' },
  requisitionAccuracy: { unit: 'percent', comparator: 'gte', source: 'parts' },
  countVariance: { unit: 'percent', comparator: 'lte', source: 'parts' },
  ledgerAgreement: { unit: 'percent', comparator: 'gte', source: 'parts' },
  solveMedian: { unit: 'hours', comparator: 'lte', source: 'followup' },
  solveWorst: { unit: 'hours', comparator: 'lte', source: 'followup' },
  bookingRate: { unit: 'percent', comparator: 'gte', source: 'appointments' },
  onTimeArrival: { unit: 'percent', comparator: 'gte', source: 'appointments' },
  noShow: { unit: 'percent', comparator: 'lte', source: 'appointments' }
}

/** Whether a figure meets its target; null when there is nothing to judge. */
export function meets(key: FigureKey, value: number | null, target: number): boolean | null {
  if (value === null) return null
  const c = FIGURE_RULES[key].comparator
  return c === 'gte' ? value >= target : c === 'lt' ? value < target : value <= target
}

const targetValue = z.number().min(0).max(10_000)
export const targetsShape = z.object(Object.fromEntries(FIGURES.map((k) => [k, targetValue])) as Record<FigureKey, typeof targetValue>)
export type Targets = z.infer<typeof targetsShape>

export const PERIODS = ['day', 'week', 'month', 'year'] as const
export type PeriodKind = (typeof PERIODS)[number]
const localDate = z.string().regex(LOCAL_DATE, { message: 'reports.date' })
export const periodInput = z.object({ period: z.enum(PERIODS), date: localDate })

export const figure = z.object({
  key: z.enum(FIGURES),
  unit: z.enum(['percent', 'hours']),
  comparator: z.enum(['gte', 'lt', 'lte']),
  /** Percent 0–100 or hours, one decimal; null = no data in the period. */
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  target: z.number(),
  met: z.boolean().nullable(),
  /** Counts behind the figure that the page shows beside it (e.g. shop and on-site parts of timeliness). */
  parts: z.record(z.string(), z.number().nullable())
})
export type Figure = z.infer<typeof figure>

export const trendPoint = z.object({ month: z.string(), values: z.record(z.string(), z.number().nullable()) })
export type TrendPoint = z.infer<typeof trendPoint>

export const kpiReport = z.object({
  period: z.enum(PERIODS),
  from: z.string(),
  to: z.string(),
  /** For a period reaching past today: figures count up to now. */
  asOf: z.string(),
  figures: z.array(figure),
  trend: z.array(trendPoint)
})
export type KpiReport = z.infer<typeof kpiReport>

export const recordRow = z.object({
  kind: z.enum(['workorder', 'call', 'complaint', 'request', 'task', 'requisition', 'count_line', 'ledger', 'appointment']),
  id: z.number(),
  label: z.string(),
  customerId: z.number().nullable(),
  customerName: z.string().nullable(),
  staffName: z.string().nullable(),
  /** The moment the record is judged against (promised, due, window end), ISO or local date. */
  due: z.string().nullable(),
  /** What actually happened and when (delivered, arrived, called, solved). */
  actual: z.string().nullable(),
  value: z.number().nullable(),
  note: z.string().nullable(),
  ok: z.boolean().nullable(),
  /** The hash route of the record itself. */
  link: z.string()
})
export type RecordRow = z.infer<typeof recordRow>

export const staffRow = z.object({
  staffId: z.number(),
  name: z.string(),
  jobsDone: z.number().int(),
  onsiteVisits: z.number().int(),
  onsiteDays: z.number().int(),
  calls: z.number().int(),
  callsReached: z.number().int(),
  scoredCalls: z.number().int(),
  satisfiedCalls: z.number().int(),
  satisfaction: z.number().nullable()
})
export type StaffRow = z.infer<typeof staffRow>

const exportFile = z.object({ fileName: z.string(), mime: z.string(), base64: z.string(), rows: z.number().int() })
export const EXPORT_TABLES = ['figures', 'trend', 'staff', 'records'] as const

export const reportsContract = {
  'reports.kpi': call({
    summary: 'The targets measured for a day, week, month or year, each beside its target, and the twelve months leading to it. The ledger check comes only with withLedger (or from reports.ledger).',
    input: periodInput.extend({ withLedger: z.boolean().default(false) }),
    output: kpiReport,
    access: MANAGER_ROLES
  }),
  'reports.ledger': call({
    summary: 'Ledger and journal agree (帳物一致), checked on today’s books; apart from reports.kpi because it sums the whole stock journal.',
    input: z.object({}),
    output: figure,
    access: MANAGER_ROLES
  }),
  'reports.records': call({
    summary: 'The records behind one figure of a period (the orders, calls, complaints… it counts), misses first.',
    input: periodInput.extend({ figure: z.enum(FIGURES), limit: z.number().int().min(1).max(2000).default(500) }),
    output: z.object({ rows: z.array(recordRow), more: z.boolean() }),
    access: MANAGER_ROLES
  }),
  'reports.staff': call({
    summary: "Each person's work: jobs done, on-site visits and days, follow-up calls, satisfaction of the customers they served. Managers see everyone, others only themselves.",
    input: periodInput.extend({ staffId: id.optional() }),
    output: z.array(staffRow),
    access: ALL_STAFF
  }),
  'reports.export': call({
    summary: 'One table of the Reports page as XLSX; the export goes in the audit trail.',
    input: periodInput.extend({ table: z.enum(EXPORT_TABLES), figure: z.enum(FIGURES).optional(), locale: locale.optional() }),
    output: exportFile,
    access: ALL_STAFF
  }),
  'reports.print.weekly': call({
    summary: 'The weekly follow-up report for the departments (calls, satisfaction, complaints by department, requests) as PDF.',
    input: z.object({ date: localDate, locale: locale.optional() }),
    output: documentRef,
    access: WEEKLY_ROLES
  }),
  'reports.print.monthly': call({
    summary: 'The monthly summary: every target with its figure, the twelve-month trend charts, staff and appointments, as PDF.',
    input: z.object({ date: localDate, locale: locale.optional() }),
    output: documentRef,
    access: MANAGER_ROLES
  }),
  'reports.print.year': call({
    summary: 'The year-end summary: the year against the targets, month by month, with charts and staff figures, as PDF.',
    input: z.object({ date: localDate, locale: locale.optional() }),
    output: documentRef,
    access: MANAGER_ROLES
  }),
  'reports.settings.get': call({
    summary: 'The targets each figure is measured against.',
    input: z.object({}),
    output: z.object({ targets: targetsShape, version: z.number().int() }),
    access: ALL_STAFF
  }),
  'reports.settings.update': call({
    summary: 'Change the targets; refused if someone else saved them since they were read.',
    input: z.object({ targets: targetsShape, version }),
    output: z.object({ targets: targetsShape, version: z.number().int() }),
    access: ['service_director', 'admin']
  })
} as const
