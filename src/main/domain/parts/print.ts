import type { TDocumentDefinitions } from 'pdfmake/interfaces'
import type { Ctx } from '../../core/context'
import type { Locale } from '../../../shared/contract/common'
import type { DocumentRef } from '../../../shared/contract/system'
import { translate } from '../../../shared/i18n'
import { renderPdf } from '../../print/render'
import { binLabelsDoc, categoryLabel, countSheetDoc, ledgerCardDoc, locationLabel, receiptDoc, requisitionDoc } from '../../print/documents/parts-sheets'
import { readSettings } from '../settings/settings'
import { countSheetLines, getCount } from './counts'
import { getLocation } from './master'
import { getReceipt } from './movements'
import { ledgerCard } from './reports'
import { getRequisition } from './requisitions'
import { AppError } from '../../../shared/errors'

async function deliver(ctx: Ctx, doc: TDocumentDefinitions, locale: Locale, fileName: string): Promise<DocumentRef> {
  const { pdf, pages } = await renderPdf(doc, locale)
  return { documentId: ctx.core.documents.put(pdf, fileName, ctx.token), fileName, pages, bytes: pdf.length }
}

function setup(ctx: Ctx, asked: Locale | undefined) {
  const settings = readSettings(ctx.db)
  return { settings, locale: asked ?? settings.locale ?? 'zh-CN', printedAt: ctx.clock.now() }
}

export function printReceipt(ctx: Ctx, input: { id: number; locale?: Locale | undefined }): Promise<DocumentRef> {
  const s = setup(ctx, input.locale)
  const receipt = getReceipt(ctx.db, input.id)
  return deliver(ctx, receiptDoc({ receipt, ...s }), s.locale, `${receipt.number}.pdf`)
}

export function printRequisition(ctx: Ctx, input: { id: number; locale?: Locale | undefined }): Promise<DocumentRef> {
  const s = setup(ctx, input.locale)
  const requisition = getRequisition(ctx.db, input.id)
  return deliver(ctx, requisitionDoc({ requisition, ...s }), s.locale, `${requisition.number}.pdf`)
}

export function printCountSheet(ctx: Ctx, input: { id: number; locale?: Locale | undefined }): Promise<DocumentRef> {
  const s = setup(ctx, input.locale)
  const t = (k: string, p?: Record<string, string | number>) => translate(s.locale, k, p)
  const c = getCount(ctx.db, input.id)
  const loc = getLocation(ctx.db, c.locationId)
  const cat = c.categoryId ? (ctx.db.prepare('SELECT code, name FROM part_categories WHERE id = ?').get(c.categoryId) as { code: string; name: string }) : null
  const scope = [
    cat ? categoryLabel(t, cat.code, cat.name) : t('parts.allCategories'),
    c.binFrom || c.binTo ? `${t('parts.bin')} ${c.binFrom ?? '…'} – ${c.binTo ?? '…'}` : t('parts.allBins')
  ].join(' · ')
  return deliver(
    ctx,
    countSheetDoc({ number: c.number, locationName: locationLabel(t, loc), scope, startedAt: c.startedAt, lines: countSheetLines(ctx.db, c.id), ...s }),
    s.locale,
    `${c.number}.pdf`
  )
}

export function printBinLabels(
  ctx: Ctx,
  input: { partIds: number[]; binFrom: string | null; binTo: string | null; locale?: Locale | undefined }
): Promise<DocumentRef> {
  const s = setup(ctx, input.locale)
  type Row = { partNo: string; name: string; spec: string | null; unit: string; bin: string | null }
  const cols = 'SELECT part_no AS partNo, name, spec, unit, bin FROM parts'
  let parts: Row[]
  if (input.partIds.length > 0) {
    parts = ctx.db.prepare(`${cols} WHERE id IN (${input.partIds.map(() => '?').join(',')}) ORDER BY bin, part_no`).all(...input.partIds) as Row[]
  } else {
    if (!input.binFrom && !input.binTo) throw new AppError('parts.labels_scope', 'Pick the parts or the bins to print labels for.')
    parts = ctx.db
      .prepare(`${cols} WHERE active = 1 AND bin >= ? AND bin <= ? ORDER BY bin, part_no LIMIT 600`)
      .all(input.binFrom ?? '', `${input.binTo ?? ''}\uffff`) as Row[]
  }
  return deliver(ctx, binLabelsDoc({ parts, settings: s.settings, locale: s.locale }), s.locale, 'bin-labels.pdf')
}

export function printLedgerCard(ctx: Ctx, input: { partId: number; locationId?: number | undefined; locale?: Locale | undefined }): Promise<DocumentRef> {
  const s = setup(ctx, input.locale)
  const t = (k: string) => translate(s.locale, k)
  const card = ledgerCard(ctx.db, s.printedAt, s.settings.timeZone, input.partId, input.locationId, 2000)
  const locationName = input.locationId ? locationLabel(t, getLocation(ctx.db, input.locationId)) : t('parts.allLocations')
  return deliver(ctx, ledgerCardDoc({ part: card.part, entries: card.entries, locationName, ...s }), s.locale, `ledger-${card.part.partNo}.pdf`)
}
