import type Database from 'better-sqlite3'
import type { Db, ReadDb } from '../../db/types'
import type { Actor } from '../../core/context'
import { AppError, notFound } from '../../../shared/errors'
import { recordAudit } from '../audit/audit'

export type MovementKind = 'receipt' | 'issue' | 'return' | 'transfer' | 'scrap' | 'warranty' | 'count' | 'import'

export interface MoveLine {
  partId: number
  locationId: number
  /** Signed: what the shelf gains (+) or loses (−). */
  qty: number
  unitCostCents?: number
  workOrderId?: number | null
  requisitionLineId?: number | null
  reversesId?: number | null
}

/** The SQL a balance is: exported so the benchmark runs it bare beside the app's call. */
export const BALANCE_SQL = 'SELECT qty FROM part_balances WHERE part_id = ? AND location_id = ?'
export const JOURNAL_SUM_SQL = 'SELECT coalesce(sum(qty), 0) AS qty FROM part_movements WHERE part_id = ? AND location_id = ?'

const statements = new WeakMap<object, Map<string, Database.Statement<unknown[]>>>()
/** A statement prepared once per database handle: the ledger runs the same few thousands of times in an import. */
export function cached(db: ReadDb, sql: string): Database.Statement<unknown[]> {
  let byDb = statements.get(db)
  if (!byDb) statements.set(db, (byDb = new Map()))
  let st = byDb.get(sql)
  if (!st) byDb.set(sql, (st = db.prepare(sql)))
  return st
}

export function balanceOf(db: ReadDb, partId: number, locationId: number): number {
  const row = cached(db, BALANCE_SQL).get(partId, locationId) as { qty: number } | undefined
  return row?.qty ?? 0
}

function describe(db: ReadDb, partId: number, locationId: number): { partNo: string; partName: string; location: string } {
  const p = db.prepare('SELECT part_no AS partNo, name FROM parts WHERE id = ?').get(partId) as { partNo: string; name: string } | undefined
  if (!p) throw notFound('part', partId)
  const l = db.prepare('SELECT code, name FROM part_locations WHERE id = ?').get(locationId) as { code: string; name: string } | undefined
  if (!l) throw notFound('location', locationId)
  return { partNo: p.partNo, partName: p.name, location: l.name || l.code }
}

/**
 * Writes one posting and its movements. Every (part, location) the posting touches is checked
 * first: a posting that would take any shelf below zero is refused whole, naming the part, the
 * location and what is on hand. Must run inside the caller's IMMEDIATE transaction, so no other
 * movement can slip in between the check and the write.
 */
