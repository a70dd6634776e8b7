import type { Db, ReadDb } from '../../db/types'
import type { Actor } from '../../core/context'
import { AppError, notFound, staleVersion } from '../../../shared/errors'
import type { Part, PartCategory, PartLocation, PartsSettings } from '../../../shared/contract/parts'
import { recordAudit } from '../audit/audit'
import { reservedByPart } from './reserved'

export const MAIN_STORE = 1

export const DEFAULT_PARTS_SETTINGS: PartsSettings = {
  // Under ¥500 the workshop supervisor; from ¥500 to ¥2,000 a manager (front-desk supervisor);
  // from ¥2,000 only the service director. The director may approve any amount. The shop changes these.
  approvalTiers: [
    { upToCents: 50_000, roles: ['workshop_supervisor', 'service_director'] },
    { upToCents: 200_000, roles: ['frontdesk_supervisor', 'service_director'] },
    { upToCents: null, roles: ['service_director'] }
  ],
  oldPartDueDays: 14
}

const SETTINGS_KEY = 'parts.settings'

export function readPartsSettings(db: ReadDb): PartsSettings {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(SETTINGS_KEY) as { value: string } | undefined
  return row ? { ...DEFAULT_PARTS_SETTINGS, ...(JSON.parse(row.value) as Partial<PartsSettings>) } : DEFAULT_PARTS_SETTINGS
}

export function writePartsSettings(db: Db, actor: Actor, at: Date, next: PartsSettings): PartsSettings {
  const before = readPartsSettings(db)
  const tiers = next.approvalTiers
  tiers.forEach((t, i) => {
    const last = i === tiers.length - 1
    if (last !== (t.upToCents === null)) throw new AppError('parts.tiers_shape', 'Only the last approval tier is open-ended, and it must be.')
    const prev = tiers[i - 1]?.upToCents
    if (t.upToCents !== null && prev != null && t.upToCents <= prev) throw new AppError('parts.tiers_order', 'Approval tiers must rise in amount.')
  })
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(SETTINGS_KEY, JSON.stringify(next))
  recordAudit(db, actor, at, { action: 'update', entity: 'settings', entityId: SETTINGS_KEY, before, after: next })
  return next
}

/** The roles that may approve a requisition of this amount. */
export function approverRoles(settings: PartsSettings, amountCents: number): string[] {
  const tier = settings.approvalTiers.find((t) => t.upToCents === null || amountCents < t.upToCents) ?? settings.approvalTiers.at(-1)
  return tier ? [...tier.roles] : ['service_director']
}

// ——— locations, categories, suppliers ———

const LOCATION_COLUMNS = 'id, code, name, kind, active, version'
const toLocation = (r: Omit<PartLocation, 'active'> & { active: number }): PartLocation => ({ ...r, active: r.active === 1 })

export function listLocations(db: ReadDb): PartLocation[] {
  return (db.prepare(`SELECT ${LOCATION_COLUMNS} FROM part_locations ORDER BY id`).all() as Array<Omit<PartLocation, 'active'> & { active: number }>).map(toLocation)
}

export function getLocation(db: ReadDb, id: number): PartLocation {
  const r = db.prepare(`SELECT ${LOCATION_COLUMNS} FROM part_locations WHERE id = ?`).get(id) as (Omit<PartLocation, 'active'> & { active: number }) | undefined
  if (!r) throw notFound('location', id)
  return toLocation(r)
}

export function activeLocation(db: ReadDb, id: number): PartLocation {
  const l = getLocation(db, id)
  if (!l.active) throw new AppError('parts.location_inactive', `${l.name} is no longer in use.`, { location: l.name })
  return l
}

