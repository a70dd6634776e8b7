import type { ReadDb } from '../../db/types'
import type { LedgerEntry, OldPart, Part } from '../../../shared/contract/parts'
import { fromLocal, toLocalDate } from '../../../shared/time'
import { PART_SELECT, getPart, type PartRow } from './master'
import { reservedByPart } from './reserved'
import { listOldParts } from './claims'

/** Stock on hand and its value at cost, by location and category: one grouped pass over the balances. */
export const STOCK_REPORT_SQL = `SELECT b.location_id AS locationId, l.name AS locationName, p.category_id AS categoryId, c.code AS categoryCode,
  c.name AS categoryName, count(*) AS parts, sum(b.qty) AS qty, sum(b.qty * p.cost_cents) AS valueCents
  FROM part_balances b JOIN parts p ON p.id = b.part_id JOIN part_categories c ON c.id = p.category_id
  JOIN part_locations l ON l.id = b.location_id
  WHERE b.qty > 0 AND (? IS NULL OR b.location_id = ?)
  GROUP BY b.location_id, p.category_id ORDER BY b.location_id, c.watched DESC, c.id`

export function stockReport(db: ReadDb, locationId: number | null) {
  const groups = db.prepare(STOCK_REPORT_SQL).all(locationId, locationId) as Array<{
    locationId: number
    locationName: string
    categoryId: number
    categoryCode: string
    categoryName: string
    parts: number
    qty: number
    valueCents: number
  }>
  return {
    groups,
    totalQty: groups.reduce((a, g) => a + g.qty, 0),
    totalValueCents: groups.reduce((a, g) => a + g.valueCents, 0)
  }
}

/** Parts whose available stock (all locations, less what tomorrow's bookings hold) is at or below the reorder level. */
export function lowStock(db: ReadDb, at: Date, timeZone: string, limit: number): Part[] {
  const reserved = reservedByPart(db, at, timeZone)
  const rows = db
    .prepare(
      `WITH s AS (SELECT part_id, sum(qty) AS qty FROM part_balances GROUP BY part_id)
       ${PART_SELECT.replace('FROM parts p', ', coalesce(s.qty, 0) AS onHand FROM parts p LEFT JOIN s ON s.part_id = p.id')}
       WHERE p.active = 1 AND p.reorder_level > 0 ORDER BY p.part_no`
    )
    .all() as Array<PartRow & { onHand: number }>
  const out: Part[] = []
  for (const { onHand, ...r } of rows) {
    const res = reserved.get(r.id) ?? 0
    const available = Math.max(0, onHand - res)
    if (available > r.reorderLevel) continue
    out.push({ ...r, watched: r.watched === 1, active: r.active === 1, onHand, reserved: res, available })
    if (out.length >= limit) break
  }
  return out
}

