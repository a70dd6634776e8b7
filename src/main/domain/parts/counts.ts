import type { Db, ReadDb } from '../../db/types'
import type { Actor } from '../../core/context'
import { AppError, notFound, staleVersion } from '../../../shared/errors'
import type { PartCount, VarianceLine } from '../../../shared/contract/parts'
import { recordAudit } from '../audit/audit'
import { balanceOf, postMovements, reversePosting } from './ledger'
import { MAIN_STORE, activeLocation, partIdByNo } from './master'
import { nextNumber } from './movements'

/*
 * Movements during an open count: the location is NOT frozen. Each line keeps the ledger balance
 * at the moment that part was counted, and the variance is counted − that balance. Posting adds
 * only the variance, so receipts and issues made after a part was counted stay on the books.
 */

const COUNT_SELECT = `SELECT k.id, k.number, k.location_id AS locationId, l.name AS locationName, k.category_id AS categoryId,
  k.bin_from AS binFrom, k.bin_to AS binTo, k.status, k.started_at AS startedAt, k.started_by_name AS startedByName,
  k.posted_at AS postedAt, k.version,
  (SELECT count(*) FROM part_count_lines x WHERE x.count_id = k.id) AS lines,
  (SELECT count(*) FROM part_count_lines x WHERE x.count_id = k.id AND x.counted_qty IS NOT NULL) AS counted
  FROM part_counts k JOIN part_locations l ON l.id = k.location_id`

export function getCount(db: ReadDb, id: number): PartCount {
  const c = db.prepare(`${COUNT_SELECT} WHERE k.id = ?`).get(id) as PartCount | undefined
  if (!c) throw notFound('count', id)
  return c
}

export function listCounts(db: ReadDb): PartCount[] {
  return db.prepare(`${COUNT_SELECT} ORDER BY k.id DESC LIMIT 200`).all() as PartCount[]
}

export function startCount(
  db: Db,
  actor: Actor,
  at: Date,
  timeZone: string,
  input: { locationId: number; categoryId: number | null; binFrom: string | null; binTo: string | null }
): number {
  const loc = activeLocation(db, input.locationId)
  const open = db.prepare("SELECT number FROM part_counts WHERE location_id = ? AND status = 'open'").get(input.locationId) as { number: string } | undefined
  if (open) throw new AppError('parts.count_open', `Count ${open.number} is still open at ${loc.name}; post or cancel it first.`, { number: open.number, location: loc.name })
  const where = ['p.active = 1']
  const args: unknown[] = []
  if (input.categoryId) {
    where.push('p.category_id = ?')
    args.push(input.categoryId)
  }
  if (input.binFrom) {
    where.push('p.bin >= ?')
    args.push(input.binFrom)
  }
  if (input.binTo) {
    where.push('p.bin <= ?')
    args.push(`${input.binTo}\uffff`)
  }
  // A station counts what it has ever held; the main store counts its whole range.
  if (input.locationId !== MAIN_STORE) {
    where.push('EXISTS (SELECT 1 FROM part_balances b WHERE b.part_id = p.id AND b.location_id = ?)')
    args.push(input.locationId)
  }
  const number = nextNumber(db, 'part_counts', 'PD', at, timeZone)
  const id = Number(
    db
      .prepare(
        `INSERT INTO part_counts (number, location_id, category_id, bin_from, bin_to, status, started_at, started_by_name)
         VALUES (?, ?, ?, ?, ?, 'open', ?, ?)`
      )
      .run(number, input.locationId, input.categoryId, input.binFrom, input.binTo, at.toISOString(), actor.name).lastInsertRowid
  )
  const added = db
    .prepare(`INSERT INTO part_count_lines (count_id, part_id, bin) SELECT ?, p.id, p.bin FROM parts p WHERE ${where.join(' AND ')} ORDER BY p.bin, p.part_no`)
    .run(id, ...args).changes
  if (added === 0) throw new AppError('parts.count_empty', 'No parts are in that range.')
  recordAudit(db, actor, at, { action: 'create', entity: 'part_count', entityId: id, after: { number, location: loc.name, lines: added } })
  return id
}

function openCount(db: Db, id: number): PartCount {
  const c = getCount(db, id)
  if (c.status !== 'open') throw new AppError('parts.count_status', `Count ${c.number} is ${c.status}.`, { number: c.number, status: c.status })
  return c
}

/** Blind entry: the clerk types (or scans) the part no. and the quantity; the expected one never shows. */
export function enterCount(
  db: Db,
  at: Date,
  input: { countId: number; partNo: string; qty: number; mode: 'set' | 'add' }
): { lineId: number; partNo: string; name: string; unit: string; bin: string | null; counted: number; countedLines: number; lines: number } {
  const c = openCount(db, input.countId)
  const partId = partIdByNo(db, input.partNo)
  if (!partId) throw new AppError('parts.unknown_part_no', `No part ${input.partNo} in the master.`, { partNo: input.partNo })
  let line = db.prepare('SELECT id, counted_qty AS counted FROM part_count_lines WHERE count_id = ? AND part_id = ?').get(c.id, partId) as
    | { id: number; counted: number | null }
    | undefined
  if (!line) {
    // Found on the shelf though outside the count's range: it is counted all the same.
    const id = Number(db.prepare('INSERT INTO part_count_lines (count_id, part_id, bin) SELECT ?, id, bin FROM parts WHERE id = ?').run(c.id, partId).lastInsertRowid)
    line = { id, counted: null }
  }
  const counted = input.mode === 'add' ? (line.counted ?? 0) + input.qty : input.qty
  db.prepare('UPDATE part_count_lines SET counted_qty = ?, expected_qty = ?, counted_at = ? WHERE id = ?').run(
    counted,
    balanceOf(db, partId, c.locationId),
    at.toISOString(),
    line.id
  )
  const p = db.prepare('SELECT part_no AS partNo, name, unit, bin FROM parts WHERE id = ?').get(partId) as { partNo: string; name: string; unit: string; bin: string | null }
  const after = getCount(db, c.id)
  return { lineId: line.id, ...p, counted, countedLines: after.counted, lines: after.lines }
}

