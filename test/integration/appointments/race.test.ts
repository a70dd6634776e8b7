import { spawn } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import { boardShop, type BoardShop } from './setup'

let b: BoardShop
afterEach(() => b?.shop.close())

function runWorker(args: string[]): Promise<{ ok: boolean; code?: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/integration/appointments/race-worker.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.on('data', (c: Buffer) => (out += c.toString()))
    child.stderr.on('data', (c: Buffer) => (err += c.toString()))
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop() as string)) : reject(new Error(err))))
  })
}

describe('two saves racing for the same slot', () => {
  it('two processes booking the same bay at the same moment: exactly one wins, the other is refused with the clash', async () => {
    b = await boardShop()
    const staffId = String(b.advisors[0])
    const input = (v: number) =>
      JSON.stringify({
        customerId: b.vehicles[v]!.customerId,
        vehicleId: b.vehicles[v]!.vehicleId,
        advisorId: b.advisors[v]!,
        bayId: b.bays[0]!,
        startsAt: '2026-12-05T10:00',
        durationMinutes: 60,
        serviceType: 'maintenance',
        channel: 'phone'
      })
    const at = String(Date.now() + 4000)
    const results = await Promise.all([runWorker([b.shop.dir, staffId, at, input(0)]), runWorker([b.shop.dir, staffId, at, input(1)])])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.find((r) => !r.ok)?.code).toBe('board.clash_bay')
    const rows = b.shop.core.db.prepare("SELECT count(*) AS n FROM appointments WHERE bay_id = ? AND starts_at = '2026-12-05T10:00'").get(b.bays[0]) as { n: number }
    expect(rows.n).toBe(1)
  }, 30_000)
})
