import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import type { Db, ReadDb } from '../../db/types'
import type { Actor } from '../../core/context'
import { AppError } from '../../../shared/errors'
import type { Locale } from '../../../shared/contract/common'
import { LOCALES } from '../../../shared/contract/common'
import { translate } from '../../../shared/i18n'
import { parseYuan } from '../../../shared/money'
import { recordAudit } from '../audit/audit'
import { postMovements } from './ledger'
import { activeLocation, searchKey, type PartInput } from './master'

export const COLUMNS = ['partNo', 'name', 'spec', 'unit', 'category', 'bin', 'supplier', 'cost', 'price', 'reorderLevel', 'qty'] as const
type Column = (typeof COLUMNS)[number]
export type QtyMode = 'ignore' | 'set' | 'add'

export interface ImportProblem {
  field: string
  code: string
  value: string
}
export interface ImportRow {
  line: number
  partNo: string
  name: string
  action: 'create' | 'update' | 'unchanged' | 'error'
  stockBefore: number | null
  stockAfter: number | null
  problems: ImportProblem[]
}

/** Header text → column, in any of the app's languages or as the key itself ("partNo"). */
const HEADERS: Map<string, Column> = (() => {
  const m = new Map<string, Column>()
  const norm = (s: string) => s.trim().toLowerCase().replace(/[\s_.]/g, '')
  for (const c of COLUMNS) {
    m.set(norm(c), c)
    for (const l of LOCALES) {
      m.set(norm(translate(l, `parts.columns.${c}`)), c)
      m.set(norm(translate(l, `parts.${c}`)), c)
    }
  }
  return m
})()
const headerOf = (s: string): Column | undefined => HEADERS.get(s.trim().toLowerCase().replace(/[\s_.]/g, ''))

/** Reads a CSV or XLSX into rows of text cells, the first row being the header. */
export async function readSheet(format: 'csv' | 'xlsx', data: Buffer): Promise<string[][]> {
  if (format === 'csv') {
    const text = data.toString('utf8').replace(/^\uFEFF/, '')
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' })
    return parsed.data.map((r) => r.map((c) => String(c ?? '')))
  }
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer)
  } catch {
    throw new AppError('parts.import_unreadable', 'That file is not an XLSX workbook.')
  }
  const ws = wb.worksheets[0]
  if (!ws) return []
  const rows: string[][] = []
  ws.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = []
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const v = cell.value
      let text: string
      if (v === null || v === undefined) text = ''
      else if (typeof v === 'object' && 'richText' in v) text = v.richText.map((t) => t.text).join('')
      else if (typeof v === 'object' && 'result' in v) text = String(v.result ?? '')
      else if (typeof v === 'object' && 'text' in v) text = String(v.text)
      else text = String(v)
      cells[col - 1] = text
    })
    rows.push(Array.from(cells, (c) => c ?? ''))
  })
  return rows
}

interface Lookup {
  categories: Map<string, number>
  suppliers: Map<string, number>
  parts: Map<string, { id: number; version: number } & PartInput & { active: number }>
  stock: Map<number, number>
}

function lookups(db: ReadDb, locationId: number): Lookup {
  const categories = new Map<string, number>()
  for (const c of db.prepare('SELECT id, code, name FROM part_categories').all() as Array<{ id: number; code: string; name: string }>) {
    categories.set(c.code.toLowerCase(), c.id)
    categories.set(c.name.toLowerCase(), c.id)
    for (const l of LOCALES) {
      const label = translate(l, `parts.categories.${c.code}`)
      if (!label.startsWith('parts.')) categories.set(label.toLowerCase(), c.id)
    }
  }
  const suppliers = new Map<string, number>()
  for (const s of db.prepare('SELECT id, name FROM suppliers').all() as Array<{ id: number; name: string }>) suppliers.set(s.name.toLowerCase(), s.id)
  const parts = new Map<string, { id: number; version: number } & PartInput & { active: number }>()
  for (const p of db
    .prepare(
      `SELECT id, version, part_no AS partNo, name, spec, unit, category_id AS categoryId, bin, supplier_id AS supplierId,
              cost_cents AS costCents, price_cents AS priceCents, reorder_level AS reorderLevel, active FROM parts`
    )
    .all() as Array<{ id: number; version: number } & PartInput & { active: number }>) {
    parts.set(p.partNo.toUpperCase(), p)
  }
  const stock = new Map<number, number>()
  for (const b of db.prepare('SELECT part_id AS partId, qty FROM part_balances WHERE location_id = ?').all(locationId) as Array<{ partId: number; qty: number }>) {
    stock.set(b.partId, b.qty)
  }
  return { categories, suppliers, parts, stock }
}

