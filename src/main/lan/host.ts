import { randomInt } from 'node:crypto'
import { networkInterfaces } from 'node:os'
import type { Core } from '../core/context'
import type { Db, ReadDb } from '../db/types'
import { startLanServer, type LanServer } from './host-server'

export interface LanSettings {
  enabled: boolean
  /** The interface address to listen on; '0.0.0.0' only when the administrator chose all interfaces. */
  address: string | null
  port: number
}

export const DEFAULT_LAN: LanSettings = { enabled: false, address: null, port: 5318 }
const KEY = 'lan'
const CODE_MINUTES = 5

export function readLanSettings(db: ReadDb): LanSettings {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined
  return row ? { ...DEFAULT_LAN, ...(JSON.parse(row.value) as Partial<LanSettings>) } : DEFAULT_LAN
}

export function writeLanSettings(db: Db, s: LanSettings): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(s))
}

/** The PC's LAN addresses an administrator can choose to serve on. */
export function lanInterfaces(): Array<{ name: string; address: string }> {
  return Object.entries(networkInterfaces()).flatMap(([name, list]) =>
    (list ?? []).filter((i) => i.family === 'IPv4' && !i.internal).map((i) => ({ name, address: i.address }))
  )
}

export interface Presence {
  deviceId: number
  address: string
  lastSeen: number
  staffName: string | null
}

/**
 * The counter PC as host: it serves its own contract to paired workstations on the LAN. Off by
 * default; on, it listens only on the address the administrator picked.
 */
export class LanHost {
  private server: LanServer | null = null
  private pairing: { code: string; expires: number; tries: number } | null = null
  readonly presence = new Map<number, Presence>()
  lastError: string | null = null

  constructor(private readonly core: Core) {}

  get url(): string | null {
    return this.server ? this.server.url : null
  }

  async apply(settings: LanSettings): Promise<void> {
    await this.stop()
    if (!settings.enabled || !settings.address) return
    try {
      this.server = await startLanServer(this.core, this, { address: settings.address, port: settings.port })
      this.lastError = null
    } catch (err) {
      this.lastError = (err as Error).message
      throw err
    }
  }

  async stop(): Promise<void> {
    if (this.server) await this.server.close()
    this.server = null
  }

  startPairing(): { code: string; expiresAt: string } {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
    const expires = this.core.clock.now().getTime() + CODE_MINUTES * 60_000
    this.pairing = { code, expires, tries: 0 }
    return { code, expiresAt: new Date(expires).toISOString() }
  }

  /** A pairing code works once, for five minutes, and five wrong guesses end it. */
  takePairingCode(code: string): boolean {
    const p = this.pairing
    if (!p || p.expires < this.core.clock.now().getTime()) return false
    if (p.code !== code) {
      if (++p.tries >= 5) this.pairing = null
      return false
    }
    this.pairing = null
    return true
  }

  seen(deviceId: number, address: string, staffName: string | null): void {
    const before = this.presence.get(deviceId)
    this.presence.set(deviceId, { deviceId, address, lastSeen: Date.now(), staffName: staffName ?? before?.staffName ?? null })
  }
}
