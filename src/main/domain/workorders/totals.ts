import { applyDiscount, lineAmount, roundHalfUp, sum, taxOn } from '../../../shared/money'

export interface PricedLine {
  section: string
  qtyMilli: number
  unitCents: number
  discountBp: number
  charged?: boolean
}

export interface TaxRule {
  taxRateBp: number
  /** Prices as entered already include tax (the tax is then the part of the total it makes up). */
  pricesIncludeTax: boolean
}

/** Parts the customer brought are listed on the order but never charged. */
export function lineTotal(l: PricedLine): number {
  if (l.section === 'customer_parts') return 0
  return applyDiscount(lineAmount(l.unitCents, l.qtyMilli), l.discountBp)
}

export interface Totals {
  subtotalCents: number
  taxCents: number
  totalCents: number
  bySection: Record<string, number>
}

/**
 * Each line is rounded to the cent on its own (as it prints), then the tax once on the sum, so the
 * printed lines always add up to the printed subtotal.
 */
export function totalsOf(lines: readonly PricedLine[], rule: TaxRule): Totals {
  const bySection: Record<string, number> = {}
  const amounts = lines.filter((l) => l.charged !== false).map((l) => {
    const a = lineTotal(l)
    bySection[l.section] = (bySection[l.section] ?? 0) + a
    return a
  })
  const subtotal = sum(amounts)
  if (rule.pricesIncludeTax) {
    const net = roundHalfUp((subtotal * 10_000) / (10_000 + rule.taxRateBp))
    return { subtotalCents: net, taxCents: subtotal - net, totalCents: subtotal, bySection }
  }
  const tax = taxOn(subtotal, rule.taxRateBp)
  return { subtotalCents: subtotal, taxCents: tax, totalCents: subtotal + tax, bySection }
}

/** The fee a customer pays who declines after diagnosis: the diagnosis and call-out lines only. */
export const FEE_SECTIONS = new Set(['diagnosis', 'callout'])
