import { z } from 'zod'
import { call } from './define'
import { id, locale, optionalText, requiredText, text, version } from './common'
import { documentRef } from './system'
import { ROLES, type Role } from '../roles'

/** Who reads stock: everyone at the counter and the warehouse. */
const READERS: readonly Role[] = ['advisor', 'frontdesk_supervisor', 'workshop_supervisor', 'warehouse_clerk', 'service_director', 'followup_agent', 'admin']
const CLERK: readonly Role[] = ['warehouse_clerk']
const CLERK_DIRECTOR: readonly Role[] = ['warehouse_clerk', 'service_director']
const REQUESTERS: readonly Role[] = ['advisor', 'frontdesk_supervisor', 'workshop_supervisor', 'service_director']
const APPROVERS: readonly Role[] = ['workshop_supervisor', 'frontdesk_supervisor', 'service_director']

const qty = z.number().int().min(1).max(1_000_000)
const cents = z.number().int().min(0).max(10_000_000_000)
const partNo = text(40).pipe(z.string().min(1, { message: 'required' }).regex(/^[A-Za-z0-9][A-Za-z0-9._\-/]*$/, { message: 'parts.part_no' }))
const reason = requiredText(200)
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'parts.month' })

export const partFields = z.object({
  partNo,
  name: requiredText(80),
  spec: optionalText(120).default(null),
  unit: requiredText(10),
  categoryId: id,
  bin: optionalText(20).default(null),
  supplierId: id.nullable().default(null),
  costCents: cents.default(0),
  priceCents: cents.default(0),
  reorderLevel: z.number().int().min(0).max(1_000_000).default(0)
})

export const part = z.object({
  id,
  partNo: z.string(),
  name: z.string(),
  spec: z.string().nullable(),
  unit: z.string(),
  categoryId: z.number(),
  categoryCode: z.string(),
  categoryName: z.string(),
  watched: z.boolean(),
  bin: z.string().nullable(),
  supplierId: z.number().nullable(),
  supplierName: z.string().nullable(),
  costCents: z.number(),
  priceCents: z.number(),
  reorderLevel: z.number(),
  active: z.boolean(),
  version: z.number(),
  /** At the location asked for, or all locations. */
  onHand: z.number(),
  /** Promised to today's and tomorrow's bookings not yet checked in (main store). */
  reserved: z.number(),
  available: z.number()
})
export type Part = z.infer<typeof part>

export const location = z.object({ id, code: z.string(), name: z.string(), kind: z.enum(['store', 'station']), active: z.boolean(), version: z.number() })
export type PartLocation = z.infer<typeof location>
export const category = z.object({ id, code: z.string(), name: z.string(), watched: z.boolean() })
export type PartCategory = z.infer<typeof category>
export const supplier = z.object({ id, name: z.string(), contact: z.string().nullable(), phone: z.string().nullable() })

export const approvalTier = z.object({
  /** This tier covers requisitions up to this amount (cents); null = any amount above the tiers before. */
  upToCents: cents.nullable(),
  roles: z.array(z.enum(ROLES)).min(1, { message: 'roles_required' })
})
export const partsSettings = z.object({
  approvalTiers: z.array(approvalTier).min(1).max(5),
  oldPartDueDays: z.number().int().min(1).max(90)
})
export type PartsSettings = z.infer<typeof partsSettings>

const movementLine = z.object({ partId: id, qty })

export const receipt = z.object({
  id,
  number: z.string(),
  postingId: z.number(),
  locationId: z.number(),
  locationName: z.string(),
  supplierId: z.number().nullable(),
  supplierName: z.string().nullable(),
  deliveryNote: z.string().nullable(),
  note: z.string().nullable(),
  receivedAt: z.string(),
  staffName: z.string().nullable(),
  reversed: z.boolean(),
  lines: z.array(z.object({ partId: z.number(), partNo: z.string(), name: z.string(), spec: z.string().nullable(), unit: z.string(), bin: z.string().nullable(), qty: z.number(), unitCostCents: z.number(), amountCents: z.number() })),
  totalCents: z.number()
})
export type Receipt = z.infer<typeof receipt>

