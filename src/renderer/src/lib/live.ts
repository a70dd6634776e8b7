import { useEffect, useRef } from 'react'
import { call } from '../api/client'

/**
 * Live enough: one long poll on `system.changes` for the whole window; a page subscribes with the
 * call-name prefixes it shows (e.g. ['appointments.']) and reloads when another window or PC
 * wrote through one of them. Idle, it costs one open request.
 */
type Listener = { prefixes: string[]; fire: () => void }
const listeners = new Set<Listener>()
let running = false

async function loop(): Promise<void> {
  running = true
  let since: number | null = null
  let failures = 0
  while (listeners.size > 0) {
    try {
      const r: { seq: number; reset: boolean; changes: Array<{ call: string }> } = await call('system.changes', {
        since: since ?? 0,
        waitMs: since === null ? 0 : 25_000
      })
      failures = 0
      if (since !== null) {
        const names = r.reset ? null : r.changes.map((c) => c.call)
        for (const l of listeners) if (!names || names.some((n) => l.prefixes.some((p) => n.startsWith(p)))) l.fire()
      }
      since = r.seq
    } catch {
      // Signed out, or the host is away: wait a little and try again; the page keeps what it shows.
      failures++
      await new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 1000 * failures)))
    }
  }
  running = false
}

export function useLiveChanges(prefixes: string[], reload: () => void): void {
  const reloadRef = useRef(reload)
  reloadRef.current = reload
  const key = prefixes.join('|')
  useEffect(() => {
    const listener: Listener = { prefixes: key.split('|'), fire: () => reloadRef.current() }
    listeners.add(listener)
    if (!running) void loop()
    return () => {
      listeners.delete(listener)
    }
  }, [key])
}
