import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { hostname } from 'node:os'
import { join } from 'node:path'
import type { RemoteHost } from '../core/context'
import type { ErrorBody, Result } from '../../shared/errors'
import { open, seal } from './crypto'
import { newNonce } from './host-server'

/** What a paired workstation keeps on disk: where the host is and the key it was given. No data. */
export interface WorkstationConfig {
  hostUrl: string
  deviceId: number
  key: string
  deviceName: string
  pairedAt: string
}

const FILE = 'workstation.json'
// Answered on the workstation itself; everything else goes to the host.
const LOCAL = new Set(['lan.discover', 'lan.connect', 'lan.workstationStatus', 'lan.disconnect', 'documents.show'])

export const workstationFile = (dataDir: string): string => join(dataDir, FILE)

export function readWorkstationConfig(dataDir: string): WorkstationConfig | null {
  const file = workstationFile(dataDir)
  if (!existsSync(file)) return null
  return JSON.parse(readFileSync(file, 'utf8')) as WorkstationConfig
}

export function writeWorkstationConfig(dataDir: string, config: WorkstationConfig): void {
  writeFileSync(workstationFile(dataDir), JSON.stringify(config, null, 2), { mode: 0o600 })
}

export function forgetWorkstationConfig(dataDir: string): void {
  rmSync(workstationFile(dataDir), { force: true })
}

export const defaultDeviceName = (): string => hostname().slice(0, 60) || 'workstation'

/** Pairs with a host using the code its screen shows; returns the config to keep. */
export async function pairWithHost(hostUrl: string, code: string, deviceName: string, at: Date): Promise<WorkstationConfig> {
  const url = hostUrl.replace(/\/+$/, '')
  const res = await fetch(`${url}/lan/pair`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code, name: deviceName }),
    signal: AbortSignal.timeout(8000)
  })
  const body = (await res.json()) as { deviceId?: number; key?: string; error?: string }
  if (!res.ok || !body.deviceId || !body.key) throw new Error(body.error ?? `HTTP ${res.status}`)
  return { hostUrl: url, deviceId: body.deviceId, key: body.key, deviceName, pairedAt: at.toISOString() }
}

export interface LinkStatus {
  hostUrl: string
  deviceName: string
  connected: boolean
  latencyMs: number | null
  lastError: string | null
  lastContactAt: string | null
}

/**
 * The workstation's side: every contract call is sealed with the device key and sent to the host;
 * when the host cannot be reached the call fails with `host_unreachable` (the page keeps what was
 * typed) and a ping every few seconds finds the host again.
 */
export class WorkstationLink implements RemoteHost {
  private connected = true
  private latencyMs: number | null = null
  private lastError: string | null = null
  private lastContactAt: string | null = null
  private timer: NodeJS.Timeout | null = null
  // Kept-alive connections to the host: a call costs a round trip, not a new TCP handshake.
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 16 })

  constructor(readonly config: WorkstationConfig) {}

  isLocal(name: string): boolean {
    return LOCAL.has(name)
  }

  status(): LinkStatus {
    return {
      hostUrl: this.config.hostUrl,
      deviceName: this.config.deviceName,
      connected: this.connected,
      latencyMs: this.latencyMs,
      lastError: this.lastError,
      lastContactAt: this.lastContactAt
    }
  }

  private async post(path: string, payload: Record<string, unknown>, timeoutMs: number): Promise<unknown> {
    const aad = `${path}:${this.config.deviceId}`
    const started = performance.now()
    const res = await postJson(
      this.agent,
      `${this.config.hostUrl}${path}`,
      { 'X-Frontdesk-Device': String(this.config.deviceId) },
      JSON.stringify(seal(this.config.key, { ...payload, time: Date.now(), nonce: newNonce() }, aad)),
      timeoutMs
    )
    const body = res.body
    if (res.status === 401 || res.status === 403) {
      const code = (body as { error?: string }).error ?? 'refused'
      throw Object.assign(new Error(`host refused this workstation: ${code}`), { refused: code })
    }
    const reply = open(this.config.key, body, `reply:${aad}`)
    if (reply === null) throw new Error('reply from the host did not open')
    this.markUp(performance.now() - started)
    return reply
  }

  private markUp(latency: number): void {
    this.connected = true
    this.latencyMs = Math.round(latency * 10) / 10
    this.lastContactAt = new Date().toISOString()
    this.lastError = null
  }

  private markDown(err: unknown): ErrorBody {
    const refused = (err as { refused?: string }).refused
    this.lastError = (err as Error).message
    if (refused) return { code: 'lan.device_refused', message: this.lastError, params: { reason: refused } }
    this.connected = false
    this.startReconnecting()
    return { code: 'lan.host_unreachable', message: `The host ${this.config.hostUrl} cannot be reached: ${this.lastError}`, params: { host: this.config.hostUrl } }
  }

  async forward(name: string, input: unknown, token: string | null): Promise<Result<unknown>> {
    const timeout = name === 'system.changes' ? 40_000 : 20_000
    try {
      return (await this.post('/lan/call', { name, input, token }, timeout)) as Result<unknown>
    } catch (err) {
      return { ok: false, error: this.markDown(err) }
    }
  }

  async fetchDocument(documentId: string, token: string | null): Promise<{ pdf: Buffer; fileName: string; contentType: string } | null> {
    try {
      const r = (await this.post('/lan/document', { documentId, token }, 30_000)) as { ok: boolean; fileName: string; contentType: string; data: string }
      return r.ok ? { pdf: Buffer.from(r.data, 'base64'), fileName: r.fileName, contentType: r.contentType } : null
    } catch (err) {
      this.markDown(err)
      return null
    }
  }

  async ping(): Promise<boolean> {
    try {
      await this.post('/lan/ping', {}, 5000)
      return true
    } catch (err) {
      this.markDown(err)
      return false
    }
  }

  private startReconnecting(): void {
    if (this.timer) return
    this.timer = setInterval(() => {
      void this.ping().then((up) => {
        if (up && this.timer) {
          clearInterval(this.timer)
          this.timer = null
        }
      })
    }, 2000)
    this.timer.unref()
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    this.agent.destroy()
  }
}

/** A JSON POST over node:http (lighter than fetch for hundreds of small calls a second). */
function postJson(agent: Agent, url: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), ...headers }, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        try {
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown })
        } catch (err) {
          reject(err as Error)
        }
      })
      res.on('error', reject)
    })
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)))
    req.on('error', reject)
    req.end(body)
  })
}
