import type { Db, ReadDb } from '../../db/types'
import type { WarrantyItem } from '../../../shared/contract/workorders'
import { addMonths } from './dates'
import { readSettings } from '../settings/settings'
import { toLocalDate } from '../../../shared/time'
import { linesOf, orderRow } from './read'
import { readWoSettings, warrantyRule } from './settings'

/** Repairs and replaced parts carry a warranty; diagnosis, call-out and the customer's own parts do not. */
export const WARRANTED_SECTIONS = new Set(['labour', 'parts', 'outside'])

export interface WarrantyDraft {
  lineId: number
  description: string
  partNo: string | null
  category: string
  months: number
  kmLimit: number | null
  startsAt: string
  endsOn: string
  startKm: number | null
}

/** The warranty each charged repair line gives, starting at delivery (or now, for a preview). */
export function warrantyDrafts(db: ReadDb, workOrderId: number, start: Date): WarrantyDraft[] {
  const s = readWoSettings(db)
  const tz = readSettings(db).timeZone
  const o = orderRow(db, workOrderId)
  const startDate = toLocalDate(start, tz)
  return linesOf(db, workOrderId)
    .filter((l) => l.charged && WARRANTED_SECTIONS.has(l.section))
    .map((l) => {
      const rule = warrantyRule(s, l.warrantyCategory)
      return {
        lineId: l.id,
        description: l.description,
        partNo: l.partNo,
        category: rule.code,
        months: rule.months,
        kmLimit: rule.kmLimit,
        startsAt: start.toISOString(),
        endsOn: addMonths(startDate, rule.months),
        startKm: o.mileageKm
      }
    })
}

/** Fixed at delivery, so a later change of the shop's categories never shortens a warranty already given. */
export function recordWarranties(db: Db, workOrderId: number, at: Date): void {
  const o = orderRow(db, workOrderId)
  const ins = db.prepare(
    `INSERT OR IGNORE INTO wo_warranties (work_order_id, vehicle_id, line_id, description, part_no, category, months, km_limit, starts_at, ends_on, start_km)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  for (const w of warrantyDrafts(db, workOrderId, at)) {
    ins.run(workOrderId, o.vehicleId, w.lineId, w.description, w.partNo, w.category, w.months, w.kmLimit, w.startsAt, w.endsOn, w.startKm)
  }
}

const WARRANTY_COLUMNS = `w.id, w.work_order_id AS workOrderId, o.number, w.description, w.part_no AS partNo, w.category, w.months,
  w.km_limit AS kmLimit, w.starts_at AS startsAt, w.ends_on AS endsOn, w.start_km AS startKm,
  CASE WHEN w.km_limit IS NULL OR w.start_km IS NULL THEN NULL ELSE w.start_km + w.km_limit END AS untilKm`

export function warrantiesOfOrder(db: ReadDb, workOrderId: number): WarrantyItem[] {
  return db
    .prepare(`SELECT ${WARRANTY_COLUMNS} FROM wo_warranties w JOIN work_orders o ON o.id = w.work_order_id WHERE w.work_order_id = ? ORDER BY w.id`)
    .all(workOrderId) as WarrantyItem[]
}

/**
 * What is still under warranty on a vehicle today: by date, and by mileage where the vehicle's
 * last known reading has not passed the limit.
 */
export function warrantyForVehicle(db: ReadDb, vehicleId: number, now: Date): WarrantyItem[] {
  const today = toLocalDate(now, readSettings(db).timeZone)
  const km = (db.prepare('SELECT mileage_km AS km FROM vehicles WHERE id = ?').get(vehicleId) as { km: number | null } | undefined)?.km ?? null
  const rows = db
    .prepare(
      `SELECT ${WARRANTY_COLUMNS} FROM wo_warranties w JOIN work_orders o ON o.id = w.work_order_id
       WHERE w.vehicle_id = ? AND w.ends_on >= ? ORDER BY w.ends_on, w.id`
    )
    .all(vehicleId, today) as WarrantyItem[]
  return rows.filter((r) => r.untilKm === null || km === null || km <= r.untilKm)
}
