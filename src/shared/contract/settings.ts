import { z } from 'zod'
import { call } from './define'
import { locale, optionalText, requiredText } from './common'

// A logo small enough to sit in every sheet's letterhead.
const logo = z
  .string()
  .max(400_000, { message: 'logo_too_big' })
  .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/, { message: 'logo_format' })
  .nullable()

export const shopSettings = z.object({
  name: requiredText(60),
  address: optionalText(120),
  phone: optionalText(40),
  logo
})

// What settings look like coming out: plain shapes (input rules like `required` apply on the way in).
export const settings = z.object({
  shop: z.object({ name: z.string(), address: z.string().nullable(), phone: z.string().nullable(), logo: z.string().nullable() }),
  locale: locale.nullable(),
  timeZone: z.string(),
  idleLockMinutes: z.number().int().min(1).max(240)
})
export type Settings = z.infer<typeof settings>

export const settingsContract = {
  'settings.get': call({
    summary: "The shop's settings: letterhead, language, time zone.",
    input: z.object({}),
    output: settings,
    access: 'signed-in'
  }),
  'settings.setLocale': call({
    summary: 'The language of the app and of printed sheets by default.',
    input: z.object({ locale }),
    output: settings,
    access: 'signed-in'
  }),
  'settings.setIdleLock': call({
    summary: 'Minutes without a touch after which the counter PC locks and asks who is there.',
    input: z.object({ minutes: z.number().int().min(1).max(240) }),
    output: settings,
    access: ['admin']
  }),
  'settings.updateShop': call({
    summary: 'The letterhead printed on every sheet: name, address, phone, logo.',
    input: shopSettings,
    output: settings,
    access: ['admin', 'service_director']
  })
} as const