/** The part's ledger card (台帳卡): each movement, oldest first, with the running balance. */
export function ledgerCard(db: ReadDb, at: Date, timeZone: string, partId: number, locationId: number | undefined, limit: number) {
  const part = getPart(db, partId, at, timeZone, locationId)
  const rows = db
    .prepare(
      `SELECT m.id AS movementId, m.posting_id AS postingId, m.at, m.kind, m.location_id AS locationId, l.name AS locationName, m.qty,
              m.unit_cost_cents AS unitCostCents, w.number AS workOrderNumber, r.number AS receiptNumber, k.number AS countNumber,
              q.number AS requisitionNumber, coalesce(cl.reason, g.reason) AS reason, g.staff_name AS staffName, m.reverses_id AS reversesId,
              (SELECT x.id FROM part_movements x WHERE x.reverses_id = m.id) AS reversedBy
       FROM part_movements m JOIN part_postings g ON g.id = m.posting_id JOIN part_locations l ON l.id = m.location_id
       LEFT JOIN work_orders w ON w.id = m.work_order_id
       LEFT JOIN part_receipts r ON r.posting_id = m.posting_id
       LEFT JOIN part_counts k ON k.posting_id = m.posting_id OR k.reversal_posting_id = m.posting_id
       LEFT JOIN part_count_lines cl ON cl.count_id = k.id AND cl.part_id = m.part_id
       LEFT JOIN requisition_lines rl ON rl.id = m.requisition_line_id LEFT JOIN requisitions q ON q.id = rl.requisition_id
       WHERE m.part_id = ? AND (? IS NULL OR m.location_id = ?) ORDER BY m.id`
    )
    .all(partId, locationId ?? null, locationId ?? null) as Array<
    Omit<LedgerEntry, 'balance' | 'reference'> & { workOrderNumber: string | null; receiptNumber: string | null; countNumber: string | null; requisitionNumber: string | null }
  >
  let balance = 0
  const entries: LedgerEntry[] = rows.map(({ workOrderNumber, receiptNumber, countNumber, requisitionNumber, ...r }) => {
    balance += r.qty
    const reference = [receiptNumber, countNumber, requisitionNumber, workOrderNumber].filter(Boolean).join(' · ') || null
    // The reason of an issue or a count is its document number, already in the reference.
    const reason = r.reason && reference?.includes(r.reason) ? null : r.reason
    return { ...r, reason, balance, reference }
  })
  const more = entries.length > limit
  return { part, entries: more ? entries.slice(-limit) : entries, more }
}