export const REQUISITION_STATUSES = ['pending', 'approved', 'rejected', 'partly_issued', 'issued', 'closed', 'cancelled'] as const
export const requisition = z.object({
  id,
  number: z.string(),
  workOrderId: z.number(),
  workOrderNumber: z.string(),
  plate: z.string().nullable(),
  customerName: z.string().nullable(),
  locationId: z.number(),
  locationName: z.string(),
  status: z.enum(REQUISITION_STATUSES),
  amountCents: z.number(),
  note: z.string().nullable(),
  requestedByName: z.string().nullable(),
  requestedAt: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  /** The roles that may approve this amount under the shop's thresholds. */
  approverRoles: z.array(z.string()),
  version: z.number(),
  lines: z.array(
    z.object({
      id: z.number(),
      partId: z.number(),
      partNo: z.string(),
      name: z.string(),
      unit: z.string(),
      bin: z.string().nullable(),
      qty: z.number(),
      issuedQty: z.number(),
      unitCostCents: z.number(),
      onHand: z.number()
    })
  )
})
export type Requisition = z.infer<typeof requisition>

export const count = z.object({
  id,
  number: z.string(),
  locationId: z.number(),
  locationName: z.string(),
  categoryId: z.number().nullable(),
  binFrom: z.string().nullable(),
  binTo: z.string().nullable(),
  status: z.enum(['open', 'posted', 'reversed', 'cancelled']),
  startedAt: z.string(),
  startedByName: z.string().nullable(),
  postedAt: z.string().nullable(),
  version: z.number(),
  lines: z.number(),
  counted: z.number()
})
export type PartCount = z.infer<typeof count>

export const varianceLine = z.object({
  lineId: z.number(),
  partId: z.number(),
  partNo: z.string(),
  name: z.string(),
  unit: z.string(),
  bin: z.string().nullable(),
  counted: z.number().nullable(),
  expected: z.number().nullable(),
  diff: z.number(),
  valueCents: z.number(),
  reason: z.string().nullable()
})
export type VarianceLine = z.infer<typeof varianceLine>

export const OLD_PART_STATUSES = ['due', 'returned', 'claimed', 'scrapped', 'returned_to_customer', 'kept', 'cancelled'] as const
export const oldPart = z.object({
  id,
  partId: z.number().nullable(),
  partNo: z.string().nullable(),
  description: z.string(),
  qty: z.number(),
  workOrderId: z.number().nullable(),
  workOrderNumber: z.string().nullable(),
  serviceReport: z.string().nullable(),
  status: z.enum(OLD_PART_STATUSES),
  dueAt: z.string(),
  returnedAt: z.string().nullable(),
  disposedAt: z.string().nullable(),
  dispositionNote: z.string().nullable(),
  createdAt: z.string(),
  version: z.number()
})
export type OldPart = z.infer<typeof oldPart>

export const CLAIM_STATUSES = ['draft', 'sent', 'accepted', 'rejected', 'credited'] as const
export const claim = z.object({
  id,
  number: z.string(),
  supplierId: z.number(),
  supplierName: z.string(),
  partId: z.number().nullable(),
  partNo: z.string().nullable(),
  partName: z.string().nullable(),
  oldPartId: z.number().nullable(),
  workOrderId: z.number().nullable(),
  workOrderNumber: z.string().nullable(),
  qty: z.number(),
  fault: z.string(),
  claimedCents: z.number(),
  recoveredCents: z.number(),
  status: z.enum(CLAIM_STATUSES),
  sentAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  creditedAt: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  ageDays: z.number(),
  version: z.number()
})
export type Claim = z.infer<typeof claim>

export const ledgerEntry = z.object({
  movementId: z.number(),
  postingId: z.number(),
  at: z.string(),
  kind: z.string(),
  locationId: z.number(),
  locationName: z.string(),
  qty: z.number(),
  balance: z.number(),
  unitCostCents: z.number(),
  reference: z.string().nullable(),
  reason: z.string().nullable(),
  staffName: z.string().nullable(),
  reversesId: z.number().nullable(),
  reversedBy: z.number().nullable()
})
export type LedgerEntry = z.infer<typeof ledgerEntry>

