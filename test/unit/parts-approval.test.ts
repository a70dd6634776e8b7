import { describe, expect, it } from 'vitest'
import { DEFAULT_PARTS_SETTINGS, approverRoles } from '../../src/main/domain/parts/master'

describe('who approves a requisition of a given amount (the shop’s default thresholds)', () => {
  it('lets the workshop supervisor approve up to ¥499.99', () => {
    expect(approverRoles(DEFAULT_PARTS_SETTINGS, 49_999)).toContain('workshop_supervisor')
  })
  it('needs a manager from ¥500 up to ¥1,999.99', () => {
    expect(approverRoles(DEFAULT_PARTS_SETTINGS, 50_000)).toEqual(['frontdesk_supervisor', 'service_director'])
    expect(approverRoles(DEFAULT_PARTS_SETTINGS, 199_999)).toEqual(['frontdesk_supervisor', 'service_director'])
  })
  it('needs the service director from ¥2,000', () => {
    expect(approverRoles(DEFAULT_PARTS_SETTINGS, 200_000)).toEqual(['service_director'])
    expect(approverRoles(DEFAULT_PARTS_SETTINGS, 10_000_000)).toEqual(['service_director'])
  })
})
