import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startLanServer } from '../../../src/main/lan/host-server'
import { seal } from '../../../src/main/lan/crypto'
import { isLanAddress } from '../../../src/main/lan/ranges'
import { testShop, type TestShop } from '../../helpers/core'
import { freePort, pairWorkstation, type TestWorkstation } from './lan-helpers'

let host: TestShop
let admin: string
let url: string
const stations: TestWorkstation[] = []

beforeEach(async () => {
  host = testShop()
  admin = (await host.call(null, 'auth.setup', { name: '陈静', pin: '2468' })).token
  const status = await host.call(admin, 'lan.configureHost', { enabled: true, address: '127.0.0.1', port: await freePort() })
  url = status.url!
})
afterEach(async () => {
  stations.splice(0).forEach((s) => s.close())
  await host.core.lanHost?.stop()
  host.close()
})

async function station(name = 'WS-1'): Promise<TestWorkstation> {
  const { code } = await host.call(admin, 'lan.startPairing', {})
  const ws = await pairWorkstation(url, code, name)
  stations.push(ws)
  return ws
}

async function signInAt(ws: TestWorkstation, staffId: number, pin: string): Promise<string> {
  return (await ws.call<{ token: string }>('auth.signIn', { staffId, pin })).token
}

describe('host and workstations', () => {
  it('serves only when turned on, and only on the address chosen', async () => {
    const fresh = testShop()
    const t = (await fresh.call(null, 'auth.setup', { name: 'A', pin: '1111' })).token
    expect((await fresh.call(t, 'lan.hostStatus', {})).running).toBe(false)
    expect((await fresh.refusal(t, 'lan.startPairing', {})).code).toBe('lan.not_hosting')
    expect((await fresh.refusal(t, 'lan.configureHost', { enabled: true, address: null, port: 5318 })).code).toBe('lan.address_required')
    fresh.close()
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  })

  it('pairs a workstation with the code once; a wrong, reused or expired code is refused', async () => {
    const { code } = await host.call(admin, 'lan.startPairing', {})
    const ws = await pairWorkstation(url, code, 'WS-1')
    stations.push(ws)
    await expect(pairWorkstation(url, code, 'WS-2')).rejects.toThrow(/wrong_code/)
    const second = await host.call(admin, 'lan.startPairing', {})
    await expect(pairWorkstation(url, second.code === '000000' ? '111111' : '000000', 'WS-3')).rejects.toThrow(/wrong_code/)
    host.clock.advance(6 * 60_000)
    await expect(pairWorkstation(url, second.code, 'WS-3')).rejects.toThrow(/wrong_code/)
    const devices = (await host.call(admin, 'lan.hostStatus', {})).devices
    expect(devices.map((d) => d.name)).toEqual(['WS-1'])
  })

  it('signs in at a workstation with the PIN sealed on the wire, and works on the host’s data', async () => {
    const ws = await station()
    const status = await ws.call<{ needsSetup: boolean; staff: Array<{ id: number; name: string }> }>('auth.status', {})
    expect(status.staff.map((s) => s.name)).toEqual(['陈静'])
    const token = await signInAt(ws, status.staff[0]!.id, '2468')
    const c = await ws.call<{ id: number }>('customers.create', { name: '张伟', phone: '13812345678' }, token)
    expect((await host.call(admin, 'customers.get', { id: c.id })).name).toBe('张伟')
    const devices = (await host.call(admin, 'lan.hostStatus', {})).devices
    expect(devices[0]).toMatchObject({ name: 'WS-1', online: true, signedIn: '陈静' })
  })

  it('refuses a call without a session before any handler runs, and an expired session', async () => {
    const ws = await station()
    expect((await ws.refusal('customers.search', { query: '' })).code).toBe('unauthenticated')
    const token = await signInAt(ws, 1, '2468')
    await ws.call('customers.search', { query: '' }, token)
    host.clock.advance(13 * 3600_000)
    expect((await ws.refusal('customers.search', { query: '' }, token)).code).toBe('unauthenticated')
  })

  it('refuses a revoked workstation at once', async () => {
    const ws = await station()
    const token = await signInAt(ws, 1, '2468')
    const device = (await host.call(admin, 'lan.hostStatus', {})).devices[0]!
    await host.call(admin, 'lan.revokeDevice', { id: device.id })
    expect((await ws.refusal('customers.search', { query: '' }, token)).code).toBe('lan.device_refused')
    expect((await ws.refusal('auth.status', {})).code).toBe('lan.device_refused')
  })

  it('refuses a request without device credentials, a forged seal, and a replay', async () => {
    const ws = await station()
    const post = (headers: Record<string, string>, body: unknown) =>
      fetch(`${url}/lan/call`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) })
    expect((await post({}, { name: 'auth.status' })).status).toBe(401)
    const id = String(ws.link.config.deviceId)
    const forged = seal(Buffer.alloc(32, 7).toString('base64'), { name: 'auth.status', input: {}, token: null, time: Date.now(), nonce: 'x' }, `/lan/call:${id}`)
    expect((await post({ 'X-Frontdesk-Device': id }, forged)).status).toBe(401)
    const genuine = seal(ws.link.config.key, { name: 'auth.status', input: {}, token: null, time: Date.now(), nonce: 'once' }, `/lan/call:${id}`)
    expect((await post({ 'X-Frontdesk-Device': id }, genuine)).status).toBe(200)
    expect((await post({ 'X-Frontdesk-Device': id }, genuine)).status).toBe(401)
    const stale = seal(ws.link.config.key, { name: 'auth.status', input: {}, token: null, time: Date.now() - 10 * 60_000, nonce: 'old' }, `/lan/call:${id}`)
    expect((await post({ 'X-Frontdesk-Device': id }, stale)).status).toBe(401)
  })

  it('refuses a peer from outside the LAN ranges', async () => {
    const outside = await startLanServer(host.core, host.core.lanHost!, { address: '127.0.0.1', port: 0, peerOf: () => '203.0.113.9' })
    try {
      const res = await fetch(`${outside.url}/lan/pair`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"code":"123456","name":"x"}' })
      expect(res.status).toBe(403)
    } finally {
      await outside.close()
    }
    expect(['10.1.2.3', '172.20.0.1', '192.168.1.50', '127.0.0.1', '::1', '::ffff:192.168.0.2', 'fe80::1', 'fd00::5'].every(isLanAddress)).toBe(true)
    expect(['8.8.8.8', '172.32.0.1', '203.0.113.9', '2001:db8::1', '::ffff:8.8.8.8', '', 'localhost'].some(isLanAddress)).toBe(false)
  })

  it('keeps workstation-only and host-only calls apart: a workstation cannot set the host up or restore it', async () => {
    const ws = await station()
    const token = await signInAt(ws, 1, '2468')
    expect((await ws.refusal('auth.setup', { name: 'x', pin: '1234' })).code).toBe('forbidden')
    expect((await ws.refusal('backup.restore', { file: 'frontdesk-20260101-000000.sqlite3' }, token)).code).toBe('forbidden')
  })

  it('gives the second of two workstations saving one record a conflict naming the first one’s change', async () => {
    const a = await station('WS-A')
    const b = await station('WS-B')
    const liu = await host.call(admin, 'staff.create', { name: '刘洋', roles: ['advisor'], pin: '1357' })
    const ta = await signInAt(a, 1, '2468')
    const tb = await signInAt(b, liu.id, '1357')
    const c = await a.call<{ id: number; version: number }>('customers.create', { name: '张伟', phone: '13812345678' }, ta)
    await b.call('customers.update', { id: c.id, version: c.version, name: '张伟', phone: '13900000000' }, tb)
    const err = await a.refusal('customers.update', { id: c.id, version: c.version, name: '张伟明', phone: '13812345678' }, ta)
    expect(err.code).toBe('changed_by_other')
    expect(err.params).toMatchObject({ by: '刘洋', fields: 'phone' })
    expect((await host.call(admin, 'customers.get', { id: c.id })).phone).toBe('13900000000')
  })

  it('lets only one of two workstations racing for one slot win', async () => {
    const a = await station('WS-A')
    const b = await station('WS-B')
    const ta = await signInAt(a, 1, '2468')
    const tb = await signInAt(b, 1, '2468')
    const advisor = await host.call(admin, 'staff.create', { name: '刘洋', roles: ['advisor'], pin: '1357' })
    const bay = await host.call(admin, 'appointments.bays.save', { name: '1号工位', sort: 1 })
    const c1 = await host.call(admin, 'customers.create', { name: '张伟', phone: '13812345678', vehicle: { plate: '粤B·12345' } })
    const c2 = await host.call(admin, 'customers.create', { name: '李娜', phone: '13900001111', vehicle: { plate: '粤B·54321' } })
    const booking = (c: typeof c1) => ({
      customerId: c.id,
      vehicleId: c.vehicles[0]!.id,
      advisorId: advisor.id,
      bayId: bay.id,
      startsAt: '2026-12-05T10:00',
      durationMinutes: 60,
      serviceType: 'maintenance' as const,
      channel: 'phone' as const
    })
    const results = await Promise.all([
      a.link.forward('appointments.book', booking(c1), ta),
      b.link.forward('appointments.book', booking(c2), tb)
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    const lost = results.find((r) => !r.ok)
    expect(lost && !lost.ok && lost.error.code).toMatch(/clash/)
  })

  it('tells waiting windows on other PCs that something changed', async () => {
    const ws = await station()
    const token = await signInAt(ws, 1, '2468')
    const start = await ws.call<{ seq: number }>('system.changes', { since: 0, waitMs: 0 }, token)
    const waiting = ws.call<{ changes: Array<{ call: string }> }>('system.changes', { since: start.seq, waitMs: 10_000 }, token)
    await host.call(admin, 'customers.create', { name: '王芳', phone: '13600001234' })
    const woke = await waiting
    expect(woke.changes.map((c) => c.call)).toEqual(['customers.create'])
  })
})