export const importRow = z.object({
  line: z.number(),
  partNo: z.string(),
  name: z.string(),
  action: z.enum(['create', 'update', 'unchanged', 'error']),
  stockBefore: z.number().nullable(),
  stockAfter: z.number().nullable(),
  problems: z.array(z.object({ field: z.string(), code: z.string(), value: z.string() }))
})
export const importInput = z.object({
  fileName: text(200),
  format: z.enum(['csv', 'xlsx']),
  /** The file, base64 (a 10,000-part sheet is well under the limit). */
  data: z.string().max(12_000_000),
  /** What a quantity column does: nothing, set the shelf to it (a count), or add it (a receipt). */
  qtyMode: z.enum(['ignore', 'set', 'add']),
  locationId: id.default(1),
  /** Setting the shelf to the file's quantities is a count adjustment: it needs the reason someone typed. */
  reason: optionalText(200).default(null)
})
export const importPreview = z.object({
  rows: z.array(importRow),
  total: z.number(),
  creates: z.number(),
  updates: z.number(),
  unchanged: z.number(),
  errors: z.number(),
  hasQtyColumn: z.boolean(),
  qtyMode: z.enum(['ignore', 'set', 'add'])
})

const moneyByGroup = z.object({ locationId: z.number(), locationName: z.string(), categoryId: z.number(), categoryCode: z.string(), categoryName: z.string(), parts: z.number(), qty: z.number(), valueCents: z.number() })

