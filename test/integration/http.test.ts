import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWebServer, type WebServer } from '../../src/main/http/server'
import { testShop, type TestShop } from '../helpers/core'

let shop: TestShop
let web: WebServer
let token: string
beforeAll(async () => {
  shop = testShop()
  token = shop.session(['advisor'])
  web = await startWebServer(shop.core, { port: 0 })
})
afterAll(async () => {
  await web.close()
  shop.close()
})

function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: web.port, path, method: 'POST', headers: { 'Content-Type': 'application/json', ...headers } },
      (res) => {
        let data = ''
        res.on('data', (c) => (data += c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }))
      }
    )
    req.on('error', reject)
    req.end(typeof body === 'string' ? body : JSON.stringify(body))
  })
}

describe('browser mode over HTTP', () => {
  it('listens on 127.0.0.1 only', () => {
    const addr = web.server.address()
    expect(typeof addr === 'object' && addr?.address).toBe('127.0.0.1')
  })
  it('answers a call with the same envelope as the desktop app', async () => {
    const res = await post('/api/customers.search', { input: { query: '' } }, { Authorization: `Bearer ${token}` })
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: { items: [], more: false } })
  })
  it('refuses a call without a session', async () => {
    const res = await post('/api/customers.search', { input: { query: '' } })
    expect(JSON.parse(res.body).error.code).toBe('unauthenticated')
  })
  it('refuses a page of another origin (a website trying to call the shop)', async () => {
    const res = await post('/api/customers.search', { input: {} }, { Origin: 'http://evil.example', Authorization: `Bearer ${token}` })
    expect(res.status).toBe(403)
  })
  it('refuses a request for another host name (DNS rebinding)', async () => {
    const res = await post('/api/auth.status', { input: {} }, { Host: 'evil.example' })
    expect(res.status).toBe(421)
  })
  it('refuses a body that is not JSON, and a form post', async () => {
    expect((await post('/api/auth.status', '{not json')).status).toBe(400)
    expect((await post('/api/auth.status', 'a=1', { 'Content-Type': 'application/x-www-form-urlencoded' })).status).toBe(415)
  })
  it('answers an unknown call with a typed error', async () => {
    const res = await post('/api/customers.dropAll', { input: {} }, { Authorization: `Bearer ${token}` })
    expect(JSON.parse(res.body).error.code).toBe('unknown_call')
  })
})
