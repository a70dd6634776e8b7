/** The shop's roles (SPEC "Who uses it"); a person may hold several. */
export const ROLES = [
  'advisor',
  'frontdesk_supervisor',
  'workshop_supervisor',
  'warehouse_clerk',
  'service_director',
  'followup_agent',
  'admin'
] as const

export type Role = (typeof ROLES)[number]

/** Everyone who works the counter or the phone: the roles that see customers in full. */
export const COUNTER_ROLES: readonly Role[] = [
  'advisor',
  'frontdesk_supervisor',
  'workshop_supervisor',
  'service_director',
  'followup_agent',
  'admin'
]

export const ALL_ROLES: readonly Role[] = ROLES
