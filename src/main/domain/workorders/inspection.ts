import type { Db, ReadDb } from '../../db/types'
import type { Actor } from '../../core/context'
import { AppError, notFound, staleVersion } from '../../../shared/errors'
import type { Locale } from '../../../shared/contract/common'
import type { DeclinedItem, InspectionTemplate, WoSettings } from '../../../shared/contract/workorders'
import { translate } from '../../../shared/i18n'
import { recordAudit } from '../audit/audit'
import { readSettings } from '../settings/settings'
import { orderRow } from './read'
import { bump, checkVersion, lockedFor, openRevisionIfApproved, refreshTotals } from './orders'
import { lineTotal } from './totals'

interface TemplateGroup {
  name: string
  items: Array<{ label: string; unit: string | null }>
}

/** The first templates a shop gets, in its own language; from then on they are the shop's to edit. */
const DEFAULTS: Array<{ key: string; vehicleTypes: string[]; groups: Array<[string, Array<[string, string | null]>]> }> = [
  {
    key: 'car',
    vehicleTypes: ['car', 'suv', 'mpv', 'ev', 'other'],
    groups: [
      ['underBonnet', [['engineOil', null], ['coolant', null], ['brakeFluid', null], ['washer', null], ['driveBelt', null], ['airFilter', null], ['leaks', null]]],
      ['brakes', [['padsFront', 'mm'], ['padsRear', 'mm'], ['discs', null], ['brakeLines', null], ['handbrake', null]]],
      ['tyres', [['tyreFL', 'mm'], ['tyreFR', 'mm'], ['tyreRL', 'mm'], ['tyreRR', 'mm'], ['pressure', 'kPa'], ['spare', null]]],
      ['lights', [['headlights', null], ['brakeLights', null], ['indicators', null], ['wipers', null]]],
      ['underbody', [['exhaust', null], ['suspension', null], ['steering', null], ['cvBoots', null]]],
      ['battery', [['batteryVoltage', 'V'], ['terminals', null]]]
    ]
  },
  {
    key: 'commercial',
    vehicleTypes: ['van', 'truck', 'bus'],
    groups: [
      ['underBonnet', [['engineOil', null], ['coolant', null], ['brakeFluid', null], ['driveBelt', null], ['airFilter', null], ['leaks', null]]],
      ['brakes', [['padsFront', 'mm'], ['padsRear', 'mm'], ['airPressure', 'kPa'], ['brakeLines', null], ['handbrake', null]]],
      ['tyres', [['tyreFL', 'mm'], ['tyreFR', 'mm'], ['tyreRL', 'mm'], ['tyreRR', 'mm'], ['pressure', 'kPa'], ['spare', null]]],
      ['lights', [['headlights', null], ['brakeLights', null], ['indicators', null], ['wipers', null]]],
      ['underbody', [['exhaust', null], ['suspension', null], ['steering', null], ['propShaft', null]]],
      ['battery', [['batteryVoltage', 'V'], ['terminals', null]]]
    ]
  }
]

const TEMPLATE_COLUMNS = 'id, name, vehicle_types AS vehicleTypes, groups, active, version'

type TemplateRow = { id: number; name: string; vehicleTypes: string; groups: string; active: number; version: number }
const toTemplate = (r: TemplateRow): InspectionTemplate => ({
  ...r,
  vehicleTypes: JSON.parse(r.vehicleTypes) as string[],
  groups: JSON.parse(r.groups) as TemplateGroup[],
  active: r.active === 1
})

