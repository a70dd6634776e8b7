/**
 * Plates, VINs and phone numbers as the counter types them. Pure functions: the renderer uses
 * them for instant form feedback, main uses them to refuse bad input.
 */

// Province abbreviations on mainland plates, simplified with their traditional forms.
const PROVINCES_SIMPLIFIED = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼'
const TRADITIONAL_TO_SIMPLIFIED: Record<string, string> = {
  滬: '沪', 雲: '云', 遼: '辽', 魯: '鲁', 蘇: '苏', 贛: '赣', 晉: '晋', 陝: '陕', 閩: '闽',
  貴: '贵', 粵: '粤', 寧: '宁', 瓊: '琼'
}
const PROVINCE_CHARS = PROVINCES_SIMPLIFIED + Object.keys(TRADITIONAL_TO_SIMPLIFIED).join('')
// Letters I and O are not used on mainland plates; the last character may be a special suffix.
const MAINLAND_PLATE = new RegExp(
  `^[${PROVINCE_CHARS}][A-HJ-NP-Z][A-HJ-NP-Z0-9]{4,5}[A-HJ-NP-Z0-9挂學学警港澳領领試试超]$`
)
// Taiwan (ABC-1234), Hong Kong (AB 1234), Macau and export plates: letters and digits only.
const LATIN_PLATE = /^(?=.*\d)[A-Z0-9]{2,8}$/

/** Strip what people type between the characters of a plate, VIN or query: spaces, dots, dashes. */
export function compact(text: string): string {
  return text
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s·•．.\-_]/g, '')
}

/** The key two spellings of one plate share (粵B·12345, 粤b 12345 → 粤B12345). */
export function plateKey(plate: string): string {
  const c = compact(plate)
  const first = c.charAt(0)
  return (TRADITIONAL_TO_SIMPLIFIED[first] ?? first) + c.slice(1)
}

export function isValidPlate(plate: string): boolean {
  const c = compact(plate)
  return MAINLAND_PLATE.test(c) || LATIN_PLATE.test(c)
}

/** How a plate is written on the board and on sheets: 粤B·12345, ABC-1234 as typed. */
export function formatPlate(plate: string): string {
  const c = compact(plate)
  if (MAINLAND_PLATE.test(c)) return `${c.slice(0, 2)}·${c.slice(2)}`
  return plate.normalize('NFKC').toUpperCase().trim().replace(/\s+/g, ' ')
}

const VIN_FORMAT = /^[A-HJ-NPR-Z0-9]{17}$/
const VIN_VALUES: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9
}
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]

export function vinCheckDigit(vin: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const ch = vin.charAt(i)
    const value = /\d/.test(ch) ? Number(ch) : (VIN_VALUES[ch] ?? 0)
    sum += value * (VIN_WEIGHTS[i] ?? 0)
  }
  const rest = sum % 11
  return rest === 10 ? 'X' : String(rest)
}

export type VinProblem = 'vin_format' | 'vin_check_digit'

/**
 * A VIN is 17 characters without I, O or Q. Vehicles made for the Chinese market (WMI starting
 * with L) carry the GB 16735 check digit in position 9, so a typo there is caught; imports from
 * makers that do not use it are taken on format alone.
 */
export function vinProblem(vin: string): VinProblem | null {
  const c = compact(vin)
  if (!VIN_FORMAT.test(c)) return 'vin_format'
  if (c.startsWith('L') && c.charAt(8) !== vinCheckDigit(c)) return 'vin_check_digit'
  return null
}

const PHONE_PATTERNS = [
  /^1[3-9]\d{9}$/, // mainland mobile
  /^0\d{2,3}\d{7,8}$/, // mainland landline with area code
  /^09\d{8}$/, // Taiwan mobile
  /^0[2-8]\d{7,8}$/, // Taiwan landline
  /^[2-9]\d{7}$/, // Hong Kong / Macau
  /^\+\d{8,15}$/ // international
]

/** Phones keep digits and a leading +; spaces, dashes and brackets are dropped. */
export function normalizePhone(phone: string): string {
  const n = phone.normalize('NFKC').trim()
  const plus = n.startsWith('+') ? '+' : ''
  const digits = n.replace(/[^\d]/g, '')
  // +86 138… is the same line as 138…
  if (plus && digits.startsWith('86') && /^1[3-9]\d{9}$/.test(digits.slice(2))) return digits.slice(2)
  return plus + digits
}

export function isValidPhone(phone: string): boolean {
  const raw = phone.normalize('NFKC').trim()
  if (!/^[+\d\s\-()]+$/.test(raw)) return false
  const n = normalizePhone(raw)
  return PHONE_PATTERNS.some((p) => p.test(n))
}

/** 138****5678: what roles that do not call customers see. */
export function maskPhone(phone: string): string {
  if (phone.length <= 4) return '****'
  const keep = Math.min(3, phone.length - 4)
  return phone.slice(0, keep) + '*'.repeat(phone.length - keep - 4) + phone.slice(-4)
}
