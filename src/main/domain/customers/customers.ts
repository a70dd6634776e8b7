import type { Db, ReadDb } from '../../db/types'
import type { Actor } from '../../core/context'
import { AppError, notFound } from '../../../shared/errors'
import type { Customer, CustomerSummary, Vehicle } from '../../../shared/contract/customers'
import { formatPlate, plateKey } from '../../../shared/vehicle-ids'
import { changedByOther, recordAudit } from '../audit/audit'
import { matchesWhole, queryTerms, termsFor } from './terms'

export interface CustomerInput {
  name: string
  phone: string
  phone2: string | null
  address: string | null
  kind: 'person' | 'company'
  wants: string | null
  notes: string | null
}

export interface VehicleInput {
  plate: string
  vin: string | null
  make: string | null
  model: string | null
  colour: string | null
  vehicleType: string
  year: number | null
  mileageKm: number | null
  serviceIntervalKm: number | null
  serviceIntervalMonths: number | null
}

const CUSTOMER_COLUMNS = `id, name, phone, phone2, address, kind, wants, notes, version,
  created_at AS createdAt, updated_at AS updatedAt`
const VEHICLE_COLUMNS = `id, customer_id AS customerId, plate, vin, make, model, colour, vehicle_type AS vehicleType,
  year, mileage_km AS mileageKm, service_interval_km AS serviceIntervalKm,
  service_interval_months AS serviceIntervalMonths, version, created_at AS createdAt, updated_at AS updatedAt`

export function vehiclesOf(db: ReadDb, customerId: number): Vehicle[] {
  return db.prepare(`SELECT ${VEHICLE_COLUMNS} FROM vehicles WHERE customer_id = ? ORDER BY id`).all(customerId) as Vehicle[]
}

export function getCustomer(db: ReadDb, id: number): Customer {
  const row = db.prepare(`SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE id = ?`).get(id) as
    | Omit<Customer, 'vehicles'>
    | undefined
  if (!row) throw notFound('customer', id)
  return { ...row, vehicles: vehiclesOf(db, id) }
}

function platesByCustomer(db: ReadDb, ids: number[]): Map<number, string[]> {
  const map = new Map<number, string[]>()
  if (ids.length === 0) return map
  const rows = db
    .prepare(`SELECT customer_id AS id, plate FROM vehicles WHERE customer_id IN (${ids.map(() => '?').join(',')}) ORDER BY id`)
    .all(...ids) as Array<{ id: number; plate: string }>
  for (const r of rows) map.set(r.id, [...(map.get(r.id) ?? []), r.plate])
  return map
}

/**
 * The SQL the search runs, exported so the benchmark can run it bare beside the app's call.
 * It walks the (term, customer_id) key backwards: newest customers first, no sort, no scan.
 */
export const SEARCH_SQL = `SELECT c.id, c.name, c.phone, c.phone2, c.kind
  FROM customer_terms t JOIN customers c ON c.id = t.customer_id
  WHERE t.term = ? ORDER BY t.customer_id DESC LIMIT ?`

export function searchCustomers(db: ReadDb, query: string, limit: number): { items: CustomerSummary[]; more: boolean } {
  type Row = { id: number; name: string; phone: string; phone2: string | null; kind: string }
  let rows: Row[]
  const { terms, whole } = queryTerms(query)
  if (!query) {
    rows = db.prepare('SELECT id, name, phone, phone2, kind FROM customers ORDER BY id DESC LIMIT ?').all(limit + 1) as Row[]
  } else {
    // A long query is looked up whole, then by its head, whose name hits are checked for the whole.
    const search = db.prepare(SEARCH_SQL)
    const seen = new Set<number>()
    rows = []
    for (const term of terms) {
      for (const row of search.all(term, whole ? limit * 4 + 1 : limit + 1) as Row[]) {
        if (!seen.has(row.id)) rows.push(row)
        seen.add(row.id)
      }
    }
  }
  const plates = platesByCustomer(db, rows.map((r) => r.id))
  let items = rows.map((r) => ({ ...r, plates: plates.get(r.id) ?? [] }))
  if (whole) items = items.filter((c) => matchesWhole({ ...c, vins: [] }, whole))
  const more = items.length > limit
  return { items: items.slice(0, limit).map(({ phone2: _p, ...c }) => c), more }
}

function reindex(db: Db, customerId: number): void {
  const c = db.prepare('SELECT name, phone, phone2 FROM customers WHERE id = ?').get(customerId) as {
    name: string
    phone: string
    phone2: string | null
  }
  const vehicles = db.prepare('SELECT plate, vin FROM vehicles WHERE customer_id = ?').all(customerId) as Array<{
    plate: string
    vin: string | null
  }>
  db.prepare('DELETE FROM customer_terms WHERE customer_id = ?').run(customerId)
  const insert = db.prepare('INSERT OR IGNORE INTO customer_terms (term, customer_id) VALUES (?, ?)')
  for (const term of termsFor({ ...c, plates: vehicles.map((v) => v.plate), vins: vehicles.map((v) => v.vin) })) {
    insert.run(term, customerId)
  }
}

