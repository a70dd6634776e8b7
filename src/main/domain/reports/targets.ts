import type { Db, ReadDb } from '../../db/types'
import type { Actor } from '../../core/context'
import { FIGURES, type Targets } from '../../../shared/contract/reports'
import { AppError } from '../../../shared/errors'
import { recordAudit } from '../audit/audit'

const KEY = 'reports.targets'

/** The source's targets (SPEC 5) where it names one; the rest are a careful shop's starting point. */
export const DEFAULT_TARGETS: Targets = {
  timeliness: 90,
  satisfaction: 85,
  serviceFaultComplaints: 3,
  warrantyFollowup: 95,
  requisitionAccuracy: 98,
  countVariance: 2,
  ledgerAgreement: 100,
  solveMedian: 48,
  solveWorst: 96,
  bookingRate: 50,
  onTimeArrival: 85,
  noShow: 10
}

export function readTargets(db: ReadDb): { targets: Targets; version: number } {
  const raw = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(KEY) as string | undefined
  if (!raw) return { targets: { ...DEFAULT_TARGETS }, version: 1 }
  const stored = JSON.parse(raw) as { targets: Partial<Targets>; version: number }
  // A target added after the shop saved its own keeps its default until someone sets it.
  return { targets: { ...DEFAULT_TARGETS, ...stored.targets }, version: stored.version }
}

export function updateTargets(db: Db, actor: Actor, at: Date, targets: Targets, version: number): { targets: Targets; version: number } {
  const current = readTargets(db)
  if (current.version !== version) {
    throw new AppError('stale_version', 'Someone else changed the targets since you opened them; reload and try again.', { what: 'reports targets', id: KEY })
  }
  for (const k of FIGURES) {
    if (!['solveMedian', 'solveWorst'].includes(k) && targets[k] > 100) {
      throw new AppError('reports.target_over_100', 'A percentage target cannot be above 100 %.', { figure: k })
    }
  }
  const next = { targets: { ...targets }, version: version + 1 }
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(next))
  recordAudit(db, actor, at, { action: 'update', entity: 'reports_targets', entityId: KEY, before: current.targets, after: next.targets })
  return next
}
