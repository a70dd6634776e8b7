import { z } from 'zod'
import { call } from './define'
import { id, locale } from './common'
import { COUNTER_ROLES } from '../roles'

export const documentRef = z.object({
  documentId: z.string(),
  fileName: z.string(),
  pages: z.number().int(),
  bytes: z.number().int()
})
export type DocumentRef = z.infer<typeof documentRef>

export const systemContract = {
  'system.info': call({
    summary: 'Version, schema version and where the data lives.',
    input: z.object({}),
    output: z.object({
      version: z.string(),
      schemaVersion: z.number().int(),
      dataFile: z.string(),
      counts: z.object({ customers: z.number().int(), vehicles: z.number().int() })
    }),
    access: 'signed-in'
  }),
  'system.changes': call({
    summary: 'Waits (long poll) until something newer than `since` was written, by any window or workstation; returns which calls wrote.',
    input: z.object({ since: z.number().int().min(0), waitMs: z.number().int().min(0).max(30_000).default(25_000) }),
    output: z.object({
      seq: z.number().int(),
      reset: z.boolean(),
      changes: z.array(z.object({ seq: z.number().int(), call: z.string(), at: z.string() }))
    }),
    access: 'signed-in'
  }),
  'demo.fill': call({
    summary: 'Fill an empty database with a believable demo shop.',
    input: z.object({ customers: z.number().int().min(1).max(5000).default(300) }),
    output: z.object({ customers: z.number().int(), vehicles: z.number().int() }),
    access: ['admin']
  }),
  'print.customerCard': call({
    summary: "Render a customer & vehicle card as PDF; returns a reference to open, print or save.",
    input: z.object({ customerId: id, locale: locale.optional() }),
    output: documentRef,
    access: COUNTER_ROLES
  }),
  'documents.show': call({
    summary: 'Desktop only: open the system print dialog for a rendered document, or save it as PDF.',
    input: z.object({ documentId: z.string().max(64), action: z.enum(['print', 'save']) }),
    output: z.object({ done: z.boolean(), path: z.string().nullable() }),
    access: 'signed-in'
  })
} as const
