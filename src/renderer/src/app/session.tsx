import { createContext, useContext } from 'react'
import type { StaffMember } from '../../../shared/contract/auth'
import type { Locale } from '../../../shared/contract/common'
import type { Role } from '../../../shared/roles'

export interface SessionState {
  staff: StaffMember
  locale: Locale
  setLocale(locale: Locale): void
  signOut(): void
}

export const SessionContext = createContext<SessionState | null>(null)

export function useSession(): SessionState {
  const s = useContext(SessionContext)
  if (!s) throw new Error('useSession outside a signed-in app')
  return s
}

/** For showing or hiding buttons only: main checks every call's roles itself. */
export function useHasRole(...roles: Role[]): boolean {
  const { staff } = useSession()
  return staff.roles.some((r) => roles.includes(r))
}