export function saveLocation(
  db: Db,
  actor: Actor,
  at: Date,
  input: { id?: number | undefined; version?: number | undefined; code: string; name: string; active: boolean }
): PartLocation {
  const now = at.toISOString()
  const code = input.code.toUpperCase()
  const clash = db.prepare('SELECT id FROM part_locations WHERE code = ?').get(code) as { id: number } | undefined
  if (clash && clash.id !== input.id) throw new AppError('parts.duplicate_location', `Location code ${code} is taken.`, { code })
  if (input.id === undefined) {
    const info = db
      .prepare("INSERT INTO part_locations (code, name, kind, active, created_at, updated_at) VALUES (?, ?, 'station', ?, ?, ?)")
      .run(code, input.name, input.active ? 1 : 0, now, now)
    const created = getLocation(db, Number(info.lastInsertRowid))
    recordAudit(db, actor, at, { action: 'create', entity: 'part_location', entityId: created.id, after: created })
    return created
  }
  const before = getLocation(db, input.id)
  if (input.version !== before.version) throw staleVersion('location', input.id)
  if (input.id === MAIN_STORE && !input.active) throw new AppError('parts.main_store_needed', 'The main store cannot be retired.')
  if (!input.active) {
    const held = db.prepare('SELECT count(*) AS n FROM part_balances WHERE location_id = ? AND qty > 0').get(input.id) as { n: number }
    if (held.n > 0) throw new AppError('parts.location_has_stock', `${before.name} still holds ${held.n} parts; transfer them first.`, { location: before.name, parts: held.n })
  }
  db.prepare('UPDATE part_locations SET code = ?, name = ?, active = ?, updated_at = ?, version = version + 1 WHERE id = ?').run(code, input.name, input.active ? 1 : 0, now, input.id)
  const after = getLocation(db, input.id)
  recordAudit(db, actor, at, { action: 'update', entity: 'part_location', entityId: input.id, before, after })
  return after
}

export function listCategories(db: ReadDb): PartCategory[] {
  return (db.prepare('SELECT id, code, name, watched FROM part_categories ORDER BY watched DESC, id').all() as Array<Omit<PartCategory, 'watched'> & { watched: number }>).map(
    (c) => ({ ...c, watched: c.watched === 1 })
  )
}

export function saveCategory(db: Db, actor: Actor, at: Date, input: { id?: number | undefined; code: string; name: string; watched: boolean }): PartCategory {
  const clash = db.prepare('SELECT id FROM part_categories WHERE code = ?').get(input.code) as { id: number } | undefined
  if (clash && clash.id !== input.id) throw new AppError('parts.duplicate_category', `Category ${input.code} exists.`, { code: input.code })
  let id = input.id
  if (id === undefined) {
    id = Number(db.prepare('INSERT INTO part_categories (code, name, watched) VALUES (?, ?, ?)').run(input.code, input.name, input.watched ? 1 : 0).lastInsertRowid)
  } else {
    const info = db.prepare('UPDATE part_categories SET code = ?, name = ?, watched = ? WHERE id = ?').run(input.code, input.name, input.watched ? 1 : 0, id)
    if (info.changes === 0) throw notFound('category', id)
  }
  const saved = listCategories(db).find((c) => c.id === id) as PartCategory
  recordAudit(db, actor, at, { action: input.id ? 'update' : 'create', entity: 'part_category', entityId: id, after: saved })
  return saved
}

export function listSuppliers(db: ReadDb): Array<{ id: number; name: string; contact: string | null; phone: string | null }> {
  return db.prepare('SELECT id, name, contact, phone FROM suppliers ORDER BY name').all() as Array<{ id: number; name: string; contact: string | null; phone: string | null }>
}

export function saveSupplier(
  db: Db,
  actor: Actor,
  at: Date,
  input: { id?: number | undefined; name: string; contact: string | null; phone: string | null }
): { id: number; name: string; contact: string | null; phone: string | null } {
  const clash = db.prepare('SELECT id FROM suppliers WHERE name = ?').get(input.name) as { id: number } | undefined
  if (clash && clash.id !== input.id) throw new AppError('parts.duplicate_supplier', `Supplier ${input.name} exists.`, { name: input.name })
  let id = input.id
  if (id === undefined) {
    id = Number(db.prepare('INSERT INTO suppliers (name, contact, phone, created_at) VALUES (?, ?, ?, ?)').run(input.name, input.contact, input.phone, at.toISOString()).lastInsertRowid)
  } else if (db.prepare('UPDATE suppliers SET name = ?, contact = ?, phone = ? WHERE id = ?').run(input.name, input.contact, input.phone, id).changes === 0) {
    throw notFound('supplier', id)
  }
  const saved = { id, name: input.name, contact: input.contact, phone: input.phone }
  recordAudit(db, actor, at, { action: input.id ? 'update' : 'create', entity: 'supplier', entityId: id, after: saved })
  return saved
}