describe('conflicts on any record', () => {
  it('turns a stale save of a booking into the other person’s change (who, when, what)', async () => {
    const advisor = await host.call(admin, 'staff.create', { name: '刘洋', roles: ['advisor'], pin: '1357' })
    const liu = (await host.call(null, 'auth.signIn', { staffId: advisor.id, pin: '1357' })).token
    const bay = await host.call(admin, 'appointments.bays.save', { name: '1号工位', sort: 1 })
    const c = await host.call(admin, 'customers.create', { name: '张伟', phone: '13812345678', vehicle: { plate: '粤B·12345' } })
    const booked = await host.call(admin, 'appointments.book', {
      customerId: c.id, vehicleId: c.vehicles[0]!.id, advisorId: advisor.id, bayId: bay.id, startsAt: '2026-12-05T10:00',
      durationMinutes: 60, serviceType: 'maintenance', channel: 'phone'
    })
    await host.call(liu, 'appointments.move', { id: booked.id, version: booked.version, startsAt: '2026-12-05T14:00', durationMinutes: 60, bayId: bay.id, advisorId: advisor.id })
    const err = await host.refusal(admin, 'appointments.move', { id: booked.id, version: booked.version, startsAt: '2026-12-05T11:00', durationMinutes: 60, bayId: bay.id, advisorId: advisor.id })
    expect(err.code).toBe('changed_by_other')
    expect(err.params).toMatchObject({ by: '刘洋' })
  })
})
