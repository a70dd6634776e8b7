import { systemContract } from '../../shared/contract/system'
import { AppError } from '../../shared/errors'
import type { HandlerMap } from '../core/dispatch'
import { schemaVersion } from '../db/migrate'
import { recordAudit } from '../domain/audit/audit'
import { getCustomer } from '../domain/customers/customers'
import { generateCustomers } from '../domain/demo/generate'
import { readSettings } from '../domain/settings/settings'
import { customerCardDoc, customerCardNumber } from '../print/documents/customer-card'
import { renderPdf } from '../print/render'

const count = (db: import('../db/types').ReadDb, table: 'customers' | 'vehicles'): number =>
  (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n

export const systemHandlers: HandlerMap<typeof systemContract> = {
  'system.info': (_input, { core, db }) => ({
    version: core.appVersion,
    schemaVersion: schemaVersion(db),
    dataFile: core.dbFile,
    counts: { customers: count(db, 'customers'), vehicles: count(db, 'vehicles') }
  }),
  'system.changes': ({ since, waitMs }, { core }) => core.changes.wait(since, waitMs),
  'demo.fill': (input, { db, actor, clock }) =>
    db
      .transaction(() => {
        if (count(db, 'customers') > 0) throw new AppError('not_empty', 'Demo data can only fill an empty database.')
        const made = generateCustomers(db, clock.now(), { customers: input.customers })
        recordAudit(db, actor, clock.now(), { action: 'demo-fill', entity: 'database', entityId: 'demo', note: made })
        return made
      })
      .immediate(),
  'print.customerCard': async (input, { core, db, clock, token }) => {
    const settings = readSettings(db)
    const locale = input.locale ?? settings.locale ?? 'zh-CN'
    const customer = getCustomer(db, input.customerId)
    const { pdf, pages } = await renderPdf(customerCardDoc({ customer, settings, locale, printedAt: clock.now() }), locale)
    const fileName = `${customerCardNumber(customer.id)}-${customer.name}.pdf`
    return { documentId: core.documents.put(pdf, fileName, token), fileName, pages, bytes: pdf.length }
  },
  'documents.show': async (input, { core, token }) => {
    // On a workstation the sheet was rendered on the host: every PC prints the same PDF.
    const doc = core.remote ? await core.remote.fetchDocument(input.documentId, token) : core.documents.take(input.documentId, token)
    if (!doc) throw new AppError('not_found', 'That document is no longer available; print it again.', { what: 'document', id: input.documentId })
    if (!core.desktop) throw new AppError('desktop_only', 'Printing dialogs exist only in the desktop app.')
    return core.desktop.showDocument(doc.pdf, doc.fileName, input.action)
  }
}
