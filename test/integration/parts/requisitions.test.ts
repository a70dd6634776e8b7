import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { partsShop, type PartsShop } from './fixture'

let s: PartsShop
beforeEach(async () => {
  s = await partsShop()
})
afterEach(() => s.shop.close())

async function requisition(lines: Array<{ partId: number; qty: number }>, workOrderId = s.workOrderId) {
  return s.shop.call(s.advisor, 'parts.requisitions.create', { workOrderId, lines })
}

describe('requisitions (領料單)', () => {
  it('lets the workshop supervisor approve under ¥500 but not ¥600, which needs a manager', async () => {
    const filter = await s.part('FL-01', { costCents: 4_000 })
    const small = await requisition([{ partId: filter, qty: 10 }]) // ¥400
    expect(small.approverRoles).toEqual(['workshop_supervisor', 'service_director'])
    expect((await s.shop.call(s.workshop, 'parts.requisitions.approve', { id: small.id, version: small.version })).status).toBe('approved')
    const big = await requisition([{ partId: filter, qty: 15 }]) // ¥600
    const err = await s.shop.refusal(s.workshop, 'parts.requisitions.approve', { id: big.id, version: big.version })
    expect(err.code).toBe('parts.approval_role')
    expect(err.params).toMatchObject({ amount: '600.00', roles: ['frontdesk_supervisor', 'service_director'] })
    expect((await s.shop.call(s.frontdesk, 'parts.requisitions.approve', { id: big.id, version: big.version })).status).toBe('approved')
  })

  it('reserves requisitions above ¥2,000 for the service director, as the shop set it', async () => {
    const motor = await s.part('MT-01', { costCents: 250_000 })
    const r = await requisition([{ partId: motor, qty: 1 }])
    expect((await s.shop.refusal(s.frontdesk, 'parts.requisitions.approve', { id: r.id, version: r.version })).code).toBe('parts.approval_role')
    expect((await s.shop.refusal(s.advisor, 'parts.requisitions.approve', { id: r.id, version: r.version })).code).toBe('forbidden')
    expect((await s.shop.call(s.director, 'parts.requisitions.approve', { id: r.id, version: r.version })).decidedByName).toBe('孙总监')
  })

  it('follows thresholds the shop changes', async () => {
    await s.shop.call(s.director, 'parts.settings.update', {
      approvalTiers: [
        { upToCents: 100_000, roles: ['workshop_supervisor'] },
        { upToCents: null, roles: ['service_director'] }
      ],
      oldPartDueDays: 7
    })
    const filter = await s.part('FL-01', { costCents: 4_000 })
    const r = await requisition([{ partId: filter, qty: 20 }]) // ¥800
    expect((await s.shop.call(s.workshop, 'parts.requisitions.approve', { id: r.id, version: r.version })).status).toBe('approved')
    const bad = await s.shop.refusal(s.director, 'parts.settings.update', {
      approvalTiers: [{ upToCents: 100_000, roles: ['workshop_supervisor'] }],
      oldPartDueDays: 7
    })
    expect(bad.code).toBe('parts.tiers_shape')
  })

  it('refuses to issue before approval', async () => {
    const pad = await s.part('BP-01')
    await s.receive([{ partId: pad, qty: 5 }])
    const r = await requisition([{ partId: pad, qty: 2 }])
    const err = await s.shop.refusal(s.clerk, 'parts.requisitions.issue', { id: r.id, version: r.version, lines: [{ lineId: r.lines[0]!.id, qty: 2 }] })
    expect(err.code).toBe('parts.requisition_status')
  })

  it('issues part of a line when stock is short and leaves the rest open, then issues the rest after a receipt', async () => {
    const pad = await s.part('BP-01', { costCents: 1_000 })
    await s.receive([{ partId: pad, qty: 3 }])
    let r = await requisition([{ partId: pad, qty: 5 }])
    r = await s.shop.call(s.workshop, 'parts.requisitions.approve', { id: r.id, version: r.version })
    const tooMany = await s.shop.refusal(s.clerk, 'parts.requisitions.issue', { id: r.id, version: r.version, lines: [{ lineId: r.lines[0]!.id, qty: 5 }] })
    expect(tooMany.code).toBe('parts.insufficient_stock')
    expect(tooMany.params).toMatchObject({ partNo: 'BP-01', location: '主仓库', onHand: 3, wanted: 5 })
    r = await s.shop.call(s.clerk, 'parts.requisitions.issue', { id: r.id, version: r.version, lines: [{ lineId: r.lines[0]!.id, qty: 3 }] })
    expect(r.status).toBe('partly_issued')
    expect(r.lines[0]).toMatchObject({ qty: 5, issuedQty: 3, onHand: 0 })
    const rec = await s.shop.call(s.clerk, 'parts.reconcile', {})
    expect(rec.approvedNotIssued).toMatchObject([{ number: r.number, partNo: 'BP-01', open: 2 }])
    await s.receive([{ partId: pad, qty: 10 }])
    const over = await s.shop.refusal(s.clerk, 'parts.requisitions.issue', { id: r.id, version: r.version, lines: [{ lineId: r.lines[0]!.id, qty: 3 }] })
    expect(over.code).toBe('parts.issue_exceeds_approved')
    r = await s.shop.call(s.clerk, 'parts.requisitions.issue', { id: r.id, version: r.version, lines: [{ lineId: r.lines[0]!.id, qty: 2 }] })
    expect(r.status).toBe('issued')
    expect(s.onHand(pad)).toBe(8)
    expect((await s.shop.call(s.clerk, 'parts.reconcile', {})).approvedNotIssued).toEqual([])
  })

  it('takes unused parts back on the line and reopens what was returned', async () => {
    const pad = await s.part('BP-01')
    await s.receive([{ partId: pad, qty: 4 }])
    let r = await requisition([{ partId: pad, qty: 4 }])
    r = await s.shop.call(s.workshop, 'parts.requisitions.approve', { id: r.id, version: r.version })
    r = await s.shop.call(s.clerk, 'parts.requisitions.issue', { id: r.id, version: r.version, lines: [{ lineId: r.lines[0]!.id, qty: 4 }] })
    await s.shop.call(s.clerk, 'parts.returnToStock', { requisitionLineId: r.lines[0]!.id, qty: 1, reason: '多领' })
    expect(s.onHand(pad)).toBe(1)
    expect((await s.shop.call(s.clerk, 'parts.requisitions.get', { id: r.id })).lines[0]!.issuedQty).toBe(3)
    const err = await s.shop.refusal(s.clerk, 'parts.returnToStock', { requisitionLineId: r.lines[0]!.id, qty: 4 })
    expect(err.code).toBe('parts.return_exceeds_issued')
  })

  it('undoes an issue by reversal: stock back, issued quantity back, the requisition open again', async () => {
    const pad = await s.part('BP-01')
    await s.receive([{ partId: pad, qty: 4 }])
    let r = await requisition([{ partId: pad, qty: 2 }])
    r = await s.shop.call(s.workshop, 'parts.requisitions.approve', { id: r.id, version: r.version })
    r = await s.shop.call(s.clerk, 'parts.requisitions.issue', { id: r.id, version: r.version, lines: [{ lineId: r.lines[0]!.id, qty: 2 }] })
    const issue = s.shop.core.db.prepare("SELECT posting_id AS p FROM part_movements WHERE kind = 'issue'").get() as { p: number }
    await s.shop.call(s.clerk, 'parts.movements.reverse', { postingId: issue.p, reason: '发错件' })
    expect(s.onHand(pad)).toBe(4)
    const after = await s.shop.call(s.clerk, 'parts.requisitions.get', { id: r.id })
    expect(after.status).toBe('approved')
    expect(after.lines[0]!.issuedQty).toBe(0)
  })

  it('closes what is still open on a partly issued requisition', async () => {
    const pad = await s.part('BP-01')
    await s.receive([{ partId: pad, qty: 1 }])
    let r = await requisition([{ partId: pad, qty: 2 }])
    r = await s.shop.call(s.workshop, 'parts.requisitions.approve', { id: r.id, version: r.version })
    r = await s.shop.call(s.clerk, 'parts.requisitions.issue', { id: r.id, version: r.version, lines: [{ lineId: r.lines[0]!.id, qty: 1 }] })
    r = await s.shop.call(s.clerk, 'parts.requisitions.close', { id: r.id, version: r.version, note: '客户不换了' })
    expect(r.status).toBe('closed')
    expect((await s.shop.call(s.clerk, 'parts.reconcile', {})).approvedNotIssued).toEqual([])
  })

  it('refuses parts for a cancelled work order, and lists parts issued to a work order later cancelled', async () => {
    const pad = await s.part('BP-01')
    await s.receive([{ partId: pad, qty: 4 }])
    const cancelled = s.newWorkOrder('WO-X', 'cancelled')
    expect((await s.shop.refusal(s.advisor, 'parts.requisitions.create', { workOrderId: cancelled, lines: [{ partId: pad, qty: 1 }] })).code).toBe('parts.work_order_closed')
    let r = await requisition([{ partId: pad, qty: 2 }])
    r = await s.shop.call(s.workshop, 'parts.requisitions.approve', { id: r.id, version: r.version })
    await s.shop.call(s.clerk, 'parts.requisitions.issue', { id: r.id, version: r.version, lines: [{ lineId: r.lines[0]!.id, qty: 2 }] })
    s.shop.core.db.prepare("UPDATE work_orders SET status = 'cancelled' WHERE id = ?").run(s.workOrderId)
    const rec = await s.shop.call(s.clerk, 'parts.reconcile', {})
    expect(rec.issuedNoWorkOrder).toMatchObject([{ workOrderNumber: 'WO20261204-001', partNo: 'BP-01', issued: 2, workOrderStatus: 'cancelled' }])
  })

  it('compares issues with the work order’s own parts lines: issued but not on it, on it but never issued', async () => {
    const pad = await s.part('BP-01')
    const oil = await s.part('OIL-5W30')
    await s.receive([{ partId: pad, qty: 4 }, { partId: oil, qty: 4 }])
    // The work-order part's parts line (wo_lines, section 'parts', quantity in thousandths).
    s.shop.core.db
      .prepare(
        `INSERT INTO wo_lines (work_order_id, section, position, description, part_id, part_no, qty_milli, unit_cents, amount_cents)
         VALUES (?, 'parts', 1, '机油', ?, 'OIL-5W30', 1000, 8000, 8000)`
      )
      .run(s.workOrderId, oil)
    let r = await requisition([{ partId: pad, qty: 2 }])
    r = await s.shop.call(s.workshop, 'parts.requisitions.approve', { id: r.id, version: r.version })
    await s.shop.call(s.clerk, 'parts.requisitions.issue', { id: r.id, version: r.version, lines: [{ lineId: r.lines[0]!.id, qty: 2 }] })
    const rec = await s.shop.call(s.clerk, 'parts.reconcile', {})
    expect(rec.workOrderLinesLinked).toBe(true)
    expect(rec.issuedNoWorkOrder).toMatchObject([{ partNo: 'BP-01', issued: 2, onWorkOrder: 0 }])
    expect(rec.onWorkOrderNotIssued).toMatchObject([{ partNo: 'OIL-5W30', onWorkOrder: 1, issued: 0 }])
  })
})

