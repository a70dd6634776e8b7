import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { contract } from '../../shared/contract'
import type { Core } from '../core/context'
import { readBody } from '../http/body'
import { dispatch } from '../core/dispatch'
import { createDevice, deviceById, touchDevice, type DeviceRow } from './devices'
import { open, seal } from './crypto'
import type { LanHost } from './host'
import { isLanAddress } from './ranges'

const CLOCK_SKEW_MS = 120_000
// Calls a workstation may never make on the host: the first-start setup belongs at the host's screen.
const HOST_ONLY = new Set(['auth.setup', 'lan.configureHost', 'lan.startPairing', 'lan.revokeDevice', 'backup.restore', 'documents.show'])

export interface LanServer {
  url: string
  port: number
  server: Server
  close(): Promise<void>
}

export interface LanCallPayload {
  name: string
  input: unknown
  token: string | null
  time: number
  nonce: string
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' })
  res.end(JSON.stringify(body))
}

export interface LanServerOptions {
  address: string
  port: number
  /** Tests stand in for a PC outside the LAN by telling the server what peer to see. */
  peerOf?: (req: IncomingMessage) => string | undefined
}

/**
 * The host's LAN endpoint. Order of checks for a call: the peer is on the LAN; the device is
 * paired and not revoked; the request opens with its key and is fresh (not a replay); then the
 * same dispatch as the host's own window (session and roles) runs it.
 */
export async function startLanServer(core: Core, host: LanHost, options: LanServerOptions): Promise<LanServer> {
  const seenNonces = new Map<string, number>()
  const peerOf = options.peerOf ?? ((req: IncomingMessage) => req.socket.remoteAddress)

  const device = (req: IncomingMessage): DeviceRow | null => {
    const id = Number(req.headers['x-frontdesk-device'])
    if (!Number.isInteger(id) || id <= 0) return null
    const d = deviceById(core.db, id)
    return d && !d.revokedAt ? d : null
  }

  const fresh = (time: unknown, nonce: unknown): boolean => {
    if (typeof time !== 'number' || typeof nonce !== 'string') return false
    const now = Date.now()
    if (Math.abs(now - time) > CLOCK_SKEW_MS) return false
    if (seenNonces.has(nonce)) return false
    seenNonces.set(nonce, now)
    if (seenNonces.size > 20_000) for (const [n, t] of seenNonces) if (now - t > CLOCK_SKEW_MS) seenNonces.delete(n)
    return true
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const peer = peerOf(req) ?? ''
    if (!isLanAddress(peer)) return json(res, 403, { error: 'not_lan' })
    if (req.method !== 'POST') return json(res, 405, { error: 'post_only' })
    let body: unknown
    try {
      body = JSON.parse(await readBody(req))
    } catch {
      return json(res, 400, { error: 'bad_body' })
    }

    if (req.url === '/lan/pair') {
      const { code, name } = (body ?? {}) as { code?: unknown; name?: unknown }
      if (typeof code !== 'string' || typeof name !== 'string' || !name.trim() || name.length > 60) return json(res, 400, { error: 'bad_pairing' })
      if (!host.takePairingCode(code)) return json(res, 403, { error: 'wrong_code' })
      const d = core.db.transaction(() => createDevice(core.db, core.clock.now(), name.trim(), peer)).immediate()
      host.seen(d.id, peer, null)
      return json(res, 200, { deviceId: d.id, key: d.key })
    }

    const dev = device(req)
    if (!dev) return json(res, 401, { error: 'unknown_device' })
    const aad = `${req.url}:${dev.id}`
    const payload = open(dev.key, body, aad) as (LanCallPayload & { documentId?: string }) | null
    if (!payload || !fresh(payload.time, payload.nonce)) return json(res, 401, { error: 'bad_seal' })

    const actor = core.sessions.resolve(payload.token)
    host.seen(dev.id, peer, actor?.name ?? null)
    // Last use is kept for the devices list, written at most once a minute per device.
    if (!dev.lastSeenAt || Date.now() - Date.parse(dev.lastSeenAt) > 60_000) touchDevice(core.db, dev.id, core.clock.now(), peer)

    if (req.url === '/lan/ping') return json(res, 200, seal(dev.key, { ok: true, time: Date.now() }, `reply:${aad}`))

    if (req.url === '/lan/document') {
      const doc = typeof payload.documentId === 'string' ? core.documents.take(payload.documentId, payload.token) : null
      const reply = doc ? { ok: true, fileName: doc.fileName, contentType: doc.contentType, data: doc.pdf.toString('base64') } : { ok: false }
      return json(res, 200, seal(dev.key, reply, `reply:${aad}`))
    }

    if (req.url === '/lan/call') {
      const name = String(payload.name)
      let result
      if (HOST_ONLY.has(name) || name.startsWith('lan.')) {
        result = { ok: false, error: { code: 'forbidden', message: `${name} is done at the host PC.` } }
      } else if (Object.hasOwn(contract, name) && contract[name as keyof typeof contract].access !== 'public' && !actor) {
        // No session, no handler: refused before anything runs.
        result = { ok: false, error: { code: 'unauthenticated', message: 'Sign in first.' } }
      } else {
        result = await dispatch(core, name, payload.input, payload.token)
      }
      return json(res, 200, seal(dev.key, result, `reply:${aad}`))
    }
    return json(res, 404, { error: 'no_route' })
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error('[lan] request failed', err)
      if (!res.headersSent) json(res, 500, { error: 'internal' })
    })
  })
  server.keepAliveTimeout = 35_000
  server.requestTimeout = 60_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.address, () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  const shown = options.address === '0.0.0.0' ? '0.0.0.0' : options.address
  return {
    url: `http://${shown}:${port}`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

export const newNonce = (): string => randomUUID()
