import { authContract } from '../../shared/contract/auth'
import { AppError } from '../../shared/errors'
import type { HandlerMap } from '../core/dispatch'
import { requireActor } from '../core/context'
import { readSettings, writeSetting } from '../domain/settings/settings'
import { checkPin, insertStaff, listActiveStaff, staffCount } from '../domain/staff/staff'
import { inTx } from '../domain/tx'

export const authHandlers: HandlerMap<typeof authContract> = {
  'auth.status': (_input, { db }) => ({
    needsSetup: staffCount(db) === 0,
    staff: listActiveStaff(db),
    locale: readSettings(db).locale
  }),
  'auth.setup': (input, ctx) => {
    const actor = inTx(ctx.db, () => {
      if (staffCount(ctx.db) > 0) throw new AppError('already_set_up', 'The shop is already set up.')
      if (input.locale) writeSetting(ctx.db, 'locale', input.locale)
      return insertStaff(ctx.db, null, ctx.clock.now(), input.name, ['admin'], input.pin)
    })
    return { ...ctx.core.sessions.open(actor), staff: actor }
  },
  'auth.signIn': (input, ctx) => {
    const actor = checkPin(ctx.db, ctx.clock.now(), input.staffId, input.pin)
    return { ...ctx.core.sessions.open(actor), staff: actor }
  },
  'auth.signOut': (_input, ctx) => {
    if (ctx.token) ctx.core.sessions.close(ctx.token)
    return { ok: true as const }
  },
  'auth.me': (_input, ctx) => requireActor(ctx)
}