export function ensureDefaultTemplates(db: Db, at: Date): void {
  if (db.prepare('SELECT 1 FROM wo_inspection_templates LIMIT 1').get()) return
  const locale: Locale = readSettings(db).locale ?? 'zh-CN'
  const t = (k: string) => translate(locale, `workorders.tpl.${k}`)
  const ins = db.prepare('INSERT INTO wo_inspection_templates (name, vehicle_types, groups, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
  for (const d of DEFAULTS) {
    const groups: TemplateGroup[] = d.groups.map(([g, items]) => ({ name: t(g), items: items.map(([label, unit]) => ({ label: t(label), unit })) }))
    ins.run(t(d.key), JSON.stringify(d.vehicleTypes), JSON.stringify(groups), at.toISOString(), at.toISOString())
  }
}

export function listTemplates(db: ReadDb, includeInactive: boolean): InspectionTemplate[] {
  const rows = db
    .prepare(`SELECT ${TEMPLATE_COLUMNS} FROM wo_inspection_templates ${includeInactive ? '' : 'WHERE active = 1'} ORDER BY id`)
    .all() as TemplateRow[]
  return rows.map(toTemplate)
}

export interface TemplateInput {
  id?: number | undefined
  version?: number | undefined
  name: string
  vehicleTypes: string[]
  groups: TemplateGroup[]
  active: boolean
}

export function saveTemplate(db: Db, actor: Actor, at: Date, input: TemplateInput): InspectionTemplate {
  const now = at.toISOString()
  if (input.id) {
    const before = db.prepare(`SELECT ${TEMPLATE_COLUMNS} FROM wo_inspection_templates WHERE id = ?`).get(input.id) as TemplateRow | undefined
    if (!before) throw notFound('inspection template', input.id)
    if (before.version !== input.version) throw staleVersion('inspection template', input.id)
    db.prepare('UPDATE wo_inspection_templates SET name = ?, vehicle_types = ?, groups = ?, active = ?, updated_at = ?, version = version + 1 WHERE id = ?').run(
      input.name,
      JSON.stringify(input.vehicleTypes),
      JSON.stringify(input.groups),
      input.active ? 1 : 0,
      now,
      input.id
    )
    recordAudit(db, actor, at, { action: 'update', entity: 'inspection_template', entityId: input.id, before: toTemplate(before), after: { ...input } })
    return toTemplate(db.prepare(`SELECT ${TEMPLATE_COLUMNS} FROM wo_inspection_templates WHERE id = ?`).get(input.id) as TemplateRow)
  }
  const info = db
    .prepare('INSERT INTO wo_inspection_templates (name, vehicle_types, groups, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(input.name, JSON.stringify(input.vehicleTypes), JSON.stringify(input.groups), input.active ? 1 : 0, now, now)
  const id = Number(info.lastInsertRowid)
  recordAudit(db, actor, at, { action: 'create', entity: 'inspection_template', entityId: id, after: { ...input } })
  return toTemplate(db.prepare(`SELECT ${TEMPLATE_COLUMNS} FROM wo_inspection_templates WHERE id = ?`).get(id) as TemplateRow)
}

/** Copies the template's items onto the order, so a later edit of the template never rewrites a sheet. */
export function startInspection(db: Db, actor: Actor, at: Date, id: number, version: number, templateId?: number): void {
  const o = orderRow(db, id)
  checkVersion(o, version)
  lockedFor(o, 'the inspection')
  if (db.prepare('SELECT 1 FROM wo_inspections WHERE work_order_id = ?').get(id)) {
    throw new AppError('workorders.inspection_exists', `Order ${o.number} already has an inspection sheet.`, { number: o.number })
  }
  ensureDefaultTemplates(db, at)
  const templates = listTemplates(db, false)
  const vehicleType = (db.prepare('SELECT vehicle_type AS t FROM vehicles WHERE id = ?').get(o.vehicleId) as { t: string }).t
  const tpl = templateId ? templates.find((t) => t.id === templateId) : (templates.find((t) => t.vehicleTypes.includes(vehicleType)) ?? templates[0])
  if (!tpl) throw notFound('inspection template', templateId ?? 0)
  db.prepare('INSERT INTO wo_inspections (work_order_id, template_id, template_name, started_at, started_by) VALUES (?, ?, ?, ?, ?)').run(
    id,
    tpl.id,
    tpl.name,
    at.toISOString(),
    actor.id
  )
  const ins = db.prepare('INSERT INTO wo_inspection_items (work_order_id, position, group_name, label, unit) VALUES (?, ?, ?, ?, ?)')
  let position = 0
  for (const g of tpl.groups) for (const item of g.items) ins.run(id, position++, g.name, item.label, item.unit)
  bump(db, id, at)
  recordAudit(db, actor, at, { action: 'create', entity: 'inspection', entityId: id, after: { template: tpl.name, items: position } })
}

export interface ResultInput {
  id: number
  result: string | null
  measurement: string | null
  note: string | null
}

export function saveInspection(db: Db, actor: Actor, at: Date, id: number, version: number, inspector: string | null, complete: boolean, items: ResultInput[]): void {
  const o = orderRow(db, id)
  checkVersion(o, version)
  lockedFor(o, 'the inspection')
  if (!db.prepare('SELECT 1 FROM wo_inspections WHERE work_order_id = ?').get(id)) throw notFound('inspection', id)
  const get = db.prepare('SELECT id, result, decision FROM wo_inspection_items WHERE id = ? AND work_order_id = ?')
  const upd = db.prepare('UPDATE wo_inspection_items SET result = ?, measurement = ?, note = ? WHERE id = ?')
  const changes: unknown[] = []
  for (const it of items) {
    const row = get.get(it.id, id) as { id: number; result: string | null; decision: string | null } | undefined
    if (!row) throw notFound('inspection item', it.id)
    // Once the customer has decided on an item, its finding is what they decided on.
    if (row.decision && row.result !== it.result) {
      throw new AppError('workorders.item_decided', 'The customer has already decided on this item; its result stays.', { id: it.id })
    }
    upd.run(it.result, it.measurement, it.note, it.id)
    changes.push([it.id, it.result, it.measurement])
  }
  db.prepare('UPDATE wo_inspections SET inspector = coalesce(?, inspector), completed_at = CASE WHEN ? THEN ? ELSE completed_at END WHERE work_order_id = ?').run(
    inspector,
    complete ? 1 : 0,
    at.toISOString(),
    id
  )
  bump(db, id, at)
  recordAudit(db, actor, at, { action: 'update', entity: 'inspection', entityId: id, note: { items: changes, complete } })
}

export interface DecisionLine {
  section: string
  description: string
  partId: number | null
  partNo: string | null
  qtyMilli: number
  unitCents: number
  discountBp: number
  warrantyCategory: string | null
}

/**
 * The customer decides on one suggested item. Approved, it becomes a line of the estimate (one
 * labour hour at the shop's rate unless the advisor priced it); declined, it is remembered for the
 * vehicle's next visit and the follow-up call.
 */
export function decideItem(
  db: Db,
  actor: Actor,
  at: Date,
  s: WoSettings,
  id: number,
  version: number,
  itemId: number,
  decision: 'approved' | 'declined',
  line?: DecisionLine
): void {
  const o = orderRow(db, id)
  checkVersion(o, version)
  lockedFor(o, 'the estimate')
  const item = db.prepare('SELECT id, label, result, decision FROM wo_inspection_items WHERE id = ? AND work_order_id = ?').get(itemId, id) as
    | { id: number; label: string; result: string | null; decision: string | null }
    | undefined
  if (!item) throw notFound('inspection item', itemId)
  if (item.result !== 'soon' && item.result !== 'urgent') {
    throw new AppError('workorders.not_suggested', 'Only items marked soon or urgent are suggested to the customer.', { label: item.label })
  }
  if (item.decision) throw new AppError('workorders.item_decided', 'The customer has already decided on this item.', { id: itemId })
  let lineId: number | null = null
  if (decision === 'approved') {
    openRevisionIfApproved(db, o)
    const l = line ?? {
      section: 'labour',
      description: item.label,
      partId: null,
      partNo: null,
      qtyMilli: 1000,
      unitCents: s.labourRateCents,
      discountBp: 0,
      warrantyCategory: null
    }
    const pos = (db.prepare('SELECT coalesce(max(position), -1) + 1 AS p FROM wo_lines WHERE work_order_id = ?').get(id) as { p: number }).p
    const info = db
      .prepare(
        `INSERT INTO wo_lines (work_order_id, section, position, description, part_id, part_no, qty_milli, unit_cents, discount_bp, amount_cents,
          warranty_category, inspection_item_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(id, l.section, pos, l.description, l.partId, l.partNo, l.qtyMilli, l.unitCents, l.discountBp, lineTotal(l), l.warrantyCategory, itemId)
    lineId = Number(info.lastInsertRowid)
    refreshTotals(db, id, s)
  }
  db.prepare('UPDATE wo_inspection_items SET decision = ?, decided_at = ?, decided_by = ?, line_id = ? WHERE id = ?').run(
    decision,
    at.toISOString(),
    actor.id,
    lineId,
    itemId
  )
  bump(db, id, at)
  recordAudit(db, actor, at, { action: 'update', entity: 'inspection', entityId: id, note: { item: item.label, result: item.result, decision, lineId } })
}

/**
 * Items a customer declined on this vehicle and has not had done on a later visit, newest first:
 * shown at check-in and in the follow-up call.
 */
export function declinedItemsForVehicle(db: ReadDb, vehicleId: number): DeclinedItem[] {
  return db
    .prepare(
      `SELECT o.id AS workOrderId, o.number, o.opened_at AS openedAt, i.group_name AS "group", i.label, i.result, i.measurement, i.note
       FROM work_orders o JOIN wo_inspection_items i ON i.work_order_id = o.id
       WHERE o.vehicle_id = ? AND i.decision = 'declined'
         AND NOT EXISTS (
           SELECT 1 FROM work_orders o2 JOIN wo_inspection_items j ON j.work_order_id = o2.id
           WHERE o2.vehicle_id = o.vehicle_id AND o2.opened_at > o.opened_at AND j.label = i.label AND j.decision = 'approved')
       ORDER BY o.opened_at DESC, i.position`
    )
    .all(vehicleId) as DeclinedItem[]
}
