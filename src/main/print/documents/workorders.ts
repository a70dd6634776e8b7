import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { TDocumentDefinitions } from 'pdfmake/interfaces'
import type { ReadDb } from '../../db/types'
import type { Locale } from '../../../shared/contract/common'
import { translate } from '../../../shared/i18n'
import { readSettings } from '../../domain/settings/settings'
import { getWorkOrder } from '../../domain/workorders/read'
import { readWoSettings } from '../../domain/workorders/settings'
import { warrantiesOfOrder, warrantyDrafts } from '../../domain/workorders/warranty'
import { renderPdf } from '../render'
import type { Paper, SheetData } from './wo-common'
import { checkinSheetDoc } from './wo-checkin'
import { inspectionSheetDoc } from './wo-inspection'
import { workOrderDoc } from './wo-order'
import { serviceReportDoc } from './wo-report'
import { warrantySlipDoc } from './wo-warranty'

export type Sheet = 'checkin' | 'inspection' | 'workorder' | 'report' | 'warranty'

export const SHEET_BUILDERS: Record<Sheet, (d: SheetData) => TDocumentDefinitions> = {
  checkin: checkinSheetDoc,
  inspection: inspectionSheetDoc,
  workorder: workOrderDoc,
  report: serviceReportDoc,
  warranty: warrantySlipDoc
}

const TITLE: Record<Sheet, string> = {
  checkin: 'checkinTitle',
  inspection: 'inspectionTitle',
  workorder: 'workorderTitle',
  report: 'reportTitle',
  warranty: 'warrantyTitle'
}

/** Reads what a sheet prints: the order, the shop's settings and the signatures (kept out of `workorders.get`). */
/** Up to three photos per inspection item, as pdfmake can embed them (JPEG, PNG; WebP is left out). */
function itemPhotos(db: ReadDb, dataDir: string | null, workOrderId: number): Record<number, string[]> {
  if (!dataDir) return {}
  const rows = db
    .prepare(`SELECT subject_id AS itemId, file, mime FROM wo_photos WHERE work_order_id = ? AND subject = 'inspection' AND mime IN ('image/jpeg', 'image/png') ORDER BY id`)
    .all(workOrderId) as Array<{ itemId: number; file: string; mime: string }>
  const out: Record<number, string[]> = {}
  for (const r of rows) {
    const list = (out[r.itemId] ??= [])
    if (list.length >= 3) continue
    try {
      list.push(`data:${r.mime};base64,${readFileSync(join(dataDir, r.file)).toString('base64')}`)
    } catch {
      // A photo file removed from the folder by hand: the sheet prints without it.
    }
  }
  return out
}

export function sheetData(db: ReadDb, workOrderId: number, locale: Locale | undefined, paper: Paper, now: Date, dataDir: string | null = null): SheetData {
  const settings = readSettings(db)
  const wo = readWoSettings(db)
  const order = getWorkOrder(db, workOrderId, wo, now)
  const ci = db.prepare('SELECT customer_signature AS c, advisor_signature AS a FROM wo_checkins WHERE work_order_id = ?').get(workOrderId) as
    | { c: string | null; a: string | null }
    | undefined
  // The approval printed is the current revision's: an older revision's signature never vouches for a newer estimate.
  const ap = db
    .prepare(`SELECT signature, signer_name AS signerName, approved_at AS approvedAt, approval_method AS method, revision FROM wo_revisions WHERE work_order_id = ? AND revision = ?`)
    .get(workOrderId, order.revision) as NonNullable<SheetData['signatures']['approval']> | undefined
  const rep = db.prepare('SELECT signature, signer_name AS signerName, signed_at AS signedAt FROM wo_service_reports WHERE work_order_id = ?').get(workOrderId) as
    | NonNullable<SheetData['signatures']['report']>
    | undefined
  const stored = warrantiesOfOrder(db, workOrderId)
  return {
    order,
    settings,
    wo,
    locale: locale ?? settings.locale ?? 'zh-CN',
    printedAt: now,
    paper,
    signatures: { checkinCustomer: ci?.c ?? null, checkinAdvisor: ci?.a ?? null, approval: ap ?? null, report: rep ?? null },
    warranty: stored.length ? stored : warrantyDrafts(db, workOrderId, new Date(order.deliveredAt ?? now.toISOString())),
    itemPhotos: itemPhotos(db, dataDir, workOrderId)
  }
}

export async function printSheet(
  db: ReadDb,
  input: { workOrderId: number; sheet: Sheet; paper: Paper; locale?: Locale | undefined },
  now: Date,
  dataDir: string | null = null
): Promise<{ pdf: Buffer; pages: number; fileName: string }> {
  const d = sheetData(db, input.workOrderId, input.locale, input.paper, now, input.sheet === 'inspection' ? dataDir : null)
  const { pdf, pages } = await renderPdf(SHEET_BUILDERS[input.sheet](d), d.locale)
  const title = translate(d.locale, `workorders.pr.${TITLE[input.sheet]}`)
  return { pdf, pages, fileName: `${d.order.number}-${title}${input.paper === 'A5' ? '-A5' : ''}.pdf` }
}
