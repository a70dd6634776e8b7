import { z } from 'zod'

/** Text fields: trimmed, bounded, so a pasted novel or a control character never reaches the file. */
export const text = (max: number) =>
  z
    .string()
    .max(max * 4, { message: 'too_long' })
    .transform((s) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim())
    .pipe(z.string().max(max, { message: 'too_long' }))

export const requiredText = (max: number) => text(max).pipe(z.string().min(1, { message: 'required' }))

export const optionalText = (max: number) =>
  z
    .union([text(max), z.null(), z.undefined()])
    .transform((s) => (s ? s : null))

export const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)
export const version = z.number().int().positive()

export const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const
export const locale = z.enum(LOCALES)
export type Locale = z.infer<typeof locale>

/** An instant, as ISO 8601 text. */
export const isoInstant = z.string().datetime({ offset: true })

export const empty = z.object({}).strict()
export const ok = z.object({ ok: z.literal(true) })
