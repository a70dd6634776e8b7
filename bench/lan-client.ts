/**
 * One workstation of the lan-mixed-load bench, in its own thread (its own event loop, as a real
 * PC would be): an open-loop load of bookings and stock movements through a WorkstationLink.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { WorkstationLink, type WorkstationConfig } from '../src/main/lan/workstation'
import { addDays } from '../src/shared/time'

interface Job {
  config: WorkstationConfig
  token: string
  index: number
  seconds: number
  perSecond: number
  vehicles: Array<{ customerId: number; vehicleId: number }>
  advisors: number[]
  bays: number[]
  parts: number[]
  stationId: number
}

const job = workerData as Job
const link = new WorkstationLink(job.config)
const latencies: number[] = []
const delta = new Map<string, number>()
const counts = { bookings: 0, refusedBookings: 0, receipts: 0, transfers: 0, refusedTransfers: 0, errors: [] as string[] }
const add = (partId: number, loc: number, qty: number): void => {
  const k = `${partId}@${loc}`
  delta.set(k, (delta.get(k) ?? 0) + qty)
}
const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)] as T

async function one(k: number): Promise<void> {
  const started = performance.now()
  if (k % 11 === 0) {
    const v = job.vehicles[(k * 7 + job.index) % job.vehicles.length]!
    const day = addDays('2026-12-07', Math.floor(Math.random() * 180))
    const hour = 8 + Math.floor(Math.random() * 9)
    const r = await link.forward('appointments.book', {
      ...v, advisorId: pick(job.advisors), bayId: pick(job.bays), startsAt: `${day}T${String(hour).padStart(2, '0')}:${Math.random() < 0.5 ? '00' : '30'}`,
      durationMinutes: 60, serviceType: 'repair', channel: 'phone'
    }, job.token)
    if (r.ok) counts.bookings++
    else if (/clash|outside|blocked|interval/.test(r.error.code)) counts.refusedBookings++
    else counts.errors.push(`book: ${r.error.code} ${r.error.message}`)
  } else {
    const partId = pick(job.parts)
    if (k % 3 === 0 && (delta.get(`${partId}@1`) ?? 0) >= 2) {
      const r = await link.forward('parts.transfer', { fromLocationId: 1, toLocationId: job.stationId, lines: [{ partId, qty: 1 }] }, job.token)
      if (r.ok) {
        counts.transfers++
        add(partId, 1, -1)
        add(partId, job.stationId, 1)
      } else if (/insufficient|negative|stock/.test(r.error.code)) counts.refusedTransfers++
      else counts.errors.push(`transfer: ${r.error.code} ${r.error.message}`)
    } else {
      const qty = 1 + Math.floor(Math.random() * 5)
      const r = await link.forward('parts.receipts.post', { locationId: 1, lines: [{ partId, qty }] }, job.token)
      if (r.ok) {
        counts.receipts++
        add(partId, 1, qty)
      } else counts.errors.push(`receipt: ${r.error.code} ${r.error.message}`)
    }
  }
  latencies.push(performance.now() - started)
}

async function main(): Promise<void> {
  const deadline = Date.now() + job.seconds * 1000
  const tick = 1000 / job.perSecond
  const inFlight: Array<Promise<void>> = []
  let next = Date.now()
  for (let k = 0; Date.now() < deadline; k++) {
    inFlight.push(one(k))
    next += tick
    const wait = next - Date.now()
    if (wait > 0) await new Promise((r) => setTimeout(r, wait))
  }
  await Promise.all(inFlight)
  link.stop()
  parentPort!.postMessage({ latencies, counts, delta: [...delta] })
}

// Start together, once every thread has loaded and warmed up, so start-up is not measured as load.
void link.ping().then(() => {
  parentPort!.once('message', () => void main())
  parentPort!.postMessage({ ready: true })
})
