import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Db, ReadDb } from '../../db/types'
import type { Actor } from '../../core/context'
import { AppError, notFound } from '../../../shared/errors'
import { recordAudit } from '../audit/audit'
import { orderRow } from './read'

const MAX_BYTES = 8 * 1024 * 1024
const EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' }

export interface PhotoInput {
  workOrderId: number
  subject: string
  subjectId: number | null
  caption: string | null
  dataUrl: string
}

/**
 * Photos are files under <data folder>/photos/<order number>/, so the database stays small and a
 * backup of the folder carries them; the row records which order and what they show.
 */
export function addPhoto(db: Db, dataDir: string, actor: Actor, at: Date, input: PhotoInput): number {
  const o = orderRow(db, input.workOrderId)
  const m = /^data:(image\/(?:jpeg|png|webp));base64,(.*)$/.exec(input.dataUrl)
  if (!m) throw new AppError('workorders.photo_format', 'Use a JPEG, PNG or WebP photo.')
  const mime = m[1] as string
  const bytes = Buffer.from(m[2] as string, 'base64')
  if (bytes.length > MAX_BYTES) throw new AppError('workorders.photo_too_big', 'The photo is larger than 8 MB.')
  if (input.subject === 'damage' && input.subjectId !== null) {
    if (!db.prepare('SELECT 1 FROM wo_damages WHERE id = ? AND work_order_id = ?').get(input.subjectId, o.id)) throw notFound('damage', input.subjectId)
  }
  if (input.subject === 'inspection' && input.subjectId !== null) {
    if (!db.prepare('SELECT 1 FROM wo_inspection_items WHERE id = ? AND work_order_id = ?').get(input.subjectId, o.id)) throw notFound('inspection item', input.subjectId)
  }
  const info = db
    .prepare(`INSERT INTO wo_photos (work_order_id, subject, subject_id, file, mime, bytes, caption, created_at, created_by) VALUES (?, ?, ?, '', ?, ?, ?, ?, ?)`)
    .run(o.id, input.subject, input.subjectId, mime, bytes.length, input.caption, at.toISOString(), actor.id)
  const id = Number(info.lastInsertRowid)
  const rel = join('photos', o.number, `${id}.${EXT[mime]}`)
  mkdirSync(join(dataDir, 'photos', o.number), { recursive: true })
  // Written inside the transaction: if the file cannot be written, the row is rolled back with it.
  writeFileSync(join(dataDir, rel), bytes)
  db.prepare('UPDATE wo_photos SET file = ? WHERE id = ?').run(rel, id)
  recordAudit(db, actor, at, { action: 'create', entity: 'work_order_photo', entityId: id, after: { workOrderId: o.id, subject: input.subject, subjectId: input.subjectId, bytes: bytes.length } })
  return id
}

export function photoDataUrl(db: ReadDb, dataDir: string, id: number): string {
  const r = db.prepare('SELECT file, mime FROM wo_photos WHERE id = ?').get(id) as { file: string; mime: string } | undefined
  if (!r) throw notFound('photo', id)
  return `data:${r.mime};base64,${readFileSync(join(dataDir, r.file)).toString('base64')}`
}

export function photoRow(db: ReadDb, id: number) {
  return db
    .prepare('SELECT id, subject, subject_id AS subjectId, mime, bytes, caption, created_at AS createdAt FROM wo_photos WHERE id = ?')
    .get(id) as { id: number; subject: string; subjectId: number | null; mime: string; bytes: number; caption: string | null; createdAt: string }
}
