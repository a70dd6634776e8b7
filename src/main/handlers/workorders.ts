import type { workordersContract } from '../../shared/contract/workorders'
import type { HandlerMap } from '../core/dispatch'
import { requireActor, type Ctx } from '../core/context'
import { inTx } from '../domain/tx'
import { recordAudit } from '../domain/audit/audit'
import { getWorkOrder, listWorkOrders } from '../domain/workorders/read'
import { readWoSettings, writeWoSettings } from '../domain/workorders/settings'
import {
  approve,
  checkIn,
  decline,
  lastMileage,
  logOnsite,
  setDamages,
  setStatus,
  signCheckIn,
  updateWorkOrder
} from '../domain/workorders/orders'
import { decideItem, declinedItemsForVehicle, ensureDefaultTemplates, listTemplates, saveInspection, saveTemplate, startInspection } from '../domain/workorders/inspection'
import { saveReport, signReport } from '../domain/workorders/report'
import { warrantyForVehicle } from '../domain/workorders/warranty'
import { addPhoto, photoDataUrl, photoRow } from '../domain/workorders/photos'
import { printSheet } from '../print/documents/workorders'
import { AppError, notFound } from '../../shared/errors'

const detail = (ctx: Ctx, id: number) => getWorkOrder(ctx.db, id, readWoSettings(ctx.db), ctx.clock.now())

/** Runs a write on one order in a transaction and returns the order as it now stands. */
const write = (ctx: Ctx, id: number, fn: () => void) =>
  inTx(ctx.db, () => {
    fn()
    return detail(ctx, id)
  })

export const workordersHandlers: HandlerMap<typeof workordersContract> = {
  'workorders.list': (input, { db, clock }) => listWorkOrders(db, input, readWoSettings(db), clock.now()),
  'workorders.get': ({ id }, ctx) => detail(ctx, id),
  'workorders.vehicleContext': ({ vehicleId }, { db, clock }) => {
    if (!db.prepare('SELECT 1 FROM vehicles WHERE id = ?').get(vehicleId)) throw notFound('vehicle', vehicleId)
    return {
      lastMileageKm: lastMileage(db, vehicleId),
      declined: declinedItemsForVehicle(db, vehicleId),
      warranty: warrantyForVehicle(db, vehicleId, clock.now()),
      openOrders: db
        .prepare(`SELECT id, number, status FROM work_orders WHERE vehicle_id = ? AND status IN ('open', 'approved', 'in_progress', 'waiting_parts', 'done') ORDER BY id`)
        .all(vehicleId) as Array<{ id: number; number: string; status: string }>
    }
  },
  'workorders.warrantyForVehicle': ({ vehicleId }, { db, clock }) => warrantyForVehicle(db, vehicleId, clock.now()),
  'workorders.declinedForVehicle': ({ vehicleId }, { db }) => declinedItemsForVehicle(db, vehicleId),
  'workorders.checkIn': (input, ctx) => inTx(ctx.db, () => checkIn(ctx.db, requireActor(ctx), ctx.clock.now(), readWoSettings(ctx.db), input)),
  'workorders.damages.set': ({ id, version, damages }, ctx) =>
    write(ctx, id, () => setDamages(ctx.db, requireActor(ctx), ctx.clock.now(), id, version, damages)),
  'workorders.checkin.sign': ({ id, version, who, signature }, ctx) =>
    write(ctx, id, () => signCheckIn(ctx.db, requireActor(ctx), ctx.clock.now(), id, version, who, signature)),
  'workorders.photos.add': (input, ctx) =>
    inTx(ctx.db, () => photoRow(ctx.db, addPhoto(ctx.db, ctx.core.dataDir, requireActor(ctx), ctx.clock.now(), input))),
  'workorders.photos.get': ({ id }, { db, core }) => ({ dataUrl: photoDataUrl(db, core.dataDir, id) }),
  'workorders.templates.list': ({ includeInactive }, { db, clock }) =>
    inTx(db, () => {
      ensureDefaultTemplates(db, clock.now())
      return listTemplates(db, includeInactive)
    }),
  'workorders.templates.save': (input, ctx) => inTx(ctx.db, () => saveTemplate(ctx.db, requireActor(ctx), ctx.clock.now(), input)),
  'workorders.inspection.start': ({ id, version, templateId }, ctx) =>
    write(ctx, id, () => startInspection(ctx.db, requireActor(ctx), ctx.clock.now(), id, version, templateId)),
  'workorders.inspection.save': ({ id, version, inspector, complete, items }, ctx) =>
    write(ctx, id, () => saveInspection(ctx.db, requireActor(ctx), ctx.clock.now(), id, version, inspector, complete, items)),
  'workorders.inspection.decide': ({ id, version, itemId, decision, line }, ctx) =>
    write(ctx, id, () => decideItem(ctx.db, requireActor(ctx), ctx.clock.now(), readWoSettings(ctx.db), id, version, itemId, decision, line)),
  'workorders.update': ({ id, version, ...input }, ctx) =>
    write(ctx, id, () => updateWorkOrder(ctx.db, requireActor(ctx), ctx.clock.now(), readWoSettings(ctx.db), id, version, input)),
  'workorders.approve': ({ id, version, ...input }, ctx) => write(ctx, id, () => approve(ctx.db, requireActor(ctx), ctx.clock.now(), id, version, input)),
  'workorders.decline': ({ id, version, reason }, ctx) =>
    write(ctx, id, () => decline(ctx.db, requireActor(ctx), ctx.clock.now(), readWoSettings(ctx.db), id, version, reason)),
  'workorders.setStatus': ({ id, version, to, note }, ctx) =>
    write(ctx, id, () => setStatus(ctx.db, requireActor(ctx), ctx.clock.now(), id, version, to, note)),
  'workorders.onsite.log': ({ id, version, event }, ctx) =>
    write(ctx, id, () => logOnsite(ctx.db, requireActor(ctx), ctx.clock.now(), id, version, event)),
  'workorders.report.save': ({ workOrderId, ...input }, ctx) =>
    write(ctx, workOrderId, () => saveReport(ctx.db, requireActor(ctx), ctx.clock.now(), workOrderId, input)),
  'workorders.report.sign': ({ workOrderId, signerName, signature }, ctx) =>
    write(ctx, workOrderId, () => signReport(ctx.db, requireActor(ctx), ctx.clock.now(), workOrderId, signerName, signature)),
  'workorders.print': async (input, ctx) => {
    const { pdf, pages, fileName } = await printSheet(ctx.db, input, ctx.clock.now(), ctx.core.dataDir)
    return { documentId: ctx.core.documents.put(pdf, fileName, ctx.token), fileName, pages, bytes: pdf.length }
  },
  'workorders.settings.get': (_input, { db }) => readWoSettings(db),
  'workorders.settings.update': (input, ctx) =>
    inTx(ctx.db, () => {
      if (!input.warrantyCategories.some((c) => c.code === input.defaultWarrantyCategory)) {
        throw new AppError('workorders.default_category_missing', 'The default warranty category must be one of the categories.')
      }
      if (new Set(input.warrantyCategories.map((c) => c.code)).size !== input.warrantyCategories.length) {
        throw new AppError('workorders.duplicate_category', 'Two warranty categories have the same code.')
      }
      const before = readWoSettings(ctx.db)
      writeWoSettings(ctx.db, input)
      recordAudit(ctx.db, ctx.actor, ctx.clock.now(), { action: 'update', entity: 'settings', entityId: 'workorders', before, after: input })
      return readWoSettings(ctx.db)
    })
}
