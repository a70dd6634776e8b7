import type { Actor } from '../../core/context'
import { CALLING_ROLES } from '../../../shared/contract/followup'
import { maskPhone } from '../../../shared/vehicle-ids'

/** Phone numbers in full only for the roles that call customers. */
export function phoneShownTo(actor: Actor | null): (phone: string) => string {
  const calls = actor?.roles.some((r) => CALLING_ROLES.includes(r)) ?? false
  return calls ? (p) => p : (p) => maskPhone(p)
}
