import { auditContract, backupContract, staffContract } from '../../shared/contract/staff'
import type { HandlerMap } from '../core/dispatch'
import { requireActor } from '../core/context'
import { historyOf, searchAudit } from '../domain/audit/audit'
import {
  backupFolder,
  exportDatabase,
  lastBackupAt,
  listBackups,
  readBackupSettings,
  restoreBackup,
  runBackup,
  updateBackupSettings
} from '../domain/backup/backup'
import { getStaff, insertStaff, listStaff, setPin, updateStaff } from '../domain/staff/staff'
import { inTx } from '../domain/tx'
import { readFileSync, statSync } from 'node:fs'

export const staffHandlers: HandlerMap<typeof staffContract & typeof auditContract & typeof backupContract> = {
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
  'staff.setPin': ({ id, pin }, ctx) => inTx(ctx.db, () => setPin(ctx.db, requireActor(ctx), ctx.clock.now(), id, pin)),

  'audit.history': ({ entity, entityId }, { db }) => historyOf(db, entity, entityId),
  'audit.search': (q, { db }) => searchAudit(db, q),

  'backup.status': (_input, { core }) => {
    const settings = readBackupSettings(core.db)
    return {
      folder: backupFolder(core),
      customFolder: settings.folder,
      rotation: settings.rotation,
      lastBackupAt: lastBackupAt(core.db),
      files: listBackups(core)
    }
  },
  'backup.configure': (input, ctx) => {
    inTx(ctx.db, () => updateBackupSettings(ctx.db, requireActor(ctx), ctx.clock.now(), input))
    return { ok: true as const }
  },
  'backup.now': (_input, ctx) => runBackup(ctx.core, 'manual', requireActor(ctx)),
  'backup.restore': ({ file }, ctx) => restoreBackup(ctx.core, requireActor(ctx), file),
  'backup.export': (_input, ctx) => {
    const { path, fileName } = exportDatabase(ctx.core, requireActor(ctx))
    const documentId = ctx.core.documents.put(readFileSync(path), fileName, ctx.token, 'application/vnd.sqlite3')
    return { documentId, fileName, path, bytes: statSync(path).size }
  }
}
