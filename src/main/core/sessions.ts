import { randomBytes } from 'node:crypto'
import type { Actor } from './context'
import type { Clock } from './clock'

interface SessionEntry {
  actor: Actor
  expiresAt: number
}

const SESSION_HOURS = 12

/**
 * Sessions live in memory only: a restart signs everyone out, which is what a shared counter PC
 * wants. Tokens are random and opaque; the PIN never leaves the sign-in call.
 */
export class SessionStore {
  private readonly entries = new Map<string, SessionEntry>()
  constructor(private readonly clock: Clock) {}

  open(actor: Actor): { token: string; expiresAt: string } {
    const token = randomBytes(24).toString('base64url')
    const expiresAt = this.clock.now().getTime() + SESSION_HOURS * 3600_000
    this.entries.set(token, { actor, expiresAt })
    return { token, expiresAt: new Date(expiresAt).toISOString() }
  }

  resolve(token: string | null | undefined): Actor | null {
    if (!token) return null
    const entry = this.entries.get(token)
    if (!entry) return null
    if (entry.expiresAt <= this.clock.now().getTime()) {
      this.entries.delete(token)
      return null
    }
    return entry.actor
  }

  close(token: string): void {
    this.entries.delete(token)
  }

  /** A member of staff's roles or name changed: their open sessions see it at once. */
  refresh(actor: Actor): void {
    for (const entry of this.entries.values()) if (entry.actor.id === actor.id) entry.actor = actor
  }

  closeAll(): void {
    this.entries.clear()
  }

  closeAllFor(staffId: number): void {
    for (const [token, entry] of this.entries) if (entry.actor.id === staffId) this.entries.delete(token)
  }
}
