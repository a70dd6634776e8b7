import { staffContract } from '../../shared/contract/staff'
import type { HandlerMap } from '../core/dispatch'
import { requireActor } from '../core/context'
import { getStaff, insertStaff, listStaff, setPin, updateStaff } from '../domain/staff/staff'
import { inTx } from '../domain/tx'

export const staffHandlers: HandlerMap<typeof staffContract> = {
  'staff.list': ({ includeInactive }, { db }) => listStaff(db, includeInactive),
  'staff.create': ({ name, roles, pin }, ctx) =>
    inTx(ctx.db, () => getStaff(ctx.db, insertStaff(ctx.db, requireActor(ctx), ctx.clock.now(), name, roles, pin).id)),
  'staff.update': ({ id, version, ...fields }, ctx) => {
    const updated = inTx(ctx.db, () => updateStaff(ctx.db, requireActor(ctx), ctx.clock.now(), id, version, fields))
    // Roles change at once on open sessions; someone who can no longer sign in is signed out.
    if (updated.active) ctx.core.sessions.refresh({ id, name: updated.name, roles: updated.roles })
    else ctx.core.sessions.closeAllFor(id)
    return updated
  },
  'staff.setPin': ({ id, pin }, ctx) => inTx(ctx.db, () => setPin(ctx.db, requireActor(ctx), ctx.clock.now(), id, pin))
}
