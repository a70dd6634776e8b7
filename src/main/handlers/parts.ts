import type { partsContract } from '../../shared/contract/parts'
import type { HandlerMap } from '../core/dispatch'
import { requireActor, type Ctx } from '../core/context'
import { AppError } from '../../shared/errors'
import { readSettings } from '../domain/settings/settings'
import { inTx } from '../domain/tx'
import { recordAudit } from '../domain/audit/audit'
import { reversePosting, verifyLedger } from '../domain/parts/ledger'
import {
  balancesOf,
  createPart,
  getLocation,
  getPart,
  listCategories,
  listLocations,
  listSuppliers,
  partIdByNo,
  readPartsSettings,
  saveCategory,
  saveLocation,
  saveSupplier,
  searchParts,
  updatePart,
  writePartsSettings
} from '../domain/parts/master'
import { findWorkOrders, getReceipt, listReceipts, postReceipt, postReturn, postScrap, postTransfer, postWarrantyWriteOff } from '../domain/parts/movements'
import { closeRequisition, createRequisition, decideRequisition, getRequisition, issueRequisition, listRequisitions } from '../domain/parts/requisitions'
import { cancelCount, countVariances, enterCount, getCount, listCounts, postCount, reverseCount, startCount } from '../domain/parts/counts'
import { advanceClaim, createClaim, disposeOldPart, getClaim, listClaims, listOldParts, receiveOldPart } from '../domain/parts/claims'
import { failuresByCategory, ledgerCard, lowStock, reconcile, stockReport } from '../domain/parts/reports'
import { applyImport, exportParts, planImport, planRows, readSheet, summarise } from '../domain/parts/import'
import { printBinLabels, printCountSheet, printLedgerCard, printReceipt, printRequisition } from '../domain/parts/print'
import { toLocalDate } from '../../shared/time'

const tz = (ctx: Ctx): string => readSettings(ctx.db).timeZone