export function postMovements(
  db: Db,
  actor: Actor | null,
  at: Date,
  kind: MovementKind,
  lines: MoveLine[],
  options: { reason?: string | null; reversesPostingId?: number | null } = {}
): number {
  if (lines.length === 0) throw new AppError('parts.no_lines', 'Nothing to post: add at least one line.')
  const delta = new Map<string, { partId: number; locationId: number; qty: number }>()
  for (const l of lines) {
    if (!Number.isInteger(l.qty) || l.qty === 0) throw new AppError('parts.bad_qty', 'Quantities are whole, non-zero numbers.')
    const key = `${l.partId}:${l.locationId}`
    const d = delta.get(key) ?? { partId: l.partId, locationId: l.locationId, qty: 0 }
    d.qty += l.qty
    delta.set(key, d)
  }
  for (const d of delta.values()) {
    const onHand = balanceOf(db, d.partId, d.locationId)
    if (onHand + d.qty < 0) {
      const who = describe(db, d.partId, d.locationId)
      throw new AppError(
        'parts.insufficient_stock',
        `Not enough ${who.partNo} ${who.partName} at ${who.location}: ${onHand} on hand, ${-d.qty} wanted.`,
        { ...who, onHand, wanted: -d.qty }
      )
    }
  }
  const iso = at.toISOString()
  const posting = db
    .prepare('INSERT INTO part_postings (kind, at, staff_id, staff_name, reason, reverses_posting_id) VALUES (?, ?, ?, ?, ?, ?)')
    .run(kind, iso, actor?.id ?? null, actor?.name ?? null, options.reason ?? null, options.reversesPostingId ?? null)
  const postingId = Number(posting.lastInsertRowid)
  const insert = cached(
    db,
    `INSERT INTO part_movements (posting_id, kind, at, part_id, location_id, qty, unit_cost_cents, work_order_id, requisition_line_id, reverses_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  for (const l of lines) {
    insert.run(postingId, kind, iso, l.partId, l.locationId, l.qty, l.unitCostCents ?? 0, l.workOrderId ?? null, l.requisitionLineId ?? null, l.reversesId ?? null)
  }
  recordAudit(db, actor, at, {
    action: options.reversesPostingId ? 'reverse' : 'post',
    entity: 'part_posting',
    entityId: postingId,
    note: { kind, lines: lines.length, reason: options.reason ?? null, reverses: options.reversesPostingId ?? null }
  })
  return postingId
}

interface MovementRow {
  id: number
  kind: MovementKind
  partId: number
  locationId: number
  qty: number
  unitCostCents: number
  workOrderId: number | null
  requisitionLineId: number | null
  reversesId: number | null
}

const MOVEMENT_COLUMNS = `id, kind, part_id AS partId, location_id AS locationId, qty, unit_cost_cents AS unitCostCents,
  work_order_id AS workOrderId, requisition_line_id AS requisitionLineId, reverses_id AS reversesId`

export function movementsOfPosting(db: ReadDb, postingId: number): MovementRow[] {
  return db.prepare(`SELECT ${MOVEMENT_COLUMNS} FROM part_movements WHERE posting_id = ? ORDER BY id`).all(postingId) as MovementRow[]
}

/**
 * Corrects a posting the only way the journal allows: a new posting whose every movement is the
 * exact opposite of one original movement and points at it. Side effects on documents (issued
 * quantities of a requisition, an old part expected back) are undone here too.
 */
export function reversePosting(db: Db, actor: Actor | null, at: Date, postingId: number, reason: string): number {
  const posting = db.prepare('SELECT id, kind, reverses_posting_id AS reverses FROM part_postings WHERE id = ?').get(postingId) as
    | { id: number; kind: MovementKind; reverses: number | null }
    | undefined
  if (!posting) throw notFound('posting', postingId)
  if (posting.reverses !== null) throw new AppError('parts.reversal_of_reversal', 'A reversal cannot itself be reversed; post the movement again instead.')
  const done = db.prepare('SELECT id FROM part_postings WHERE reverses_posting_id = ?').get(postingId) as { id: number } | undefined
  if (done) throw new AppError('parts.already_reversed', `Posting ${postingId} has already been reversed.`, { postingId, reversal: done.id })
  const originals = movementsOfPosting(db, postingId)
  const lines: MoveLine[] = originals.map((m) => ({
    partId: m.partId,
    locationId: m.locationId,
    qty: -m.qty,
    unitCostCents: m.unitCostCents,
    workOrderId: m.workOrderId,
    requisitionLineId: m.requisitionLineId,
    reversesId: m.id
  }))
  const reversal = postMovements(db, actor, at, posting.kind, lines, { reason, reversesPostingId: postingId })
  const fixLine = db.prepare('UPDATE requisition_lines SET issued_qty = issued_qty + ? WHERE id = ?')
  const touched = new Set<number>()
  for (const m of originals) {
    if (m.requisitionLineId === null) continue
    // An issue took stock out (qty < 0) and raised issued_qty; a return did the opposite.
    fixLine.run(m.qty, m.requisitionLineId)
    touched.add(m.requisitionLineId)
  }
  for (const lineId of touched) refreshRequisitionStatus(db, at, lineId)
  db.prepare(
    "UPDATE old_parts SET status = 'cancelled', updated_at = ?, version = version + 1 WHERE movement_id IN (SELECT id FROM part_movements WHERE posting_id = ?) AND status = 'due'"
  ).run(at.toISOString(), postingId)
  return reversal
}

/** A requisition's status follows what has been issued against its lines. */
export function refreshRequisitionStatus(db: Db, at: Date, lineId: number): void {
  const r = db
    .prepare(
      `SELECT r.id, r.status, sum(l.issued_qty) AS issued, sum(CASE WHEN l.issued_qty >= l.qty THEN 0 ELSE 1 END) AS open
       FROM requisitions r JOIN requisition_lines l ON l.requisition_id = r.id
       WHERE r.id = (SELECT requisition_id FROM requisition_lines WHERE id = ?) GROUP BY r.id`
    )
    .get(lineId) as { id: number; status: string; issued: number; open: number }
  if (!['approved', 'partly_issued', 'issued'].includes(r.status)) return
  const status = r.open === 0 ? 'issued' : r.issued > 0 ? 'partly_issued' : 'approved'
  if (status !== r.status) {
    db.prepare('UPDATE requisitions SET status = ?, updated_at = ?, version = version + 1 WHERE id = ?').run(status, at.toISOString(), r.id)
  }
}

export interface LedgerMismatch {
  partId: number
  partNo: string
  locationId: number
  cached: number
  journal: number
}

/** "Verify ledger": every cached balance against what the journal sums to, both ways round. */
export function verifyLedger(db: ReadDb): { checked: number; mismatches: LedgerMismatch[] } {
  const rows = db
    .prepare(
      `WITH j AS (SELECT part_id, location_id, sum(qty) AS qty FROM part_movements GROUP BY part_id, location_id),
            k AS (SELECT part_id, location_id FROM j UNION SELECT part_id, location_id FROM part_balances)
       SELECT k.part_id AS partId, p.part_no AS partNo, k.location_id AS locationId,
              coalesce(b.qty, 0) AS cached, coalesce(j.qty, 0) AS journal
       FROM k JOIN parts p ON p.id = k.part_id
       LEFT JOIN part_balances b ON b.part_id = k.part_id AND b.location_id = k.location_id
       LEFT JOIN j ON j.part_id = k.part_id AND j.location_id = k.location_id`
    )
    .all() as LedgerMismatch[]
  return { checked: rows.length, mismatches: rows.filter((r) => r.cached !== r.journal) }
}