export const partsContract = {
  'parts.settings.get': call({
    summary: 'The ledger settings: requisition approval thresholds and how long an old part may take to come back.',
    input: z.object({}),
    output: partsSettings,
    access: READERS
  }),
  'parts.settings.update': call({
    summary: 'Set who approves requisitions up to which amount, and the old-part return period.',
    input: partsSettings,
    output: partsSettings,
    access: ['service_director', 'admin']
  }),
  'parts.locations.list': call({
    summary: 'The main store and the service stations, each with its own ledger.',
    input: z.object({}),
    output: z.array(location),
    access: READERS
  }),
  'parts.locations.save': call({
    summary: 'Add a service station (id absent) or rename / retire one.',
    input: z.object({ id: id.optional(), version: version.optional(), code: requiredText(12), name: requiredText(40), active: z.boolean().default(true) }),
    output: location,
    access: ['warehouse_clerk', 'service_director', 'admin']
  }),
  'parts.categories.list': call({ summary: 'Part categories; watched ones are the quality team’s.', input: z.object({}), output: z.array(category), access: READERS }),
  'parts.categories.save': call({
    summary: 'Add a category or change its name or whether the quality team watches it.',
    input: z.object({ id: id.optional(), code: text(20).pipe(z.string().regex(/^[a-z0-9_]+$/, { message: 'parts.code' })), name: requiredText(30), watched: z.boolean() }),
    output: category,
    access: CLERK_DIRECTOR
  }),
  'parts.suppliers.list': call({ summary: 'Suppliers of parts.', input: z.object({}), output: z.array(supplier), access: READERS }),
  'parts.suppliers.save': call({
    summary: 'Add or change a supplier.',
    input: z.object({ id: id.optional(), name: requiredText(80), contact: optionalText(40).default(null), phone: optionalText(30).default(null) }),
    output: supplier,
    access: CLERK_DIRECTOR
  }),
  'parts.workOrders.find': call({
    summary: 'Open work orders by number or plate, to ask parts for.',
    input: z.object({ query: text(30) }),
    output: z.array(z.object({ id, number: z.string(), plate: z.string().nullable(), customerName: z.string().nullable(), status: z.string() })),
    access: READERS
  }),
  'parts.search': call({
    summary: 'Pick parts: by part no. (whole or beginning) or any piece of the name or spec; with on-hand, reserved and available. For other parts of the app.',
    input: z.object({
      query: text(60).default(''),
      locationId: id.optional(),
      categoryId: id.optional(),
      lowOnly: z.boolean().default(false),
      limit: z.number().int().min(1).max(500).default(50)
    }),
    output: z.object({ items: z.array(part), more: z.boolean() }),
    access: READERS
  }),
  'parts.get': call({
    summary: 'One part with its balance at every location.',
    input: z.object({ id: id.optional(), partNo: text(40).optional() }),
    output: part.extend({ balances: z.array(z.object({ locationId: z.number(), locationName: z.string(), qty: z.number() })) }),
    access: READERS
  }),
  'parts.create': call({ summary: 'Add a part to the master.', input: partFields, output: part, access: CLERK_DIRECTOR }),
  'parts.update': call({
    summary: 'Change a part’s master data; refused if someone saved it since it was read.',
    input: partFields.extend({ id, version, active: z.boolean().default(true) }),
    output: part,
    access: CLERK_DIRECTOR
  }),
  'parts.import.preview': call({
    summary: 'Read a CSV or XLSX of the part master and list what would change and every bad row with why; writes nothing.',
    input: importInput,
    output: importPreview,
    access: CLERK_DIRECTOR
  }),
  'parts.import.commit': call({
    summary: 'Import the file all or nothing: any bad row and nothing is written. A quantity column sets or adds stock as qtyMode says.',
    input: importInput,
    output: importPreview,
    access: CLERK_DIRECTOR
  }),
  'parts.export': call({
    summary: 'The part master with stock at a location as CSV or XLSX (base64), columns the import reads back.',
    input: z.object({ format: z.enum(['csv', 'xlsx']), locale: locale.optional(), locationId: id.default(1) }),
    output: z.object({ fileName: z.string(), mimeType: z.string(), data: z.string(), rows: z.number() }),
    access: CLERK_DIRECTOR
  }),
  'parts.receipts.post': call({
    summary: 'Book a receipt (接收單) into a location’s ledger.',
    input: z.object({
      locationId: id.default(1),
      supplierId: id.nullable().default(null),
      deliveryNote: optionalText(40).default(null),
      note: optionalText(200).default(null),
      lines: z.array(movementLine.extend({ unitCostCents: cents.optional() })).min(1).max(500)
    }),
    output: receipt,
    access: CLERK
  }),
  'parts.receipts.get': call({ summary: 'A receipt with its lines.', input: z.object({ id }), output: receipt, access: READERS }),
  'parts.receipts.list': call({
    summary: 'Recent receipts.',
    input: z.object({ limit: z.number().int().min(1).max(500).default(50) }),
    output: z.array(receipt.omit({ lines: true })),
    access: READERS
  }),
  'parts.movements.reverse': call({
    summary: 'Correct a posting by reversing it whole; each reversing movement points at the one it undoes.',
    input: z.object({ postingId: id, reason }),
    output: z.object({ postingId: z.number() }),
    access: CLERK_DIRECTOR
  }),
  'parts.transfer': call({
    summary: 'Move parts from one location to another (main store ↔ service station) in one posting.',
    input: z.object({ fromLocationId: id, toLocationId: id, lines: z.array(movementLine).min(1).max(500), note: optionalText(200).default(null) }),
    output: z.object({ postingId: z.number() }),
    access: CLERK
  }),
  'parts.scrap': call({
    summary: 'Scrap parts at a location, with the reason.',
    input: z.object({ locationId: id, lines: z.array(movementLine).min(1).max(200), reason }),
    output: z.object({ postingId: z.number() }),
    access: CLERK
  }),
  'parts.warrantyWriteOff': call({
    summary: 'Write off a part replaced under warranty against the work order and service report; the old part is expected back.',
    input: z.object({
      locationId: id.default(1),
      partId: id,
      qty,
      workOrderId: id,
      serviceReport: requiredText(40),
      oldPartDescription: optionalText(120).default(null),
      oldPartReturned: z.boolean().default(false)
    }),
    output: z.object({ postingId: z.number(), oldPartId: z.number() }),
    access: CLERK
  }),
  'parts.returnToStock': call({
    summary: 'Take back unused parts issued on a requisition line; the line’s issued quantity goes down.',
    input: z.object({ requisitionLineId: id, qty, reason: optionalText(200).default(null) }),
    output: z.object({ postingId: z.number() }),
    access: CLERK
  }),
  'parts.requisitions.create': call({
    summary: 'Ask for parts for a work order (領料單); it waits for approval.',
    input: z.object({ workOrderId: id, locationId: id.default(1), lines: z.array(movementLine).min(1).max(100), note: optionalText(200).default(null) }),
    output: requisition,
    access: REQUESTERS
  }),
  'parts.requisitions.get': call({ summary: 'A requisition with its lines and stock on hand.', input: z.object({ id }), output: requisition, access: READERS }),
  'parts.requisitions.list': call({
    summary: 'Requisitions by status or work order, newest first.',
    input: z.object({ status: z.enum([...REQUISITION_STATUSES, 'open']).optional(), workOrderId: id.optional(), limit: z.number().int().min(1).max(500).default(100) }),
    output: z.array(requisition),
    access: READERS
  }),
  'parts.requisitions.approve': call({
    summary: 'Approve a requisition; the shop’s thresholds decide which roles may approve its amount.',
    input: z.object({ id, version, note: optionalText(200).default(null) }),
    output: requisition,
    access: APPROVERS
  }),
  'parts.requisitions.reject': call({ summary: 'Refuse a requisition, saying why.', input: z.object({ id, version, note: reason }), output: requisition, access: APPROVERS }),
  'parts.requisitions.issue': call({
    summary: 'Issue approved parts, partly if stock is short; what is not issued stays open.',
    input: z.object({ id, version, lines: z.array(z.object({ lineId: id, qty })).min(1).max(100) }),
    output: requisition,
    access: CLERK
  }),
  'parts.requisitions.close': call({
    summary: 'Close what is still open on a requisition (not needed any more), or cancel it before approval.',
    input: z.object({ id, version, note: reason }),
    output: requisition,
    access: [...CLERK, ...REQUESTERS]
  }),
  'parts.counts.start': call({
    summary: 'Start a stock count (盤點) of a location: all parts, one category, or a range of bins.',
    input: z.object({ locationId: id, categoryId: id.nullable().default(null), binFrom: optionalText(20).default(null), binTo: optionalText(20).default(null) }),
    output: count,
    access: CLERK
  }),
  'parts.counts.list': call({ summary: 'Stock counts, newest first.', input: z.object({}), output: z.array(count), access: READERS }),
  'parts.counts.get': call({ summary: 'A count: header and progress (no expected quantities: entry is blind).', input: z.object({ id }), output: count, access: READERS }),
  'parts.counts.enter': call({
    summary: 'Enter a counted quantity by part no. (a scanner types it and Enter); the ledger balance at this moment is kept for the variance.',
    input: z.object({ countId: id, partNo: text(40), qty: z.number().int().min(0).max(1_000_000), mode: z.enum(['set', 'add']).default('set') }),
    output: z.object({ lineId: z.number(), partNo: z.string(), name: z.string(), unit: z.string(), bin: z.string().nullable(), counted: z.number(), countedLines: z.number(), lines: z.number() }),
    access: CLERK
  }),
  'parts.counts.variances': call({
    summary: 'Each counted line’s variance in quantity and value, and what is not counted yet.',
    input: z.object({ id }),
    output: z.object({ lines: z.array(varianceLine), uncounted: z.number(), totalDiffCents: z.number() }),
    access: CLERK_DIRECTOR
  }),
  'parts.counts.post': call({
    summary: 'Post the count: every variance becomes a count adjustment with its typed reason, in one transaction.',
    input: z.object({ id, version, reasons: z.array(z.object({ lineId: id, reason })).max(5000) }),
    output: count,
    access: CLERK_DIRECTOR
  }),
  'parts.counts.reverse': call({ summary: 'Reverse a posted count as a whole.', input: z.object({ id, version, reason }), output: count, access: CLERK_DIRECTOR }),
  'parts.counts.cancel': call({ summary: 'Abandon an open count; nothing was posted.', input: z.object({ id, version }), output: count, access: CLERK }),
  'parts.oldParts.list': call({
    summary: 'Old parts (舊件): those of one month with what was done with each, or those due back and not returned.',
    input: z.object({ month: month.optional(), dueOnly: z.boolean().default(false) }),
    output: z.array(oldPart),
    access: READERS
  }),
  'parts.oldParts.receive': call({ summary: 'The old part came back to the warehouse.', input: z.object({ id, version }), output: oldPart, access: CLERK }),
  'parts.oldParts.dispose': call({
    summary: 'Say what was done with an old part.',
    input: z.object({ id, version, status: z.enum(['scrapped', 'returned_to_customer', 'kept', 'claimed']), note: optionalText(200).default(null) }),
    output: oldPart,
    access: CLERK
  }),
  'parts.claims.create': call({
    summary: 'Draft a supplier re-claim (二次索賠) for a failed warranty part.',
    input: z.object({
      supplierId: id,
      partId: id.nullable().default(null),
      oldPartId: id.nullable().default(null),
      workOrderId: id.nullable().default(null),
      qty: qty.default(1),
      fault: requiredText(200),
      claimedCents: cents,
      note: optionalText(200).default(null)
    }),
    output: claim,
    access: CLERK_DIRECTOR
  }),
  'parts.claims.advance': call({
    summary: 'Move a claim on: draft → sent → accepted / rejected → credited (with the amount recovered).',
    input: z.object({ id, version, to: z.enum(['sent', 'accepted', 'rejected', 'credited']), recoveredCents: cents.optional(), note: optionalText(200).default(null) }),
    output: claim,
    access: CLERK_DIRECTOR
  }),
  'parts.claims.list': call({
    summary: 'Claims (open ones, or all) with their age, and the open ones summed by supplier.',
    input: z.object({ openOnly: z.boolean().default(true) }),
    output: z.object({
      items: z.array(claim),
      bySupplier: z.array(z.object({ supplierId: z.number(), supplierName: z.string(), open: z.number(), claimedCents: z.number(), oldestDays: z.number() }))
    }),
    access: READERS
  }),
  'parts.reconcile': call({
    summary: 'What the clerk must explain: issued but on no work order, on a work order but never issued, approved but not issued, old parts overdue.',
    input: z.object({}),
    output: z.object({
      workOrderLinesLinked: z.boolean(),
      issuedNoWorkOrder: z.array(z.object({ workOrderId: z.number(), workOrderNumber: z.string(), workOrderStatus: z.string(), partId: z.number(), partNo: z.string(), name: z.string(), issued: z.number(), onWorkOrder: z.number() })),
      onWorkOrderNotIssued: z.array(z.object({ workOrderId: z.number(), workOrderNumber: z.string(), partId: z.number(), partNo: z.string(), name: z.string(), onWorkOrder: z.number(), issued: z.number() })),
      approvedNotIssued: z.array(z.object({ requisitionId: z.number(), number: z.string(), workOrderNumber: z.string(), partNo: z.string(), name: z.string(), open: z.number(), decidedAt: z.string().nullable() })),
      oldPartsDue: z.array(oldPart)
    }),
    access: READERS
  }),
  'parts.verify': call({
    summary: '"Verify ledger": every cached balance checked against what the journal sums to.',
    input: z.object({}),
    output: z.object({ checked: z.number(), mismatches: z.array(z.object({ partId: z.number(), partNo: z.string(), locationId: z.number(), cached: z.number(), journal: z.number() })) }),
    access: CLERK_DIRECTOR
  }),
  'parts.reports.stock': call({
    summary: 'Stock on hand and its value (at cost) by location and category.',
    input: z.object({ locationId: id.optional() }),
    output: z.object({ groups: z.array(moneyByGroup), totalQty: z.number(), totalValueCents: z.number() }),
    access: READERS
  }),
  'parts.reports.lowStock': call({
    summary: 'Parts whose available stock (on hand less reserved) is at or below their reorder level.',
    input: z.object({ limit: z.number().int().min(1).max(2000).default(500) }),
    output: z.array(part),
    access: READERS
  }),
  'parts.reports.ledgerCard': call({
    summary: 'A part’s ledger card (台帳卡): every movement with the running balance.',
    input: z.object({ partId: id, locationId: id.optional(), limit: z.number().int().min(1).max(5000).default(500) }),
    output: z.object({ part, entries: z.array(ledgerEntry), more: z.boolean() }),
    access: READERS
  }),
  'parts.reports.failures': call({
    summary: 'Warranty failures by watched category per month, for the quality team.',
    input: z.object({ fromMonth: month, toMonth: month }),
    output: z.object({ months: z.array(z.string()), rows: z.array(z.object({ categoryId: z.number(), categoryCode: z.string(), categoryName: z.string(), counts: z.array(z.number()), total: z.number() })) }),
    access: READERS
  }),
  'parts.print.receipt': call({ summary: 'The receipt note, in duplicate on one A4.', input: z.object({ id, locale: locale.optional() }), output: documentRef, access: READERS }),
  'parts.print.requisition': call({ summary: 'The requisition (領料單) to sign.', input: z.object({ id, locale: locale.optional() }), output: documentRef, access: READERS }),
  'parts.print.countSheet': call({ summary: 'The count sheet: bins and parts, no quantities.', input: z.object({ id, locale: locale.optional() }), output: documentRef, access: READERS }),
  'parts.print.binLabels': call({
    summary: 'Bin labels with a QR of the part no., for the given parts or a range of bins.',
    input: z.object({ partIds: z.array(id).max(500).default([]), binFrom: optionalText(20).default(null), binTo: optionalText(20).default(null), locale: locale.optional() }),
    output: documentRef,
    access: READERS
  }),
  'parts.print.ledgerCard': call({ summary: 'A part’s ledger card.', input: z.object({ partId: id, locationId: id.optional(), locale: locale.optional() }), output: documentRef, access: READERS })
} as const
