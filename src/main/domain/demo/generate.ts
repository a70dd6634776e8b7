import type { Db } from '../../db/types'
import { vinCheckDigit, formatPlate, plateKey } from '../../../shared/vehicle-ids'
import { termsFor } from '../customers/terms'
import { COLOURS, COMPANIES, CITY_PLATES, DISTRICTS, GIVEN, MODELS, PLATE_LETTERS, STREETS, SURNAMES, WMIS } from './data'

/** A small seeded generator, so the same size gives the same shop on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface DemoSize {
  customers: number
  seed?: number
}

const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789'

/**
 * Fills the database with customers and their vehicles. Rows go straight in with prepared
 * statements in one transaction, so 100,000 customers take seconds, not minutes.
 */
export function generateCustomers(db: Db, at: Date, size: DemoSize): { customers: number; vehicles: number } {
  const rand = rng(size.seed ?? 20261204)
  const pick = <T>(list: ArrayLike<T>): T => list[Math.floor(rand() * list.length)] as T
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 10)).join('')
  const usedPlates = new Set((db.prepare('SELECT plate_key FROM vehicles').pluck().all() as string[]))
  const usedVins = new Set((db.prepare('SELECT vin FROM vehicles WHERE vin IS NOT NULL').pluck().all() as string[]))

  const insCustomer = db.prepare(
    `INSERT INTO customers (name, phone, phone2, address, kind, wants, notes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)`
  )
  const insVehicle = db.prepare(
    `INSERT INTO vehicles (customer_id, plate, plate_key, vin, make, model, colour, vehicle_type, year, mileage_km,
      service_interval_km, service_interval_months, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 5000, 6, ?, ?)`
  )
  const insTerm = db.prepare('INSERT OR IGNORE INTO customer_terms (term, customer_id) VALUES (?, ?)')

  const newPlate = (): string => {
    for (;;) {
      const [province, city] = pick(CITY_PLATES)
      const ev = rand() < 0.15
      const tail = ev
        ? pick('DF') + digits(5)
        : Array.from({ length: 5 }, (_, i) => (i < 2 && rand() < 0.3 ? pick(PLATE_LETTERS) : String(Math.floor(rand() * 10)))).join('')
      const plate = `${province}${city}${tail}`
      if (!usedPlates.has(plateKey(plate))) {
        usedPlates.add(plateKey(plate))
        return formatPlate(plate)
      }
    }
  }
  const newVin = (): string => {
    for (;;) {
      const body = pick(WMIS) + Array.from({ length: 14 }, () => pick(VIN_CHARS)).join('')
      const vin = body.slice(0, 8) + vinCheckDigit(body.slice(0, 8) + '0' + body.slice(9)) + body.slice(9)
      if (!usedVins.has(vin)) {
        usedVins.add(vin)
        return vin
      }
    }
  }

  let vehicles = 0
  db.transaction(() => {
    for (let i = 0; i < size.customers; i++) {
      const company = rand() < 0.06
      const name = company ? `深圳市${pick(COMPANIES)}` : pick(SURNAMES) + pick(GIVEN) + (rand() < 0.7 ? pick(GIVEN) : '')
      const phone = `1${pick('3456789')}${digits(9)}`
      const address = `${pick(DISTRICTS)}${pick(STREETS)}${1 + Math.floor(rand() * 300)}号`
      // Customers joined over the last three years.
      const created = new Date(at.getTime() - Math.floor(rand() * 3 * 365) * 86_400_000).toISOString()
      const phone2 = rand() < 0.1 ? `0755${digits(8)}` : null
      const id = Number(
        insCustomer.run(name, phone, phone2, address, company ? 'company' : 'person',
          rand() < 0.2 ? '希望周末取车' : null, created, created).lastInsertRowid
      )
      const count = company ? 2 + Math.floor(rand() * 3) : rand() < 0.35 ? 2 : 1
      const plates: string[] = []
      const vins: string[] = []
      for (let v = 0; v < count; v++) {
        const [make, model, type] = pick(MODELS)
        const plate = newPlate()
        const vin = newVin()
        const year = 2012 + Math.floor(rand() * 14)
        insVehicle.run(id, plate, plateKey(plate), vin, make, model, pick(COLOURS), type, year,
          (2026 - year) * 9000 + Math.floor(rand() * 9000), created, created)
        plates.push(plate)
        vins.push(vin)
        vehicles++
      }
      const row = { name, phone, phone2, plates, vins }
      for (const term of termsFor(row)) insTerm.run(term, id)
    }
  })()
  return { customers: size.customers, vehicles }
}