export function countVariances(db: ReadDb, id: number): { lines: VarianceLine[]; uncounted: number; totalDiffCents: number } {
  getCount(db, id)
  const rows = db
    .prepare(
      `SELECT x.id AS lineId, x.part_id AS partId, p.part_no AS partNo, p.name, p.unit, x.bin, x.counted_qty AS counted,
              x.expected_qty AS expected, p.cost_cents AS cost, x.reason
       FROM part_count_lines x JOIN parts p ON p.id = x.part_id WHERE x.count_id = ? ORDER BY x.bin, p.part_no`
    )
    .all(id) as Array<Omit<VarianceLine, 'diff' | 'valueCents'> & { cost: number }>
  let uncounted = 0
  let total = 0
  const lines: VarianceLine[] = []
  for (const { cost, ...r } of rows) {
    if (r.counted === null) {
      uncounted++
      continue
    }
    const diff = r.counted - (r.expected ?? 0)
    total += diff * cost
    lines.push({ ...r, diff, valueCents: diff * cost })
  }
  return { lines, uncounted, totalDiffCents: total }
}

/** Every variance becomes one count adjustment with its typed reason; all in one posting. */
export function postCount(db: Db, actor: Actor, at: Date, id: number, version: number, reasons: Array<{ lineId: number; reason: string }>): void {
  const c = openCount(db, id)
  if (c.version !== version) throw staleVersion('count', id)
  const reasonOf = new Map(reasons.map((r) => [r.lineId, r.reason.trim()]))
  const { lines } = countVariances(db, id)
  const moves = []
  const saveReason = db.prepare('UPDATE part_count_lines SET reason = ? WHERE id = ?')
  const cost = db.prepare('SELECT cost_cents AS c FROM parts WHERE id = ?')
  for (const l of lines) {
    if (l.diff === 0) continue
    const why = reasonOf.get(l.lineId)
    if (!why) throw new AppError('parts.reason_required', `Say why ${l.partNo} is ${l.diff > 0 ? 'over' : 'short'} by ${Math.abs(l.diff)}.`, { partNo: l.partNo, diff: l.diff })
    saveReason.run(why, l.lineId)
    moves.push({ partId: l.partId, locationId: c.locationId, qty: l.diff, unitCostCents: (cost.get(l.partId) as { c: number }).c })
  }
  let postingId: number | null = null
  if (moves.length > 0) postingId = postMovements(db, actor, at, 'count', moves, { reason: `${c.number}` })
  db.prepare("UPDATE part_counts SET status = 'posted', posting_id = ?, posted_at = ?, version = version + 1 WHERE id = ?").run(postingId, at.toISOString(), id)
  recordAudit(db, actor, at, { action: 'post', entity: 'part_count', entityId: id, note: { number: c.number, adjustments: moves.length } })
}

/** A posted count is taken back as a whole by reversing its adjustment posting. */
export function reverseCount(db: Db, actor: Actor, at: Date, id: number, version: number, reason: string): void {
  const c = getCount(db, id)
  if (c.version !== version) throw staleVersion('count', id)
  if (c.status !== 'posted') throw new AppError('parts.count_status', `Count ${c.number} is ${c.status}.`, { number: c.number, status: c.status })
  const row = db.prepare('SELECT posting_id AS postingId FROM part_counts WHERE id = ?').get(id) as { postingId: number | null }
  const reversal = row.postingId === null ? null : reversePosting(db, actor, at, row.postingId, reason)
  db.prepare("UPDATE part_counts SET status = 'reversed', reversal_posting_id = ?, version = version + 1 WHERE id = ?").run(reversal, id)
  recordAudit(db, actor, at, { action: 'reverse', entity: 'part_count', entityId: id, note: { number: c.number, reason } })
}

export function cancelCount(db: Db, actor: Actor, at: Date, id: number, version: number): void {
  const c = openCount(db, id)
  if (c.version !== version) throw staleVersion('count', id)
  db.prepare("UPDATE part_counts SET status = 'cancelled', version = version + 1 WHERE id = ?").run(id)
  recordAudit(db, actor, at, { action: 'cancel', entity: 'part_count', entityId: id, note: { number: c.number } })
}

export function countSheetLines(db: ReadDb, id: number): Array<{ partNo: string; name: string; spec: string | null; unit: string; bin: string | null }> {
  return db
    .prepare(
      `SELECT p.part_no AS partNo, p.name, p.spec, p.unit, x.bin FROM part_count_lines x JOIN parts p ON p.id = x.part_id
       WHERE x.count_id = ? ORDER BY x.bin, p.part_no`
    )
    .all(id) as Array<{ partNo: string; name: string; spec: string | null; unit: string; bin: string | null }>
}