export const partsHandlers: HandlerMap<typeof partsContract> = {
  'parts.settings.get': (_i, { db }) => readPartsSettings(db),
  'parts.settings.update': (input, ctx) => inTx(ctx.db, () => writePartsSettings(ctx.db, requireActor(ctx), ctx.clock.now(), input)),
  'parts.locations.list': (_i, { db }) => listLocations(db),
  'parts.locations.save': (input, ctx) => inTx(ctx.db, () => saveLocation(ctx.db, requireActor(ctx), ctx.clock.now(), input)),
  'parts.categories.list': (_i, { db }) => listCategories(db),
  'parts.categories.save': (input, ctx) => inTx(ctx.db, () => saveCategory(ctx.db, requireActor(ctx), ctx.clock.now(), input)),
  'parts.suppliers.list': (_i, { db }) => listSuppliers(db),
  'parts.suppliers.save': (input, ctx) => inTx(ctx.db, () => saveSupplier(ctx.db, requireActor(ctx), ctx.clock.now(), input)),

  'parts.workOrders.find': ({ query }, { db }) => findWorkOrders(db, query),
  'parts.search': (input, ctx) => searchParts(ctx.db, ctx.clock.now(), tz(ctx), input),
  'parts.get': (input, ctx) => {
    const id = input.id ?? (input.partNo ? partIdByNo(ctx.db, input.partNo) : null)
    if (!id) throw new AppError('parts.unknown_part_no', `No part ${input.partNo ?? ''} in the master.`, { partNo: input.partNo ?? '' })
    return { ...getPart(ctx.db, id, ctx.clock.now(), tz(ctx)), balances: balancesOf(ctx.db, id) }
  },
  'parts.create': (input, ctx) =>
    inTx(ctx.db, () => getPart(ctx.db, createPart(ctx.db, requireActor(ctx), ctx.clock.now(), input), ctx.clock.now(), tz(ctx))),
  'parts.update': ({ id, version, ...fields }, ctx) =>
    inTx(ctx.db, () => {
      updatePart(ctx.db, requireActor(ctx), ctx.clock.now(), id, version, fields)
      return getPart(ctx.db, id, ctx.clock.now(), tz(ctx))
    }),

  'parts.import.preview': async (input, { db }) => {
    const { planned, hasQtyColumn } = await planImport(db, input)
    return summarise(planned, hasQtyColumn, input.qtyMode)
  },
  'parts.import.commit': async (input, ctx) => {
    // The file is read outside the transaction (exceljs is async); the plan is then made again
    // inside it, against the master as it stands at the moment of writing.
    const sheet = await readSheet(input.format, Buffer.from(input.data, 'base64'))
    return inTx(ctx.db, () => {
      const sheetPlan = planRows(ctx.db, sheet, input)
      applyImport(ctx.db, requireActor(ctx), ctx.clock.now(), sheetPlan.planned, input.qtyMode, input.locationId, input.fileName, input.reason)
      return summarise(sheetPlan.planned, sheetPlan.hasQtyColumn, input.qtyMode)
    })
  },
  'parts.export': async (input, ctx) => {
    const locale = input.locale ?? readSettings(ctx.db).locale ?? 'zh-CN'
    const { data, rows } = await exportParts(ctx.db, input.format, locale, input.locationId)
    const day = toLocalDate(ctx.clock.now(), tz(ctx))
    inTx(ctx.db, () => recordAudit(ctx.db, ctx.actor, ctx.clock.now(), { action: 'export', entity: 'parts', entityId: input.format, note: { rows, locationId: input.locationId } }))
    return {
      fileName: `parts-${day}.${input.format}`,
      mimeType: input.format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      data: data.toString('base64'),
      rows
    }
  },

  'parts.receipts.post': (input, ctx) =>
    inTx(ctx.db, () => getReceipt(ctx.db, postReceipt(ctx.db, requireActor(ctx), ctx.clock.now(), tz(ctx), input))),
  'parts.receipts.get': ({ id }, { db }) => getReceipt(db, id),
  'parts.receipts.list': ({ limit }, { db }) => listReceipts(db, limit),
  'parts.movements.reverse': ({ postingId, reason }, ctx) =>
    inTx(ctx.db, () => {
      const count = ctx.db.prepare('SELECT id FROM part_counts WHERE posting_id = ?').get(postingId) as { id: number } | undefined
      if (count) throw new AppError('parts.reverse_count_whole', 'A count is reversed as a whole from the count itself.')
      return { postingId: reversePosting(ctx.db, requireActor(ctx), ctx.clock.now(), postingId, reason) }
    }),
  'parts.transfer': (input, ctx) => inTx(ctx.db, () => ({ postingId: postTransfer(ctx.db, requireActor(ctx), ctx.clock.now(), input) })),
  'parts.scrap': (input, ctx) => inTx(ctx.db, () => ({ postingId: postScrap(ctx.db, requireActor(ctx), ctx.clock.now(), input) })),
  'parts.warrantyWriteOff': (input, ctx) => inTx(ctx.db, () => postWarrantyWriteOff(ctx.db, requireActor(ctx), ctx.clock.now(), tz(ctx), input)),
  'parts.returnToStock': (input, ctx) => inTx(ctx.db, () => ({ postingId: postReturn(ctx.db, requireActor(ctx), ctx.clock.now(), input) })),

  'parts.requisitions.create': (input, ctx) =>
    inTx(ctx.db, () => getRequisition(ctx.db, createRequisition(ctx.db, requireActor(ctx), ctx.clock.now(), tz(ctx), input))),
  'parts.requisitions.get': ({ id }, { db }) => getRequisition(db, id),
  'parts.requisitions.list': (input, { db }) => listRequisitions(db, input),
  'parts.requisitions.approve': ({ id, version, note }, ctx) =>
    inTx(ctx.db, () => {
      decideRequisition(ctx.db, requireActor(ctx), ctx.clock.now(), id, version, true, note)
      return getRequisition(ctx.db, id)
    }),
  'parts.requisitions.reject': ({ id, version, note }, ctx) =>
    inTx(ctx.db, () => {
      decideRequisition(ctx.db, requireActor(ctx), ctx.clock.now(), id, version, false, note)
      return getRequisition(ctx.db, id)
    }),
  'parts.requisitions.issue': ({ id, version, lines }, ctx) =>
    inTx(ctx.db, () => {
      issueRequisition(ctx.db, requireActor(ctx), ctx.clock.now(), id, version, lines)
      return getRequisition(ctx.db, id)
    }),
  'parts.requisitions.close': ({ id, version, note }, ctx) =>
    inTx(ctx.db, () => {
      closeRequisition(ctx.db, requireActor(ctx), ctx.clock.now(), id, version, note)
      return getRequisition(ctx.db, id)
    }),

  'parts.counts.start': (input, ctx) => inTx(ctx.db, () => getCount(ctx.db, startCount(ctx.db, requireActor(ctx), ctx.clock.now(), tz(ctx), input))),
  'parts.counts.list': (_i, { db }) => listCounts(db),
  'parts.counts.get': ({ id }, { db }) => getCount(db, id),
  'parts.counts.enter': (input, ctx) =>
    inTx(ctx.db, () => {
      const r = enterCount(ctx.db, ctx.clock.now(), input)
      recordAudit(ctx.db, ctx.actor, ctx.clock.now(), { action: 'count', entity: 'part_count', entityId: input.countId, note: { partNo: r.partNo, counted: r.counted, mode: input.mode } })
      return r
    }),
  'parts.counts.variances': ({ id }, { db }) => countVariances(db, id),
  'parts.counts.post': ({ id, version, reasons }, ctx) =>
    inTx(ctx.db, () => {
      postCount(ctx.db, requireActor(ctx), ctx.clock.now(), id, version, reasons)
      return getCount(ctx.db, id)
    }),
  'parts.counts.reverse': ({ id, version, reason }, ctx) =>
    inTx(ctx.db, () => {
      reverseCount(ctx.db, requireActor(ctx), ctx.clock.now(), id, version, reason)
      return getCount(ctx.db, id)
    }),
  'parts.counts.cancel': ({ id, version }, ctx) =>
    inTx(ctx.db, () => {
      cancelCount(ctx.db, requireActor(ctx), ctx.clock.now(), id, version)
      return getCount(ctx.db, id)
    }),

  'parts.oldParts.list': (input, ctx) => listOldParts(ctx.db, tz(ctx), toLocalDate(ctx.clock.now(), tz(ctx)), input),
  'parts.oldParts.receive': ({ id, version }, ctx) => inTx(ctx.db, () => receiveOldPart(ctx.db, requireActor(ctx), ctx.clock.now(), id, version)),
  'parts.oldParts.dispose': ({ id, version, status, note }, ctx) =>
    inTx(ctx.db, () => disposeOldPart(ctx.db, requireActor(ctx), ctx.clock.now(), id, version, status, note)),
  'parts.claims.create': (input, ctx) =>
    inTx(ctx.db, () => getClaim(ctx.db, createClaim(ctx.db, requireActor(ctx), ctx.clock.now(), tz(ctx), input), ctx.clock.now())),
  'parts.claims.advance': (input, ctx) =>
    inTx(ctx.db, () => {
      advanceClaim(ctx.db, requireActor(ctx), ctx.clock.now(), input)
      return getClaim(ctx.db, input.id, ctx.clock.now())
    }),
  'parts.claims.list': ({ openOnly }, ctx) => listClaims(ctx.db, ctx.clock.now(), openOnly),

  'parts.reconcile': (_i, ctx) => reconcile(ctx.db, tz(ctx), ctx.clock.now()),
  'parts.verify': (_i, { db }) => verifyLedger(db),
  'parts.reports.stock': ({ locationId }, { db }) => {
    if (locationId) getLocation(db, locationId)
    return stockReport(db, locationId ?? null)
  },
  'parts.reports.lowStock': ({ limit }, ctx) => lowStock(ctx.db, ctx.clock.now(), tz(ctx), limit),
  'parts.reports.ledgerCard': ({ partId, locationId, limit }, ctx) => ledgerCard(ctx.db, ctx.clock.now(), tz(ctx), partId, locationId, limit),
  'parts.reports.failures': ({ fromMonth, toMonth }, ctx) => {
    if (fromMonth > toMonth) throw new AppError('parts.month_order', 'The first month comes before the last.')
    return failuresByCategory(ctx.db, tz(ctx), fromMonth, toMonth)
  },

  'parts.print.receipt': (input, ctx) => printReceipt(ctx, input),
  'parts.print.requisition': (input, ctx) => printRequisition(ctx, input),
  'parts.print.countSheet': (input, ctx) => printCountSheet(ctx, input),
  'parts.print.binLabels': (input, ctx) => printBinLabels(ctx, input),
  'parts.print.ledgerCard': (input, ctx) => printLedgerCard(ctx, input)
}
