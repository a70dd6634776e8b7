/**
 * Money is integer cents (分) everywhere; floats never hold an amount. Rates and discounts are
 * basis points (1 % = 100 bp) so that their arithmetic stays in integers too.
 */

/** Rounds half away from zero, as Chinese invoices do (四舍五入). */
export function roundHalfUp(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x))
}

/** quantity × unit price, quantity in thousandths (so 1.5 h = 1500) to keep it integral. */
export function lineAmount(unitCents: number, quantityMilli: number): number {
  return roundHalfUp((unitCents * quantityMilli) / 1000)
}

/** An amount less a discount in basis points (1000 = 10 %). */
export function applyDiscount(cents: number, discountBp: number): number {
  return cents - roundHalfUp((cents * discountBp) / 10_000)
}

/** Tax on a net amount at a rate in basis points (1300 = 13 %). */
export function taxOn(netCents: number, rateBp: number): number {
  return roundHalfUp((netCents * rateBp) / 10_000)
}

export function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0)
}

/** Parses what a person types as yuan ("12.5", "¥1,200.00") into cents, or null if it is not money. */
export function parseYuan(text: string): number | null {
  const t = text.replace(/[¥￥,\s]/g, '')
  if (!/^-?\d+(\.\d{1,2})?$/.test(t)) return null
  const [whole, frac = ''] = t.replace('-', '').split('.')
  const cents = Number(whole) * 100 + Number(frac.padEnd(2, '0'))
  return t.startsWith('-') ? -cents : cents
}