interface Planned {
  row: ImportRow
  partId: number | null
  version: number | null
  input: PartInput & { active: boolean }
  newSupplier: string | null
  qty: number | null
}

const PART_NO = /^[A-Za-z0-9][A-Za-z0-9._\-/]*$/
const whole = (s: string): number | null => (/^\d+$/.test(s.replace(/,/g, '')) ? Number(s.replace(/,/g, '')) : null)

/**
 * Reads the file and works out, row by row, what the import would do and what is wrong with it.
 * Columns missing from the file keep the part's current value; a new part needs name, unit and category.
 */
export async function planImport(
  db: ReadDb,
  input: { format: 'csv' | 'xlsx'; data: string; qtyMode: QtyMode; locationId: number }
): Promise<{ planned: Planned[]; hasQtyColumn: boolean }> {
  return planRows(db, await readSheet(input.format, Buffer.from(input.data, 'base64')), input)
}

/** The plan for rows already read; synchronous, so a commit makes it inside its transaction. */
export function planRows(db: ReadDb, sheet: string[][], input: { qtyMode: QtyMode; locationId: number }): { planned: Planned[]; hasQtyColumn: boolean } {
  activeLocation(db, input.locationId)
  const header = (sheet[0] ?? []).map(headerOf)
  if (!header.includes('partNo')) throw new AppError('parts.import_no_part_no', 'The first row must name the columns, including the part no.')
  const hasQtyColumn = header.includes('qty')
  if (input.qtyMode !== 'ignore' && !hasQtyColumn) throw new AppError('parts.import_no_qty_column', 'The file has no quantity column to set or add stock from.')
  const look = lookups(db, input.locationId)
  const seen = new Map<string, number>()
  const planned: Planned[] = []
  sheet.slice(1).forEach((cells, i) => {
    const line = i + 2
    const cell = (c: Column): string | undefined => {
      const at = header.indexOf(c)
      return at < 0 ? undefined : (cells[at] ?? '').trim()
    }
    if (cells.every((c) => !c.trim())) return
    const problems: ImportProblem[] = []
    const bad = (field: string, code: string, value = '') => problems.push({ field, code, value: value.slice(0, 60) })
    const partNo = cell('partNo') ?? ''
    if (!partNo) bad('partNo', 'required')
    else if (partNo.length > 40 || !PART_NO.test(partNo)) bad('partNo', 'part_no', partNo)
    const key = partNo.toUpperCase()
    if (partNo && seen.has(key)) bad('partNo', 'duplicate_in_file', `${partNo} (${seen.get(key)})`)
    seen.set(key, line)
    const existing = look.parts.get(key)
    const base: PartInput & { active: boolean } = existing
      ? { ...existing, partNo: existing.partNo, active: existing.active === 1 }
      : { partNo, name: '', spec: null, unit: '', categoryId: 0, bin: null, supplierId: null, costCents: 0, priceCents: 0, reorderLevel: 0, active: true }
    const next = { ...base }
    const text = (c: Column, max: number, required: boolean): string | null | undefined => {
      const v = cell(c)
      if (v === undefined) return undefined
      if (v.length > max) bad(c, 'too_long', v)
      if (!v && required) bad(c, 'required')
      return v || null
    }
    const name = text('name', 80, true)
    if (name !== undefined) next.name = name ?? ''
    const spec = text('spec', 120, false)
    if (spec !== undefined) next.spec = spec
    const unit = text('unit', 10, true)
    if (unit !== undefined) next.unit = unit ?? ''
    const bin = text('bin', 20, false)
    if (bin !== undefined) next.bin = bin
    const category = cell('category')
    if (category !== undefined) {
      const id = look.categories.get(category.toLowerCase())
      if (id) next.categoryId = id
      else bad('category', category ? 'unknown_category' : 'required', category)
    }
    let newSupplier: string | null = null
    const supplier = cell('supplier')
    if (supplier !== undefined) {
      if (!supplier) next.supplierId = null
      else if (supplier.length > 80) bad('supplier', 'too_long', supplier)
      else {
        const id = look.suppliers.get(supplier.toLowerCase())
        if (id) next.supplierId = id
        else newSupplier = supplier
      }
    }
    for (const [c, field] of [['cost', 'costCents'], ['price', 'priceCents']] as const) {
      const v = cell(c)
      if (v === undefined || v === '') continue
      const cents = parseYuan(v)
      if (cents === null || cents < 0) bad(c, 'money', v)
      else next[field] = cents
    }
    const reorder = cell('reorderLevel')
    if (reorder !== undefined && reorder !== '') {
      const n = whole(reorder)
      if (n === null || n > 1_000_000) bad('reorderLevel', 'whole_number', reorder)
      else next.reorderLevel = n
    }
    let qty: number | null = null
    const qtyText = cell('qty')
    if (input.qtyMode !== 'ignore' && qtyText !== undefined && qtyText !== '') {
      qty = whole(qtyText)
      if (qty === null || qty > 1_000_000) {
        bad('qty', 'whole_number', qtyText)
        qty = null
      }
    }
    if (!existing) {
      if (name === undefined) bad('name', 'required_new')
      if (unit === undefined) bad('unit', 'required_new')
      if (category === undefined) bad('category', 'required_new')
    }
    const before = existing ? (look.stock.get(existing.id) ?? 0) : 0
    const after = qty === null ? before : input.qtyMode === 'set' ? qty : before + qty
    const changed =
      !existing ||
      newSupplier !== null ||
      (Object.keys(next) as Array<keyof typeof next>).some((k) => k !== 'active' && next[k] !== base[k])
    planned.push({
      row: {
        line,
        partNo,
        name: next.name,
        action: problems.length ? 'error' : !existing ? 'create' : changed || after !== before ? 'update' : 'unchanged',
        stockBefore: existing ? before : null,
        stockAfter: after,
        problems
      },
      partId: existing?.id ?? null,
      version: existing?.version ?? null,
      input: next,
      newSupplier,
      qty
    })
  })
  return { planned, hasQtyColumn }
}

