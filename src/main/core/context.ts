import type { Db } from '../db/types'
import type { Role } from '../../shared/roles'
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
  appVersion: string
  /** Desktop-only services (print dialog, save dialog); absent in browser mode. */
  desktop?: DesktopServices
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
