import type { Db } from '../db/types'
import type { Role } from '../../shared/roles'
import type { ChangeFeed } from './changes'
import type { Clock } from './clock'
import type { DocumentStore } from './documents'
import type { SessionStore } from './sessions'

export interface Actor {
  id: number
  name: string
  roles: Role[]
}

/** What lives as long as the app: one per data file. */
export interface Core {
  db: Db
  dbFile: string
  dataDir: string
  clock: Clock
  sessions: SessionStore
  documents: DocumentStore
  changes: ChangeFeed
  appVersion: string
  /** Set on a workstation: calls go to the host's database instead of a local one. */
  remote?: RemoteHost
  /** This PC as the LAN host (off unless Settings turns it on). */
  lanHost?: import('../lan/host').LanHost
  /** Desktop-only services (print dialog, save dialog); absent in browser mode. */
  desktop?: DesktopServices
}

/** A workstation's link to the host PC (src/main/lan/workstation.ts). */
export interface RemoteHost {
  forward(name: string, input: unknown, token: string | null): Promise<import('../../shared/errors').Result<unknown>>
  /** Calls answered by the workstation itself: pairing, its own status. */
  isLocal(name: string): boolean
  fetchDocument(documentId: string, token: string | null): Promise<{ pdf: Buffer; fileName: string; contentType: string } | null>
}

export interface DesktopServices {
  showDocument(pdf: Buffer, fileName: string, action: 'print' | 'save'): Promise<{ done: boolean; path: string | null }>
}

/** What one call sees: the core, who is calling, and their session token. */
export interface Ctx {
  core: Core
  db: Db
  clock: Clock
  actor: Actor | null
  token: string | null
}

export function requireActor(ctx: Ctx): Actor {
  if (!ctx.actor) throw new Error('handler needs a signed-in actor but access let an anonymous call through')
  return ctx.actor
}