export function summarise(planned: Planned[], hasQtyColumn: boolean, qtyMode: QtyMode) {
  const count = (a: ImportRow['action']) => planned.filter((p) => p.row.action === a).length
  const errors = planned.filter((p) => p.row.action === 'error').map((p) => p.row)
  const rest = planned.filter((p) => p.row.action !== 'error').slice(0, 500).map((p) => p.row)
  return {
    rows: [...errors, ...rest],
    total: planned.length,
    creates: count('create'),
    updates: count('update'),
    unchanged: count('unchanged'),
    errors: errors.length,
    hasQtyColumn,
    qtyMode
  }
}

/** Writes a planned import, all of it or (with any bad row) none of it. Runs in the caller's transaction. */
export function applyImport(db: Db, actor: Actor, at: Date, planned: Planned[], qtyMode: QtyMode, locationId: number, fileName: string, reason: string | null): void {
  const errors = planned.filter((p) => p.row.action === 'error')
  if (errors.length > 0) {
    throw new AppError('parts.import_has_errors', `${errors.length} rows have problems; nothing was imported.`, { errors: errors.length, first: errors[0]!.row.line })
  }
  if (qtyMode === 'set' && !reason) {
    throw new AppError('parts.import_reason_required', 'Setting stock from a file changes what the shelf says: type the reason.')
  }
  const supplierIds = new Map<string, number>()
  const newSupplier = db.prepare('INSERT INTO suppliers (name, created_at) VALUES (?, ?)')
  const now = at.toISOString()
  // One import is one write: its rows go in through prepared statements and one audit row lists them.
  const insert = db.prepare(
    `INSERT INTO parts (part_no, name, spec, unit, category_id, bin, supplier_id, cost_cents, price_cents, reorder_level, search, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const update = db.prepare(
    `UPDATE parts SET name = ?, spec = ?, unit = ?, category_id = ?, bin = ?, supplier_id = ?, cost_cents = ?, price_cents = ?,
       reorder_level = ?, search = ?, updated_at = ?, version = version + 1 WHERE id = ?`
  )
  const moves: Array<{ partId: number; locationId: number; qty: number; unitCostCents: number }> = []
  const created: string[] = []
  const updated: string[] = []
  for (const p of planned) {
    if (p.newSupplier) {
      const k = p.newSupplier.toLowerCase()
      if (!supplierIds.has(k)) supplierIds.set(k, Number(newSupplier.run(p.newSupplier, now).lastInsertRowid))
      p.input.supplierId = supplierIds.get(k) ?? null
    }
    const i = p.input
    let id = p.partId
    if (id === null) {
      id = Number(insert.run(i.partNo, i.name, i.spec, i.unit, i.categoryId, i.bin, i.supplierId, i.costCents, i.priceCents, i.reorderLevel, searchKey(i), now, now).lastInsertRowid)
      created.push(i.partNo)
    } else if (p.row.action === 'update') {
      update.run(i.name, i.spec, i.unit, i.categoryId, i.bin, i.supplierId, i.costCents, i.priceCents, i.reorderLevel, searchKey(i), now, id)
      updated.push(i.partNo)
    }
    if (p.qty !== null && p.row.stockAfter !== null) {
      const delta = p.row.stockAfter - (p.row.stockBefore ?? 0)
      if (delta !== 0) moves.push({ partId: id, locationId, qty: delta, unitCostCents: i.costCents })
    }
  }
  if (moves.length > 0) {
    postMovements(db, actor, at, 'import', moves, { reason: (reason ? `${reason} · ${fileName}` : fileName).slice(0, 200) })
  }
  recordAudit(db, actor, at, { action: 'import', entity: 'parts', entityId: fileName, note: { rows: planned.length, qtyMode, reason, stockLines: moves.length, created, updated } })
}

/** The master with stock at a location, in the columns the import reads back. */
export async function exportParts(db: ReadDb, format: 'csv' | 'xlsx', locale: Locale, locationId: number): Promise<{ data: Buffer; rows: number }> {
  const rows = db
    .prepare(
      `SELECT p.part_no, p.name, p.spec, p.unit, c.code, c.name AS cname, p.bin, s.name AS supplier, p.cost_cents, p.price_cents, p.reorder_level,
              coalesce(b.qty, 0) AS qty
       FROM parts p JOIN part_categories c ON c.id = p.category_id LEFT JOIN suppliers s ON s.id = p.supplier_id
       LEFT JOIN part_balances b ON b.part_id = p.id AND b.location_id = ? WHERE p.active = 1 ORDER BY p.part_no`
    )
    .all(locationId) as Array<Record<string, string | number | null>>
  const header = COLUMNS.map((c) => translate(locale, `parts.columns.${c}`))
  const categoryLabel = (code: string, name: string) => {
    const t = translate(locale, `parts.categories.${code}`)
    return t.startsWith('parts.') ? name : t
  }
  const body = rows.map((r) => [
    r.part_no,
    r.name,
    r.spec ?? '',
    r.unit,
    categoryLabel(String(r.code), String(r.cname)),
    r.bin ?? '',
    r.supplier ?? '',
    (Number(r.cost_cents) / 100).toFixed(2),
    (Number(r.price_cents) / 100).toFixed(2),
    r.reorder_level,
    r.qty
  ])
  if (format === 'csv') {
    // A BOM so that Excel opens the Chinese text as UTF-8.
    return { data: Buffer.from(`\uFEFF${Papa.unparse([header, ...body])}`, 'utf8'), rows: rows.length }
  }
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet(translate(locale, 'parts.title').slice(0, 31))
  ws.addRow(header).font = { bold: true }
  for (const r of body) ws.addRow(r)
  ws.columns.forEach((col, i) => (col.width = [14, 24, 20, 6, 12, 10, 20, 10, 10, 10, 8][i] ?? 12))
  ws.views = [{ state: 'frozen', ySplit: 1 }]
  return { data: Buffer.from(await wb.xlsx.writeBuffer()), rows: rows.length }
}