// ——— the part master ———

export interface PartInput {
  partNo: string
  name: string
  spec: string | null
  unit: string
  categoryId: number
  bin: string | null
  supplierId: number | null
  costCents: number
  priceCents: number
  reorderLevel: number
}

export const PART_SELECT = `SELECT p.id, p.part_no AS partNo, p.name, p.spec, p.unit, p.category_id AS categoryId, c.code AS categoryCode,
  c.name AS categoryName, c.watched, p.bin, p.supplier_id AS supplierId, s.name AS supplierName, p.cost_cents AS costCents,
  p.price_cents AS priceCents, p.reorder_level AS reorderLevel, p.active, p.version
  FROM parts p JOIN part_categories c ON c.id = p.category_id LEFT JOIN suppliers s ON s.id = p.supplier_id`

export type PartRow = Omit<Part, 'watched' | 'active' | 'onHand' | 'reserved' | 'available'> & { watched: number; active: number }

/** Adds on-hand (at a location, or everywhere), reserved and available to master rows. */
export function withStock(db: ReadDb, rows: PartRow[], at: Date, timeZone: string, locationId?: number): Part[] {
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.id)
  const stock = new Map<number, number>()
  const stmt = locationId
    ? db.prepare('SELECT qty FROM part_balances WHERE part_id = ? AND location_id = ?')
    : db.prepare('SELECT coalesce(sum(qty), 0) AS qty FROM part_balances WHERE part_id = ?')
  for (const pid of ids) {
    const r = (locationId ? stmt.get(pid, locationId) : stmt.get(pid)) as { qty: number } | undefined
    stock.set(pid, r?.qty ?? 0)
  }
  const reserved = !locationId || locationId === MAIN_STORE ? reservedByPart(db, at, timeZone, ids) : new Map<number, number>()
  return rows.map((r) => {
    const onHand = stock.get(r.id) ?? 0
    const res = reserved.get(r.id) ?? 0
    return { ...r, watched: r.watched === 1, active: r.active === 1, onHand, reserved: res, available: Math.max(0, onHand - res) }
  })
}

export const searchKey = (p: { partNo: string; name: string; spec: string | null }): string => `${p.partNo} ${p.name} ${p.spec ?? ''}`.toLowerCase()

export function partRow(db: ReadDb, id: number): PartRow {
  const r = db.prepare(`${PART_SELECT} WHERE p.id = ?`).get(id) as PartRow | undefined
  if (!r) throw notFound('part', id)
  return r
}

export function partIdByNo(db: ReadDb, partNo: string): number | null {
  const r = db.prepare('SELECT id FROM parts WHERE part_no = ?').get(partNo.trim()) as { id: number } | undefined
  return r?.id ?? null
}

function assertRefs(db: ReadDb, p: PartInput): void {
  if (!db.prepare('SELECT 1 FROM part_categories WHERE id = ?').get(p.categoryId)) throw notFound('category', p.categoryId)
  if (p.supplierId !== null && !db.prepare('SELECT 1 FROM suppliers WHERE id = ?').get(p.supplierId)) throw notFound('supplier', p.supplierId)
}

