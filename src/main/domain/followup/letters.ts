import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import type { Db, ReadDb } from '../../db/types'
import type { Actor } from '../../core/context'
import type { Letter } from '../../../shared/contract/followup'
import type { Locale } from '../../../shared/contract/common'
import { AppError, notFound, staleVersion } from '../../../shared/errors'
import { translate } from '../../../shared/i18n'
import { toLocalDate } from '../../../shared/time'
import { recordAudit } from '../audit/audit'
import { readSettings } from '../settings/settings'
import { taskRow } from './tasks'

export const letterNumber = (id: number): string => `XH${String(id).padStart(6, '0')}`

export interface LetterInput {
  customerId: number
  kind: Letter['kind']
  subject: string
  body: string
  letterDate: string
  campaignId?: number | null
  taskId?: number | null
  complaintId?: number | null
}

export function registerLetter(db: Db, actor: Actor | null, at: Date, l: LetterInput): number {
  if (!db.prepare('SELECT 1 FROM customers WHERE id = ?').get(l.customerId)) throw notFound('customer', l.customerId)
  if (l.complaintId && !db.prepare('SELECT 1 FROM followup_complaints WHERE id = ? AND customer_id = ?').get(l.complaintId, l.customerId)) {
    throw notFound('complaint', l.complaintId)
  }
  const next = ((db.prepare('SELECT max(id) FROM followup_letters').pluck().get() as number | null) ?? 0) + 1
  const id = Number(
    db
      .prepare(
        `INSERT INTO followup_letters (id, number, customer_id, kind, subject, body, letter_date, campaign_id, task_id, complaint_id,
           created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(next, letterNumber(next), l.customerId, l.kind, l.subject, l.body, l.letterDate, l.campaignId ?? null, l.taskId ?? null,
        l.complaintId ?? null, actor?.id ?? null, at.toISOString()).lastInsertRowid
  )
  recordAudit(db, actor, at, { action: 'create', entity: 'followup_letter', entityId: id, after: { ...l, number: letterNumber(id) } })
  return id
}

const SELECT = `SELECT l.id, l.number, l.customer_id AS customerId, c.name AS customerName, c.address, l.kind, l.subject, l.body,
    l.letter_date AS letterDate, l.campaign_id AS campaignId, s.name AS createdByName, l.created_at AS createdAt
  FROM followup_letters l JOIN customers c ON c.id = l.customer_id LEFT JOIN staff s ON s.id = l.created_by`

export function listLetters(db: ReadDb, f: { from?: string | undefined; to?: string | undefined; customerId?: number | undefined }, limit: number): Letter[] {
  const where: string[] = []
  if (f.from) where.push('l.letter_date >= @from')
  if (f.to) where.push('l.letter_date <= @to')
  if (f.customerId) where.push('l.customer_id = @customerId')
  return db
    .prepare(`${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY l.letter_date DESC, l.id DESC LIMIT @limit`)
    .all({ from: f.from ?? '', to: f.to ?? '', customerId: f.customerId ?? 0, limit }) as Letter[]
}

export function getLetter(db: ReadDb, id: number): Letter {
  const row = db.prepare(`${SELECT} WHERE l.id = ?`).get(id) as Letter | undefined
  if (!row) throw notFound('letter', id)
  return row
}

/** The columns a mail merge needs, one letter a row. */
export async function mailMergeFile(letters: Letter[], format: 'csv' | 'xlsx', locale: Locale): Promise<Buffer> {
  const t = (k: string) => translate(locale, `followup.letters.${k}`)
  const header = [t('number'), t('date'), t('customer'), t('address'), t('kindLabel'), t('subject'), t('body')]
  const rows = letters.map((l) => [l.number, l.letterDate, l.customerName, l.address ?? '', translate(locale, `followup.letterKinds.${l.kind}`), l.subject, l.body])
  if (format === 'csv') {
    // With a byte-order mark, so Excel and WPS open the Chinese text as UTF-8.
    return Buffer.from('\uFEFF' + Papa.unparse([header, ...rows]), 'utf8')
  }
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet(t('register'))
  ws.addRow(header).font = { bold: true }
  for (const r of rows) ws.addRow(r)
  ws.columns.forEach((c, i) => (c.width = [12, 12, 16, 36, 10, 30, 80][i] ?? 16))
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/**
 * A text-message or letter task done by hand. A letter task registers its letter: the campaign's
 * invitation, or the notice to a customer the phone could not reach.
 */
export function completeTask(db: Db, actor: Actor, at: Date, id: number, version: number, note: string | null): number | null {
  const task = taskRow(db, id)
  if (task.version !== version) throw staleVersion('followup task', id)
  if (task.status !== 'open') throw new AppError('followup.task_closed', 'This task is already closed.', { status: task.status })
  if (task.channel === 'phone') throw new AppError('followup.is_a_call', 'A call is closed by recording it.')
  const settings = readSettings(db)
  const locale: Locale = settings.locale ?? 'zh-CN'
  const today = toLocalDate(at, settings.timeZone)
  let letterId: number | null = null
  if (task.channel === 'letter') {
    if (task.kind === 'campaign_letter') {
      const c = db.prepare('SELECT id, title, kind, message FROM followup_campaigns WHERE id = (SELECT campaign_id FROM followup_tasks WHERE id = ?)').get(id) as {
        id: number
        title: string
        kind: 'event' | 'offer'
        message: string
      }
      letterId = registerLetter(db, actor, at, {
        customerId: task.customerId, kind: c.kind === 'event' ? 'invitation' : 'notice', subject: c.title, body: c.message,
        letterDate: today, campaignId: c.id, taskId: id
      })
    } else {
      const params = { name: task.customerName, plate: task.plate ?? '', shop: settings.shop.name, phone: settings.shop.phone ?? '' }
      letterId = registerLetter(db, actor, at, {
        customerId: task.customerId, kind: 'notice', subject: translate(locale, 'followup.template.unreachableSubject', params),
        body: translate(locale, 'followup.template.unreachableBody', params), letterDate: today, taskId: id
      })
    }
  }
  const iso = at.toISOString()
  db.prepare(`UPDATE followup_tasks SET status = 'done', closed_at = ?, closed_by = ?, close_note = ?, updated_at = ?, version = version + 1 WHERE id = ?`).run(
    iso, actor.id, note, iso, id
  )
  recordAudit(db, actor, at, { action: 'update', entity: 'followup_task', entityId: id, before: { status: 'open' }, after: { status: 'done', letterId, note } })
  return letterId
}
