import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { lineTotal, totalsOf } from '../../src/main/domain/workorders/totals'
import { addMonths } from '../../src/main/domain/workorders/dates'

const excl = { taxRateBp: 1300, pricesIncludeTax: false }

describe('work-order totals in integer cents', () => {
  it('rounds each line half up to the cent: 1.5 h at ¥120.33 less 10 % is ¥162.45', () => {
    // 1.5 × 12033 = 18049.5 → 18050; 10 % of 18050 = 1805 → 16245
    expect(lineTotal({ section: 'labour', qtyMilli: 1500, unitCents: 12_033, discountBp: 1000 })).toBe(16_245)
  })
  it('rounds a half cent of tax up, never down (四舍五入)', () => {
    // 13 % of 1250 cents = 162.5 → 163
    expect(totalsOf([{ section: 'parts', qtyMilli: 1000, unitCents: 1250, discountBp: 0 }], excl)).toMatchObject({ subtotalCents: 1250, taxCents: 163, totalCents: 1413 })
  })
  it('takes the tax out of prices that include it, so net + tax = what the customer pays', () => {
    const t = totalsOf([{ section: 'parts', qtyMilli: 1000, unitCents: 11_300, discountBp: 0 }], { taxRateBp: 1300, pricesIncludeTax: true })
    expect(t).toMatchObject({ subtotalCents: 10_000, taxCents: 1300, totalCents: 11_300 })
  })
  it('lists customer-supplied parts without charging them', () => {
    const t = totalsOf([{ section: 'customer_parts', qtyMilli: 2000, unitCents: 5000, discountBp: 0 }], excl)
    expect(t.totalCents).toBe(0)
  })
  it('leaves out lines no longer charged (a declined repair)', () => {
    const t = totalsOf(
      [
        { section: 'diagnosis', qtyMilli: 1000, unitCents: 10_000, discountBp: 0, charged: true },
        { section: 'labour', qtyMilli: 2000, unitCents: 12_000, discountBp: 0, charged: false }
      ],
      excl
    )
    expect(t).toMatchObject({ subtotalCents: 10_000, taxCents: 1300, totalCents: 11_300 })
  })
  it('always gives integers, and the printed lines add up to the subtotal', () => {
    const line = fc.record({
      section: fc.constantFrom('labour', 'parts', 'outside', 'other', 'diagnosis'),
      qtyMilli: fc.integer({ min: 1, max: 50_000 }),
      unitCents: fc.integer({ min: 0, max: 5_000_000 }),
      discountBp: fc.integer({ min: 0, max: 10_000 })
    })
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), fc.integer({ min: 0, max: 3000 }), fc.boolean(), (lines, rate, incl) => {
        const t = totalsOf(lines, { taxRateBp: rate, pricesIncludeTax: incl })
        for (const v of [t.subtotalCents, t.taxCents, t.totalCents]) expect(Number.isInteger(v)).toBe(true)
        expect(t.subtotalCents + t.taxCents).toBe(t.totalCents)
        if (!incl) expect(t.subtotalCents).toBe(lines.reduce((a, l) => a + lineTotal(l), 0))
      })
    )
  })
})

describe('warranty end dates', () => {
  it('adds calendar months, landing on the last day of a shorter month', () => {
    expect(addMonths('2026-12-04', 3)).toBe('2027-03-04')
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28')
    expect(addMonths('2026-12-31', 12)).toBe('2027-12-31')
  })
})
