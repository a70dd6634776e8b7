import { mkdtempSync, rmSync } from 'node:fs'
import { freePort } from '../../test/helpers/net'
import { Worker } from 'node:worker_threads'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore } from '../../src/main/core/create'
import { dispatch } from '../../src/main/core/dispatch'
import { insertStaff } from '../../src/main/domain/staff/staff'
import { pairWithHost, WorkstationLink } from '../../src/main/lan/workstation'
import { ROLES } from '../../src/shared/roles'
import { addDays } from '../../src/shared/time'
import type { Suite } from '../harness'

/**
 * The host and four workstations on this machine (workstations are clients on 127.0.0.1 standing
 * in for LAN PCs). lan-board-day: the day board through a workstation beside the host's own
 * window. lan-mixed-load: 20 bookings and 200 stock movements a second from four clients at
 * once; afterwards nothing acknowledged may be missing or doubled and every balance must equal
 * its journal, else the run fails.
 */
export const lanSuite: Suite = {
  name: 'lan',
  async setup({ quick }) {
    const dir = mkdtempSync(join(tmpdir(), 'frontdesk-bench-lan-'))
    const core = createCore({ dataDir: dir })
    const actor = core.db.transaction(() => insertStaff(core.db, null, new Date(), 'bench', [...ROLES], '2468'))()
    const token = core.sessions.open(actor).token
    const call = async <T>(name: string, input: unknown): Promise<T> => {
      const r = await dispatch(core, name, input, token)
      if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`)
      return r.value as T
    }
    const port = await freePort()
    await core.lanHost!.apply({ enabled: true, address: '127.0.0.1', port })
    const links: WorkstationLink[] = []
    for (let i = 1; i <= 4; i++) {
      const { code } = core.lanHost!.startPairing()
      links.push(new WorkstationLink(await pairWithHost(core.lanHost!.url!, code, `WS-${i}`, new Date())))
    }

    // A small shop: 8 bays, 6 advisors, 40 customers, 50 parts, a main store and a station.
    const bays: number[] = []
    for (let b = 1; b <= 8; b++) bays.push((await call<{ id: number }>('appointments.bays.save', { name: `${b}号工位`, sort: b })).id)
    const advisors: number[] = []
    for (let a = 1; a <= 6; a++) advisors.push((await call<{ id: number }>('staff.create', { name: `顾问${a}`, roles: ['advisor'], pin: '1357' })).id)
    const vehicles: Array<{ customerId: number; vehicleId: number }> = []
    for (let c = 0; c < 40; c++) {
      const made = await call<{ id: number; vehicles: Array<{ id: number }> }>('customers.create', {
        name: `客户${c}`,
        phone: `138${String(c).padStart(8, '0')}`,
        vehicle: { plate: `粤B${String(10000 + c)}` }
      })
      vehicles.push({ customerId: made.id, vehicleId: made.vehicles[0]!.id })
    }
    const category = await call<{ id: number }>('parts.categories.save', { code: 'bench', name: '测试', watched: false })
    const parts: number[] = []
    for (let p = 0; p < 50; p++) parts.push((await call<{ id: number }>('parts.create', { partNo: `B-${p}`, name: `备件${p}`, unit: '个', categoryId: category.id })).id)
    const station = await call<{ id: number }>('parts.locations.save', { code: 'S1', name: '一号服务站' })

    // The board shows a day with bookings on it.
    const day = addDays('2026-12-04', 1)
    for (let i = 0; i < 24; i++) {
      await dispatch(core, 'appointments.book', {
        ...vehicles[i]!, advisorId: advisors[i % 6]!, bayId: bays[i % 8]!, startsAt: `${day}T${String(8 + Math.floor(i / 8) * 2).padStart(2, '0')}:00`,
        durationMinutes: 60, serviceType: 'maintenance', channel: 'phone'
      }, token)
    }
    const wsToken = (await links[0]!.forward('auth.signIn', { staffId: actor.id, pin: '2468' }, null)) as { ok: boolean; value: { token: string } }

    return {
      figures: [
        {
          name: 'lan-board-day',
          target_ms: 50,
          note: `appointments.board through a workstation (app) beside the host's own window (bare)`,
          app: async () => {
            const r = await links[0]!.forward('appointments.board', { date: day }, wsToken.value.token)
            if (!r.ok) throw new Error(r.error.message)
          },
          bare: async () => {
            const r = await dispatch(core, 'appointments.board', { date: day }, token)
            if (!r.ok) throw new Error(r.error.message)
          },
          iterations: 200
        },
        {
          name: 'lan-mixed-load',
          target_ms: 50,
          note: `${quick ? 5 : 60} s of 20 bookings/s + 200 stock movements/s from 4 workstations: write latency over the LAN (app) vs the host's own window (bare); zero lost or doubled, balances = journal`,
          // Timed by the load itself (measured), not by repeating one call.
          app: () => undefined,
          bare: () => undefined,
          measured: async () => {
            const seconds = quick ? 5 : 60
            const sessions = await Promise.all(links.map((l) => l.forward('auth.signIn', { staffId: actor.id, pin: '2468' }, null)))
            const tokens = sessions.map((s) => (s as { value: { token: string } }).value.token)
            type Report = { latencies: number[]; counts: { bookings: number; refusedBookings: number; receipts: number; transfers: number; refusedTransfers: number; errors: string[] }; delta: Array<[string, number]> }
            const movementsBefore = core.db.prepare('SELECT count(*) FROM part_movements').pluck().get() as number
            const bookingsBefore = core.db.prepare('SELECT count(*) FROM appointments').pluck().get() as number
            const workers = links.map(
              (link, index) =>
                new Worker(new URL('../lan-client-boot.mjs', import.meta.url), {
                  workerData: { config: link.config, token: tokens[index], index, seconds, perSecond: 55, vehicles, advisors, bays, parts, stationId: station.id }
                })
            )
            await Promise.all(workers.map((w) => new Promise((resolve, reject) => (w.once('message', resolve), w.once('error', reject)))))
            const reports = await Promise.all(
              workers.map((w) => {
                const done = new Promise<Report>((resolve, reject) => (w.once('message', (m: Report) => resolve(m)), w.once('error', reject)))
                w.postMessage('go')
                return done
              })
            )
            const sum = (f: (r: Report) => number): number => reports.reduce((a, r) => a + f(r), 0)
            const errors = reports.flatMap((r) => r.counts.errors)
            if (errors.length) throw new Error(`writes failed: ${errors.slice(0, 3).join('; ')}`)
            const ackedBookings = sum((r) => r.counts.bookings)
            const ackedReceipts = sum((r) => r.counts.receipts)
            const ackedTransfers = sum((r) => r.counts.transfers)
            const refusedBookings = sum((r) => r.counts.refusedBookings)
            // Nothing lost, nothing doubled, every balance equal to its journal.
            const movements = (core.db.prepare('SELECT count(*) FROM part_movements').pluck().get() as number) - movementsBefore
            const bookings = (core.db.prepare('SELECT count(*) FROM appointments').pluck().get() as number) - bookingsBefore
            if (movements !== ackedReceipts + ackedTransfers * 2) throw new Error(`movements ${movements} != acknowledged ${ackedReceipts} receipts + ${ackedTransfers} transfers × 2`)
            if (bookings !== ackedBookings) throw new Error(`bookings ${bookings} != acknowledged ${ackedBookings}`)
            const verify = await call<{ mismatches: unknown[] }>('parts.verify', {})
            if (verify.mismatches.length) throw new Error(`ledger mismatches: ${JSON.stringify(verify.mismatches.slice(0, 3))}`)
            const expected = new Map<string, number>()
            for (const r of reports) for (const [k, q] of r.delta) expected.set(k, (expected.get(k) ?? 0) + q)
            for (const [k, qty] of expected) {
              const [partId, loc] = k.split('@').map(Number)
              const journal = core.db.prepare('SELECT coalesce(sum(qty), 0) FROM part_movements WHERE part_id = ? AND location_id = ?').pluck().get(partId, loc) as number
              if (journal !== qty) throw new Error(`part ${partId} at ${loc}: journal ${journal}, acknowledged ${qty}`)
            }
            console.log(`  lan-mixed-load: ${ackedBookings} bookings (+${refusedBookings} refused as clashes), ${ackedReceipts} receipts, ${ackedTransfers} transfers in ${seconds} s = ${((ackedBookings + refusedBookings) / seconds).toFixed(1)} bookings/s, ${((ackedReceipts + ackedTransfers) / seconds).toFixed(1)} movements/s; journal and balances agree`)
            const latencies = reports.flatMap((r) => r.latencies)

            // The same writes in the host's own window, for the ratio.
            const bare: number[] = []
            for (let i = 0; i < 200; i++) {
              const started = performance.now()
              await call('parts.receipts.post', { locationId: 1, lines: [{ partId: parts[i % parts.length]!, qty: 1 }] })
              bare.push(performance.now() - started)
            }
            return { app: latencies, bare }
          }
        }
      ],
      async cleanup() {
        for (const l of links) l.stop()
        await core.lanHost!.stop()
        core.db.close()
        rmSync(dir, { recursive: true, force: true })
      }
    }
  }
}
