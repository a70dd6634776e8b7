import { compact, plateKey } from '../../../shared/vehicle-ids'

const MAX_TERM = 12
const MAX_NAME = 30

/** Every piece of a name up to MAX_TERM characters: 王小明 → 王, 小, 明, 王小, 小明, 王小明. */
function nameTerms(name: string): string[] {
  const chars = Array.from(compact(name).toLowerCase()).slice(0, MAX_NAME)
  const out: string[] = []
  for (let i = 0; i < chars.length; i++) {
    for (let len = 1; len <= MAX_TERM && i + len <= chars.length; len++) out.push(chars.slice(i, i + len).join(''))
  }
  return out
}

/** The tails of a string from minLength up: the counter types the last digits of a phone or a plate. */
function tails(value: string, minLength: number): string[] {
  const chars = Array.from(value)
  const out: string[] = []
  for (let i = 0; i + minLength <= chars.length; i++) out.push(chars.slice(i).join(''))
  return out
}

export interface Searchable {
  name: string
  phone: string
  phone2: string | null
  plates: string[]
  vins: Array<string | null>
}

export function termsFor(c: Searchable): string[] {
  const terms = new Set<string>(nameTerms(c.name))
  for (const phone of [c.phone, c.phone2]) if (phone) for (const t of tails(phone.replace('+', ''), 4)) terms.add(t)
  for (const plate of c.plates) for (const t of tails(plateKey(plate).toLowerCase(), 3)) terms.add(t)
  for (const vin of c.vins) {
    if (!vin) continue
    terms.add(vin.toLowerCase())
    terms.add(vin.slice(-6).toLowerCase())
    terms.add(vin.slice(-8).toLowerCase())
  }
  return [...terms]
}

/**
 * The terms a query is looked up by. A long query is looked up whole (a full phone, plate or VIN
 * is a term) and by its first MAX_TERM characters (a long name), whose hits are then checked
 * for the whole query by `matchesWhole`.
 */
export function queryTerms(query: string): { terms: string[]; whole: string | null } {
  const q = plateKey(query).toLowerCase().replace(/^\+/, '')
  if (Array.from(q).length <= MAX_TERM) return { terms: [q], whole: null }
  return { terms: [q, Array.from(q).slice(0, MAX_TERM).join('')], whole: q }
}

export function matchesWhole(c: Searchable, q: string): boolean {
  const hay = [compact(c.name), c.phone, c.phone2 ?? '', ...c.plates.map(plateKey), ...c.vins.map((v) => v ?? '')]
    .join('|')
    .toLowerCase()
  return hay.includes(q)
}
