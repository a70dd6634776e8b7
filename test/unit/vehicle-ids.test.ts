import { describe, expect, it } from 'vitest'
import { formatPlate, isValidPhone, isValidPlate, maskPhone, normalizePhone, plateKey, vinCheckDigit, vinProblem } from '../../src/shared/vehicle-ids'

describe('plates', () => {
  it.each(['粤B12345', '粤B·12345', '粵B 12345', '京AD12345', '沪A·D1234', 'ABC-1234', 'AB 1234', '粤B1234挂'])('takes %s', (p) =>
    expect(isValidPlate(p)).toBe(true)
  )
  it.each(['', '粤B12', '粤12345', '粤BI2345', 'B', '粤B123456789', "'; DROP TABLE", '粤B12345678'])('refuses %s', (p) =>
    expect(isValidPlate(p)).toBe(false)
  )
  it('gives one key to the simplified and traditional spelling of a plate', () => {
    expect(plateKey('粵B·12345')).toBe(plateKey('粤b 12345'))
  })
  it('writes mainland plates with the dot after the city letter', () => {
    expect(formatPlate('粤b12345')).toBe('粤B·12345')
    expect(formatPlate('abc-1234')).toBe('ABC-1234')
  })
})

describe('VINs', () => {
  it('computes the GB 16735 / ISO 3779 check digit', () => {
    expect(vinCheckDigit('1M8GDM9AXKP042788')).toBe('X')
  })
  it('refuses a VIN with I, O or Q or of the wrong length', () => {
    expect(vinProblem('LSVAU218XN2183294')).toBe(null)
    expect(vinProblem('LSVAU2180N218329')).toBe('vin_format')
    expect(vinProblem('LSVAU2I80N2183294')).toBe('vin_format')
  })
  it('refuses a Chinese-market VIN whose check digit does not match (one character mistyped)', () => {
    expect(vinProblem('LSVAU2180N2183294')).toBe('vin_check_digit')
  })
  it('takes an import VIN on format alone (makers outside China need not use the check digit)', () => {
    expect(vinProblem('WVWZZZ1KZAW000001')).toBe(null)
  })
})

describe('phones', () => {
  it.each(['13812345678', '138 1234 5678', '+86 138-1234-5678', '0755-12345678', '0912345678', '+44 20 7946 0958', '91234567'])(
    'takes %s',
    (p) => expect(isValidPhone(p)).toBe(true)
  )
  it.each(['12', '1381234567', 'abc', '138123456789', '23456', '<script>'])('refuses %s', (p) => expect(isValidPhone(p)).toBe(false))
  it('drops +86 from a mainland mobile so both spellings are one number', () => {
    expect(normalizePhone('+86 138 1234 5678')).toBe('13812345678')
  })
  it('masks all but the first three and last four digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678')
  })
})
