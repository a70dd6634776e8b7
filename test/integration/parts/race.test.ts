import { spawn } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import { partsShop, type PartsShop } from './fixture'

let s: PartsShop
afterEach(() => s?.shop.close())

function runWorker(args: string[]): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/integration/parts/race-worker.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.on('data', (c: Buffer) => (out += c.toString()))
    child.stderr.on('data', (c: Buffer) => (err += c.toString()))
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop() as string)) : reject(new Error(err))))
  })
}

describe('two processes moving the same part at once', () => {
  it('loses no update: 30 on the shelf, 40 wanted by two clerks, exactly 30 go out and 10 are refused', async () => {
    s = await partsShop()
    const pad = await s.part('BP-RACE')
    await s.receive([{ partId: pad, qty: 30 }])
    const clerkId = (s.shop.core.db.prepare("SELECT id FROM staff WHERE name = '王库管'").get() as { id: number }).id
    const at = String(Date.now() + 4000)
    const results = await Promise.all([0, 1].map(() => runWorker([s.shop.dir, String(clerkId), at, String(pad), '20'])))
    const total = (code: string) => results.reduce((a, r) => a + (r[code] ?? 0), 0)
    expect(total('ok')).toBe(30)
    expect(total('parts.insufficient_stock')).toBe(10)
    expect(s.onHand(pad)).toBe(0)
    expect((await s.shop.call(s.clerk, 'parts.verify', {})).mismatches).toEqual([])
  }, 60_000)
})
