import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testShop, type TestShop } from '../../helpers/core'
import { dispatch } from '../../../src/main/core/dispatch'

let shop: TestShop
beforeEach(() => {
  shop = testShop()
})
afterEach(() => shop.close())

describe('staff, PINs and roles', () => {
  it('first start creates the administrator once, then refuses a second setup', async () => {
    const status = await shop.call(null, 'auth.status', {})
    expect(status.needsSetup).toBe(true)
    const s = await shop.call(null, 'auth.setup', { name: '陈静', pin: '2468' })
    expect(s.staff.roles).toEqual(['admin'])
    expect((await shop.refusal(null, 'auth.setup', { name: '黑客', pin: '0000' })).code).toBe('already_set_up')
  })

  it('stores the PIN as a slow salted hash, never in clear', async () => {
    await shop.call(null, 'auth.setup', { name: '陈静', pin: '2468' })
    const row = shop.core.db.prepare('SELECT pin_hash FROM staff').get() as { pin_hash: string }
    expect(row.pin_hash).toMatch(/^scrypt\$32768\$8\$1\$/)
    expect(row.pin_hash).not.toContain('2468')
  })

  it('locks a person after five wrong PINs in a row, even the right PIN, until the lock runs out', async () => {
    const admin = await shop.call(null, 'auth.setup', { name: '陈静', pin: '2468' })
    const liu = await shop.call(admin.token, 'staff.create', { name: '刘洋', roles: ['advisor'], pin: '1357' })
    for (let i = 0; i < 4; i++) expect((await shop.refusal(null, 'auth.signIn', { staffId: liu.id, pin: '0000' })).code).toBe('wrong_pin')
    expect((await shop.refusal(null, 'auth.signIn', { staffId: liu.id, pin: '0000' })).code).toBe('pin_locked')
    expect((await shop.refusal(null, 'auth.signIn', { staffId: liu.id, pin: '1357' })).code).toBe('pin_locked')
    shop.clock.advance(5 * 60_000 + 1000)
    expect((await shop.call(null, 'auth.signIn', { staffId: liu.id, pin: '1357' })).staff.name).toBe('刘洋')
  })

  it('counts wrong PINs only in a row: a right one resets the count', async () => {
    const admin = await shop.call(null, 'auth.setup', { name: '陈静', pin: '2468' })
    const liu = await shop.call(admin.token, 'staff.create', { name: '刘洋', roles: ['advisor'], pin: '1357' })
    for (let i = 0; i < 4; i++) await shop.refusal(null, 'auth.signIn', { staffId: liu.id, pin: '9999' })
    await shop.call(null, 'auth.signIn', { staffId: liu.id, pin: '1357' })
    expect((await shop.refusal(null, 'auth.signIn', { staffId: liu.id, pin: '9999' })).params).toMatchObject({ left: 4 })
  })

  it('refuses a call the caller has no role for, and writes nothing', async () => {
    const clerk = shop.session(['warehouse_clerk'])
    const err = await shop.refusal(clerk, 'staff.create', { name: '王五', roles: ['admin'], pin: '1111' })
    expect(err.code).toBe('forbidden')
    expect((shop.core.db.prepare('SELECT count(*) AS n FROM staff').get() as { n: number }).n).toBe(1)
  })

  it('applies a change of roles to open sessions at once, and signs out someone deactivated', async () => {
    const admin = await shop.call(null, 'auth.setup', { name: '陈静', pin: '2468' })
    const liu = await shop.call(admin.token, 'staff.create', { name: '刘洋', roles: ['advisor'], pin: '1357' })
    const session = await shop.call(null, 'auth.signIn', { staffId: liu.id, pin: '1357' })
    await shop.call(session.token, 'customers.search', { query: '' })
    const clerk = await shop.call(admin.token, 'staff.update', { id: liu.id, version: liu.version, name: '刘洋', roles: ['warehouse_clerk'], active: true })
    expect((await shop.refusal(session.token, 'customers.search', { query: '' })).code).toBe('forbidden')
    await shop.call(admin.token, 'staff.update', { id: liu.id, version: clerk.version, name: '刘洋', roles: ['warehouse_clerk'], active: false })
    expect((await shop.refusal(session.token, 'auth.me', {})).code).toBe('unauthenticated')
  })

  it('keeps at least one administrator', async () => {
    const admin = await shop.call(null, 'auth.setup', { name: '陈静', pin: '2468' })
    const err = await shop.refusal(admin.token, 'staff.update', { id: admin.staff.id, version: 1, name: '陈静', roles: ['advisor'], active: true })
    expect(err.code).toBe('last_admin')
  })

  it('expires a session after its hours', async () => {
    const admin = await shop.call(null, 'auth.setup', { name: '陈静', pin: '2468' })
    shop.clock.advance(13 * 3600_000)
    expect((await shop.refusal(admin.token, 'auth.me', {})).code).toBe('unauthenticated')
  })
})

describe('the audit trail', () => {
  it('shows who changed a customer’s phone number and when, and finds it by search', async () => {
    const advisor = shop.session(['advisor'], '刘洋')
    const c = await shop.call(advisor, 'customers.create', { name: '张伟', phone: '13812345678' })
    shop.clock.advance(60_000)
    await shop.call(advisor, 'customers.update', { id: c.id, version: c.version, name: '张伟', phone: '13900000000' })
    const history = await shop.call(advisor, 'audit.history', { entity: 'customer', entityId: c.id })
    expect(history[0]).toMatchObject({ staffName: '刘洋', action: 'update', changes: { phone: ['13812345678', '13900000000'] } })
    expect(Math.abs(Date.parse(history[0]!.at) - shop.clock.now().getTime())).toBeLessThan(2000)
    const director = shop.session(['service_director'])
    const found = await shop.call(director, 'audit.search', { text: '13900000000' })
    expect(found.rows.map((r) => r.entityId)).toContain(String(c.id))
    expect((await shop.refusal(advisor, 'audit.search', {})).code).toBe('forbidden')
  })
  it('has no call that edits or deletes it, and the file refuses one', async () => {
    expect(Object.keys((await import('../../../src/shared/contract')).contract).filter((n) => n.startsWith('audit.'))).toEqual(['audit.history', 'audit.search'])
    await shop.call(shop.session(['advisor']), 'customers.create', { name: '张伟', phone: '13812345678' })
    expect(() => shop.core.db.prepare("UPDATE audit_log SET staff_name = 'x'").run()).toThrow(/append-only/)
    expect(() => shop.core.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/)
    const r = await dispatch(shop.core, 'audit.delete', {}, shop.session(['admin']))
    expect(r.ok).toBe(false)
  })
})
