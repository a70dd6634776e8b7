import { z } from 'zod'
import { call } from './define'
import { id, requiredText, version } from './common'
import { pin, role } from './auth'

export const staffRecord = z.object({
  id,
  name: z.string(),
  roles: z.array(role),
  active: z.boolean(),
  lockedUntil: z.string().nullable(),
  version
})
export type StaffRecord = z.infer<typeof staffRecord>

const roles = z.array(role).min(1, { message: 'roles_required' }).max(7)

export const staffContract = {
  'staff.list': call({
    summary: 'Everyone on the staff list with their roles (for pickers: advisor, technician, agent).',
    input: z.object({ includeInactive: z.boolean().default(false) }),
    output: z.array(staffRecord),
    access: 'signed-in'
  }),
  'staff.create': call({
    summary: 'Add a member of staff with roles and a first PIN.',
    input: z.object({ name: requiredText(40), roles, pin }),
    output: staffRecord,
    access: ['admin']
  }),
  'staff.update': call({
    summary: "Change a member of staff's name, roles or whether they can sign in; their open sessions follow.",
    input: z.object({ id, version, name: requiredText(40), roles, active: z.boolean() }),
    output: staffRecord,
    access: ['admin']
  }),
  'staff.setPin': call({
    summary: "Set a member of staff's PIN (an administrator, for anyone) and clear a PIN lock.",
    input: z.object({ id, pin }),
    output: staffRecord,
    access: ['admin']
  })
} as const
