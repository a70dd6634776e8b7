import Database from 'better-sqlite3'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { freePort, pairWorkstation } from './lan-helpers'

function startHost(dir: string, port: number): Promise<{ child: ChildProcess; code: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'host-process.ts'), dir, String(port)], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString()
      const m = /READY (\d{6})/.exec(out)
      if (m) resolve({ child, code: m[1]! })
    })
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()))
    child.on('exit', (code) => reject(new Error(`host exited ${code}: ${out}`)))
  })
}

describe('when the host goes away', () => {
  it('the workstation says so at once, reconnects by itself when the host is back, and nothing acknowledged is lost', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'frontdesk-hostcrash-'))
    const port = await freePort()
    let host = await startHost(dir, port)
    const ws = await pairWorkstation(`http://127.0.0.1:${port}`, host.code, 'WS-1')
    try {
      let token = (await ws.call<{ token: string }>('auth.signIn', { staffId: 1, pin: '2468' })).token
      const acked: string[] = []
      let refusedWith: string | null = null
      // A burst of writes; the host is killed in the middle of it.
      const burst = (async () => {
        for (let i = 0; i < 400 && !refusedWith; i++) {
          const r = await ws.link.forward('customers.create', { name: `客户${i}`, phone: `138${String(i).padStart(8, '0')}` }, token)
          if (r.ok) acked.push(`客户${i}`)
          else refusedWith = r.error.code
        }
      })()
      await new Promise((r) => setTimeout(r, 400))
      host.child.kill('SIGKILL')
      await burst
      expect(refusedWith).toBe('lan.host_unreachable')
      expect(ws.link.status().connected).toBe(false)
      expect(acked.length).toBeGreaterThan(0)

      host = await startHost(dir, port)
      // The link pings every two seconds until the host answers.
      for (let i = 0; i < 50 && !ws.link.status().connected; i++) await new Promise((r) => setTimeout(r, 200))
      expect(ws.link.status().connected).toBe(true)
      // A restarted host has forgotten sessions: sign in again, then carry on.
      token = (await ws.call<{ token: string }>('auth.signIn', { staffId: 1, pin: '2468' })).token
      await ws.call('customers.create', { name: '重连后', phone: '13700000000' }, token)
      host.child.kill('SIGTERM')
      const db = new Database(join(dir, 'frontdesk.sqlite3'), { readonly: true })
      const names = new Set(db.prepare('SELECT name FROM customers').pluck().all() as string[])
      db.close()
      for (const name of acked) expect(names.has(name), `${name} was acknowledged but lost`).toBe(true)
      expect(names.has('重连后')).toBe(true)
    } finally {
      ws.close()
      host.child.kill('SIGKILL')
      rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)
})