/** A plate or VIN already on file is refused, naming the vehicle's owner so the counter can find them. */
function assertVehicleIsNew(db: Db, v: VehicleInput, exceptVehicleId: number | null): void {
  const byPlate = db
    .prepare(
      `SELECT v.id, v.plate, c.id AS ownerId, c.name AS owner FROM vehicles v JOIN customers c ON c.id = v.customer_id
       WHERE v.plate_key = ?`
    )
    .get(plateKey(v.plate)) as { id: number; plate: string; ownerId: number; owner: string } | undefined
  if (byPlate && byPlate.id !== exceptVehicleId) {
    throw new AppError('duplicate_plate', `Plate ${byPlate.plate} is already on file for ${byPlate.owner}.`, {
      plate: byPlate.plate,
      owner: byPlate.owner,
      ownerId: byPlate.ownerId
    })
  }
  if (!v.vin) return
  const byVin = db
    .prepare(
      `SELECT v.id, v.plate, c.id AS ownerId, c.name AS owner FROM vehicles v JOIN customers c ON c.id = v.customer_id
       WHERE v.vin = ?`
    )
    .get(v.vin) as { id: number; plate: string; ownerId: number; owner: string } | undefined
  if (byVin && byVin.id !== exceptVehicleId) {
    throw new AppError('duplicate_vin', `VIN ${v.vin} is already on file (${byVin.plate}, ${byVin.owner}).`, {
      vin: v.vin,
      plate: byVin.plate,
      owner: byVin.owner,
      ownerId: byVin.ownerId
    })
  }
}

function insertVehicleRow(db: Db, actor: Actor | null, at: Date, customerId: number, v: VehicleInput): number {
  assertVehicleIsNew(db, v, null)
  const now = at.toISOString()
  const info = db
    .prepare(
      `INSERT INTO vehicles (customer_id, plate, plate_key, vin, make, model, colour, vehicle_type, year, mileage_km,
        service_interval_km, service_interval_months, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    )
    .run(customerId, formatPlate(v.plate), plateKey(v.plate), v.vin, v.make, v.model, v.colour, v.vehicleType, v.year,
      v.mileageKm, v.serviceIntervalKm, v.serviceIntervalMonths, now, now)
  const id = Number(info.lastInsertRowid)
  recordAudit(db, actor, at, { action: 'create', entity: 'vehicle', entityId: id, after: { customerId, ...v, plate: formatPlate(v.plate) } })
  return id
}

/** Callers run this inside a transaction (see inTx). */
export function createCustomer(db: Db, actor: Actor | null, at: Date, c: CustomerInput, vehicle?: VehicleInput): number {
  const now = at.toISOString()
  const info = db
    .prepare(
      `INSERT INTO customers (name, phone, phone2, address, kind, wants, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
    )
    .run(c.name, c.phone, c.phone2, c.address, c.kind, c.wants, c.notes, now, now)
  const id = Number(info.lastInsertRowid)
  recordAudit(db, actor, at, { action: 'create', entity: 'customer', entityId: id, after: { ...c } })
  if (vehicle) insertVehicleRow(db, actor, at, id, vehicle)
  reindex(db, id)
  return id
}

export function updateCustomer(db: Db, actor: Actor | null, at: Date, id: number, version: number, c: CustomerInput): void {
  const before = getCustomer(db, id)
  if (before.version !== version) throw changedByOther(db, 'customer', id)
  db.prepare(
    `UPDATE customers SET name = ?, phone = ?, phone2 = ?, address = ?, kind = ?, wants = ?, notes = ?,
       updated_at = ?, version = version + 1 WHERE id = ? AND version = ?`
  ).run(c.name, c.phone, c.phone2, c.address, c.kind, c.wants, c.notes, at.toISOString(), id, version)
  const { vehicles: _v, ...beforeFields } = before
  recordAudit(db, actor, at, { action: 'update', entity: 'customer', entityId: id, before: beforeFields, after: { ...beforeFields, ...c } })
  reindex(db, id)
}

export function addVehicle(db: Db, actor: Actor | null, at: Date, customerId: number, v: VehicleInput): number {
  getCustomer(db, customerId)
  const vehicleId = insertVehicleRow(db, actor, at, customerId, v)
  reindex(db, customerId)
  return vehicleId
}

export function updateVehicle(db: Db, actor: Actor | null, at: Date, id: number, version: number, v: VehicleInput): number {
  const before = db.prepare(`SELECT ${VEHICLE_COLUMNS} FROM vehicles WHERE id = ?`).get(id) as Vehicle | undefined
  if (!before) throw notFound('vehicle', id)
  if (before.version !== version) throw changedByOther(db, 'vehicle', id)
  if (v.mileageKm !== null && before.mileageKm !== null && v.mileageKm < before.mileageKm) {
    throw new AppError('mileage_lower', `Mileage ${v.mileageKm} km is lower than the ${before.mileageKm} km on file.`, {
      mileage: v.mileageKm,
      previous: before.mileageKm
    })
  }
  assertVehicleIsNew(db, v, id)
  db.prepare(
    `UPDATE vehicles SET plate = ?, plate_key = ?, vin = ?, make = ?, model = ?, colour = ?, vehicle_type = ?, year = ?,
       mileage_km = ?, service_interval_km = ?, service_interval_months = ?, updated_at = ?, version = version + 1
     WHERE id = ? AND version = ?`
  ).run(formatPlate(v.plate), plateKey(v.plate), v.vin, v.make, v.model, v.colour, v.vehicleType, v.year, v.mileageKm,
    v.serviceIntervalKm, v.serviceIntervalMonths, at.toISOString(), id, version)
  recordAudit(db, actor, at, { action: 'update', entity: 'vehicle', entityId: id, before, after: { ...before, ...v, plate: formatPlate(v.plate) } })
  reindex(db, before.customerId)
  return before.customerId
}

export function findVehicleByPlate(db: ReadDb, plate: string): { vehicle: Vehicle | null; customerName: string | null } {
  const vehicle = db.prepare(`SELECT ${VEHICLE_COLUMNS} FROM vehicles WHERE plate_key = ?`).get(plateKey(plate)) as
    | Vehicle
    | undefined
  if (!vehicle) return { vehicle: null, customerName: null }
  const owner = db.prepare('SELECT name FROM customers WHERE id = ?').get(vehicle.customerId) as { name: string }
  return { vehicle, customerName: owner.name }
}