export function createPart(db: Db, actor: Actor | null, at: Date, p: PartInput): number {
  assertRefs(db, p)
  const existing = partIdByNo(db, p.partNo)
  if (existing) throw new AppError('parts.duplicate_part_no', `Part no. ${p.partNo} is already in the master.`, { partNo: p.partNo })
  const now = at.toISOString()
  const info = db
    .prepare(
      `INSERT INTO parts (part_no, name, spec, unit, category_id, bin, supplier_id, cost_cents, price_cents, reorder_level, search, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    )
    .run(p.partNo, p.name, p.spec, p.unit, p.categoryId, p.bin, p.supplierId, p.costCents, p.priceCents, p.reorderLevel, searchKey(p), now, now)
  const id = Number(info.lastInsertRowid)
  recordAudit(db, actor, at, { action: 'create', entity: 'part', entityId: id, after: { ...p } })
  return id
}

export function updatePart(db: Db, actor: Actor | null, at: Date, id: number, version: number | null, p: PartInput & { active: boolean }): void {
  assertRefs(db, p)
  const before = partRow(db, id)
  if (version !== null && before.version !== version) throw staleVersion('part', id)
  const other = partIdByNo(db, p.partNo)
  if (other && other !== id) throw new AppError('parts.duplicate_part_no', `Part no. ${p.partNo} is already in the master.`, { partNo: p.partNo })
  if (!p.active && before.active === 1) {
    const held = (db.prepare('SELECT coalesce(sum(qty), 0) AS n FROM part_balances WHERE part_id = ?').get(id) as { n: number }).n
    if (held > 0) throw new AppError('parts.part_has_stock', `${before.partNo} still has ${held} on the shelves; use them up, scrap or return them first.`, { partNo: before.partNo, onHand: held })
  }
  db.prepare(
    `UPDATE parts SET part_no = ?, name = ?, spec = ?, unit = ?, category_id = ?, bin = ?, supplier_id = ?, cost_cents = ?, price_cents = ?,
       reorder_level = ?, active = ?, search = ?, updated_at = ?, version = version + 1 WHERE id = ?`
  ).run(p.partNo, p.name, p.spec, p.unit, p.categoryId, p.bin, p.supplierId, p.costCents, p.priceCents, p.reorderLevel, p.active ? 1 : 0, searchKey(p), at.toISOString(), id)
  const after = partRow(db, id)
  const plain = (r: PartRow) => ({ partNo: r.partNo, name: r.name, spec: r.spec, unit: r.unit, categoryId: r.categoryId, bin: r.bin, supplierId: r.supplierId, costCents: r.costCents, priceCents: r.priceCents, reorderLevel: r.reorderLevel, active: r.active })
  recordAudit(db, actor, at, { action: 'update', entity: 'part', entityId: id, before: plain(before), after: plain(after) })
}

export function getPart(db: ReadDb, id: number, at: Date, timeZone: string, locationId?: number): Part {
  return withStock(db, [partRow(db, id)], at, timeZone, locationId)[0] as Part
}

/**
 * Part picking for the counter and the workshop: a part no. matches whole or by its beginning
 * (the index), anything else matches a piece of no., name or spec (a scan of a 20,000-row table
 * of short keys, a few milliseconds).
 */
export function searchParts(
  db: ReadDb,
  at: Date,
  timeZone: string,
  q: { query: string; locationId?: number | undefined; categoryId?: number | undefined; lowOnly: boolean; limit: number }
): { items: Part[]; more: boolean } {
  const where: string[] = ['p.active = 1']
  const args: unknown[] = []
  const query = q.query.trim().toLowerCase()
  if (query) {
    where.push('(p.part_no LIKE ? OR p.search LIKE ?)')
    const escaped = query.replace(/[%_\\]/g, (c) => `\\${c}`)
    args.push(`${escaped}%`, `%${escaped}%`)
  }
  if (q.categoryId) {
    where.push('p.category_id = ?')
    args.push(q.categoryId)
  }
  const sql = `${PART_SELECT} WHERE ${where.join(' AND ').replace(/LIKE \?/g, "LIKE ? ESCAPE '\\'")}
    ORDER BY (p.part_no LIKE ? ESCAPE '\\') DESC, p.part_no LIMIT ?`
  const fetchLimit = q.lowOnly ? q.limit * 20 : q.limit + 1
  const rows = db.prepare(sql).all(...args, query ? `${query.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : '%', fetchLimit) as PartRow[]
  let items = withStock(db, rows, at, timeZone, q.locationId)
  if (q.lowOnly) items = items.filter((p) => p.available <= p.reorderLevel)
  return { items: items.slice(0, q.limit), more: items.length > q.limit }
}

export function balancesOf(db: ReadDb, partId: number): Array<{ locationId: number; locationName: string; qty: number }> {
  return db
    .prepare(
      `SELECT l.id AS locationId, l.name AS locationName, coalesce(b.qty, 0) AS qty FROM part_locations l
       LEFT JOIN part_balances b ON b.location_id = l.id AND b.part_id = ? WHERE l.active = 1 OR b.qty > 0 ORDER BY l.id`
    )
    .all(partId) as Array<{ locationId: number; locationName: string; qty: number }>
}