/** Warranty failures (write-offs) by watched category and shop-local month. */
export function failuresByCategory(db: ReadDb, timeZone: string, fromMonth: string, toMonth: string) {
  const months: string[] = []
  for (let m = fromMonth; m <= toMonth && months.length < 36; ) {
    months.push(m)
    const [y, mm] = m.split('-').map(Number) as [number, number]
    m = mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, '0')}`
  }
  const start = fromLocal(`${fromMonth}-01`, timeZone).toISOString()
  const last = months.at(-1) ?? fromMonth
  const [ly, lm] = last.split('-').map(Number) as [number, number]
  const end = fromLocal(lm === 12 ? `${ly + 1}-01-01` : `${ly}-${String(lm + 1).padStart(2, '0')}-01`, timeZone).toISOString()
  const cats = db.prepare('SELECT id, code, name FROM part_categories WHERE watched = 1 ORDER BY id').all() as Array<{ id: number; code: string; name: string }>
  const hits = db
    .prepare(
      `SELECT p.category_id AS categoryId, m.at, -m.qty AS qty FROM part_movements m JOIN parts p ON p.id = m.part_id
       WHERE m.kind = 'warranty' AND m.at >= ? AND m.at < ?`
    )
    .all(start, end) as Array<{ categoryId: number; at: string; qty: number }>
  const rows = cats.map((c) => ({ categoryId: c.id, categoryCode: c.code, categoryName: c.name, counts: months.map(() => 0), total: 0 }))
  const byId = new Map(rows.map((r) => [r.categoryId, r]))
  for (const h of hits) {
    const row = byId.get(h.categoryId)
    if (!row) continue
    const i = months.indexOf(toLocalDate(new Date(h.at), timeZone).slice(0, 7))
    if (i < 0) continue
    // A reversed write-off carries a negative quantity here and cancels its original.
    row.counts[i] = (row.counts[i] ?? 0) + h.qty
    row.total += h.qty
  }
  return { months, rows }
}

/**
 * The work order's own parts lines (the work-order part's wo_lines, section 'parts', quantities in
 * thousandths), as (work order, part, quantity); null while that table does not exist.
 */
function workOrderLinesSql(db: ReadDb): string | null {
  const cols = new Set((db.prepare("SELECT name FROM pragma_table_info('wo_lines')").all() as Array<{ name: string }>).map((c) => c.name))
  if (!cols.has('work_order_id') || !cols.has('part_id') || !cols.has('qty_milli')) return null
  return `SELECT work_order_id AS workOrderId, part_id AS partId, sum(qty_milli) / 1000.0 AS onWorkOrder
    FROM wo_lines WHERE part_id IS NOT NULL ${cols.has('section') ? "AND section = 'parts'" : ''} GROUP BY work_order_id, part_id`
}

export function reconcile(db: ReadDb, timeZone: string, at: Date) {
  const woLines = workOrderLinesSql(db)
  const linked = woLines !== null
  // What left the shelf for each work order, net of returns and reversals.
  const issuedSql = `SELECT m.work_order_id AS workOrderId, m.part_id AS partId, -sum(m.qty) AS issued
    FROM part_movements m WHERE m.work_order_id IS NOT NULL AND m.kind IN ('issue', 'return', 'warranty')
    GROUP BY m.work_order_id, m.part_id HAVING -sum(m.qty) > 0`
  const linesSql = woLines ?? 'SELECT 0 AS workOrderId, 0 AS partId, 0 AS onWorkOrder WHERE 0'
  const issuedNoWorkOrder = db
    .prepare(
      `WITH i AS (${issuedSql}), o AS (${linesSql})
       SELECT i.workOrderId, w.number AS workOrderNumber, w.status AS workOrderStatus, i.partId, p.part_no AS partNo, p.name, i.issued,
              coalesce(o.onWorkOrder, 0) AS onWorkOrder
       FROM i JOIN work_orders w ON w.id = i.workOrderId JOIN parts p ON p.id = i.partId
       LEFT JOIN o ON o.workOrderId = i.workOrderId AND o.partId = i.partId
       WHERE w.status IN ('cancelled', 'declined') OR (${linked ? 1 : 0} = 1 AND i.issued > coalesce(o.onWorkOrder, 0))
       ORDER BY w.number, p.part_no`
    )
    .all() as Array<{ workOrderId: number; workOrderNumber: string; workOrderStatus: string; partId: number; partNo: string; name: string; issued: number; onWorkOrder: number }>
  const onWorkOrderNotIssued = linked
    ? (db
        .prepare(
          `WITH i AS (${issuedSql}), o AS (${linesSql})
           SELECT o.workOrderId, w.number AS workOrderNumber, o.partId, p.part_no AS partNo, p.name, o.onWorkOrder, coalesce(i.issued, 0) AS issued
           FROM o JOIN work_orders w ON w.id = o.workOrderId JOIN parts p ON p.id = o.partId
           LEFT JOIN i ON i.workOrderId = o.workOrderId AND i.partId = o.partId
           WHERE o.onWorkOrder > coalesce(i.issued, 0) AND w.status NOT IN ('cancelled', 'declined')
           ORDER BY w.number, p.part_no`
        )
        .all() as Array<{ workOrderId: number; workOrderNumber: string; partId: number; partNo: string; name: string; onWorkOrder: number; issued: number }>)
    : []
  const approvedNotIssued = db
    .prepare(
      `SELECT r.id AS requisitionId, r.number, w.number AS workOrderNumber, p.part_no AS partNo, p.name, l.qty - l.issued_qty AS open, r.decided_at AS decidedAt
       FROM requisitions r JOIN requisition_lines l ON l.requisition_id = r.id JOIN parts p ON p.id = l.part_id
       JOIN work_orders w ON w.id = r.work_order_id
       WHERE r.status IN ('approved', 'partly_issued') AND l.qty > l.issued_qty ORDER BY r.decided_at, r.number`
    )
    .all() as Array<{ requisitionId: number; number: string; workOrderNumber: string; partNo: string; name: string; open: number; decidedAt: string | null }>
  const oldPartsDue: OldPart[] = listOldParts(db, timeZone, toLocalDate(at, timeZone), { dueOnly: true })
  return { workOrderLinesLinked: linked, issuedNoWorkOrder, onWorkOrderNotIssued, approvedNotIssued, oldPartsDue }
}
