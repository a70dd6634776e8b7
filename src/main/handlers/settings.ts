import { settingsContract } from '../../shared/contract/settings'
import type { HandlerMap } from '../core/dispatch'
import { recordAudit } from '../domain/audit/audit'
import { readSettings, writeSetting } from '../domain/settings/settings'
import { inTx } from '../domain/tx'

export const settingsHandlers: HandlerMap<typeof settingsContract> = {
  'settings.get': (_input, { db }) => readSettings(db),
  'settings.setLocale': (input, { db, actor, clock }) =>
    inTx(db, () => {
      const before = readSettings(db)
      writeSetting(db, 'locale', input.locale)
      recordAudit(db, actor, clock.now(), { action: 'update', entity: 'settings', entityId: 'locale', before: { locale: before.locale }, after: { locale: input.locale } })
      return readSettings(db)
    }),
  'settings.setIdleLock': ({ minutes }, { db, actor, clock }) =>
    inTx(db, () => {
      const before = readSettings(db)
      writeSetting(db, 'idleLockMinutes', minutes)
      recordAudit(db, actor, clock.now(), { action: 'update', entity: 'settings', entityId: 'idleLockMinutes', before: { minutes: before.idleLockMinutes }, after: { minutes } })
      return readSettings(db)
    }),
  'settings.updateShop': (input, { db, actor, clock }) =>
    inTx(db, () => {
      const before = readSettings(db)
      writeSetting(db, 'shop', input)
      recordAudit(db, actor, clock.now(), { action: 'update', entity: 'settings', entityId: 'shop', before: before.shop, after: input })
      return readSettings(db)
    })
}
