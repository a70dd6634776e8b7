import { z } from 'zod'
import { call } from './define'
import { id, locale, requiredText } from './common'
import { ROLES } from '../roles'

export const pin = z.string().regex(/^\d{4,6}$/, { message: 'pin' })
export const role = z.enum(ROLES)

export const staffMember = z.object({ id, name: z.string(), roles: z.array(role) })
export type StaffMember = z.infer<typeof staffMember>

export const session = z.object({ token: z.string(), staff: staffMember, expiresAt: z.string() })
export type Session = z.infer<typeof session>

export const authContract = {
  'auth.status': call({
    summary: 'What the "who is at the counter" screen needs: whether the shop is set up, who can sign in, the language.',
    input: z.object({}),
    output: z.object({
      needsSetup: z.boolean(),
      staff: z.array(z.object({ id, name: z.string() })),
      locale: locale.nullable()
    }),
    access: 'public'
  }),
  'auth.setup': call({
    summary: 'First start: create the administrator with a PIN. Refused once any staff exists.',
    input: z.object({ name: requiredText(40), pin, locale: locale.optional() }),
    output: session,
    access: 'public'
  }),
  'auth.signIn': call({
    summary: 'Sign in with a PIN; five wrong PINs in a row lock the person for a while.',
    input: z.object({ staffId: id, pin: z.string().max(12) }),
    output: session,
    access: 'public'
  }),
  'auth.signOut': call({
    summary: 'End this session.',
    input: z.object({}),
    output: z.object({ ok: z.literal(true) }),
    access: 'signed-in'
  }),
  'auth.me': call({
    summary: 'Who is signed in on this session.',
    input: z.object({}),
    output: staffMember,
    access: 'signed-in'
  })
} as const