describe('reserved for tomorrow’s bookings', () => {
  it('shows parts booked for today (not yet checked in) and tomorrow as reserved, not available', async () => {
    const pad = await s.part('BP-01', { reorderLevel: 1 })
    await s.receive([{ partId: pad, qty: 3 }])
    const db = s.shop.core.db
    // The appointments part's tables (migration 0004): a booking and the parts it needs.
    const wo = db.prepare('SELECT customer_id AS c, vehicle_id AS v FROM work_orders WHERE id = ?').get(s.workOrderId) as { c: number; v: number }
    const advisorId = (db.prepare("SELECT id FROM staff WHERE name = '刘洋'").get() as { id: number }).id
    const insertAppointment = (startsAt: string, status: string): number =>
      Number(
        db
          .prepare(
            `INSERT INTO appointments (customer_id, vehicle_id, advisor_id, starts_at, ends_at, status, service_type, channel, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, 'maintenance', 'phone', ?, ?)`
          )
          .run(wo.c, wo.v, advisorId, startsAt, startsAt.replace(/T\d\d/, 'T23'), status, '2026-12-04T00:00:00.000Z', '2026-12-04T00:00:00.000Z').lastInsertRowid
      )
    const tomorrow = insertAppointment('2026-12-05T10:00', 'confirmed')
    const checkedIn = insertAppointment('2026-12-04T08:00', 'checked_in')
    const lateToday = insertAppointment('2026-12-04T08:30', 'late')
    const cancelled = insertAppointment('2026-12-05T11:00', 'cancelled')
    const nextWeek = insertAppointment('2026-12-11T10:00', 'booked')
    const add = db.prepare('INSERT INTO appointment_parts (appointment_id, part_id, description, qty) VALUES (?, ?, ?, ?)')
    add.run(tomorrow, pad, '刹车片', 2)
    add.run(cancelled, pad, '刹车片', 1)
    add.run(nextWeek, pad, '刹车片', 1)
    add.run(tomorrow, null, '雨刮', 1)
    add.run(checkedIn, pad, '刹车片', 5)
    add.run(lateToday, pad, '刹车片', 1)
    const found = await s.shop.call(s.advisor, 'parts.search', { query: 'BP-01' })
    expect(found.items[0]).toMatchObject({ onHand: 3, reserved: 3, available: 0 })
    const low = await s.shop.call(s.clerk, 'parts.reports.lowStock', {})
    expect(low.map((p) => p.partNo)).toEqual(['BP-01'])
  })
})
