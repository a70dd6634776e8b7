import { z } from 'zod'
import { call } from './define'
import { id, isoInstant, requiredText, text, version } from './common'
import { COUNTER_ROLES } from '../roles'
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

export const auditRow = z.object({
  id,
  at: z.string(),
  staffId: z.number().nullable(),
  staffName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  changes: z.record(z.string(), z.unknown())
})
export type AuditRow = z.infer<typeof auditRow>

const MANAGERS = ['admin', 'service_director', 'frontdesk_supervisor'] as const

export const auditContract = {
  'audit.history': call({
    summary: "A record's history: who changed what, when, from what to what (newest first).",
    input: z.object({ entity: z.enum(['customer', 'vehicle', 'staff', 'settings']), entityId: z.union([id, text(40)]) }),
    output: z.array(auditRow),
    access: COUNTER_ROLES
  }),
  'audit.search': call({
    summary: 'Search the audit trail by who, what kind of record, a word in the change, and a period. It cannot be edited.',
    input: z.object({
      staffId: id.optional(),
      entity: text(40).optional(),
      text: text(60).optional(),
      from: isoInstant.optional(),
      to: isoInstant.optional(),
      beforeId: id.optional(),
      limit: z.number().int().min(1).max(500).default(100)
    }),
    output: z.object({ rows: z.array(auditRow), more: z.boolean() }),
    access: [...MANAGERS]
  })
} as const

const rotation = z.object({
  daily: z.number().int().min(1).max(60),
  weekly: z.number().int().min(0).max(52),
  monthly: z.number().int().min(0).max(120)
})
const backupFile = z.object({ file: z.string(), at: z.string(), bytes: z.number().int(), kept: z.boolean() })

export const backupContract = {
  'backup.status': call({
    summary: 'The backup folder, the rotation, the last good backup and the files in the folder.',
    input: z.object({}),
    output: z.object({
      folder: z.string(),
      customFolder: z.string().nullable(),
      rotation,
      lastBackupAt: z.string().nullable(),
      files: z.array(backupFile)
    }),
    access: ['admin']
  }),
  'backup.configure': call({
    summary: 'Where backups go (a USB drive or a network share) and how many daily, weekly and monthly ones are kept.',
    input: z.object({ folder: z.union([text(400), z.null()]).transform((f) => f || null), rotation }),
    output: z.object({ ok: z.literal(true) }),
    access: ['admin']
  }),
  'backup.now': call({
    summary: 'Make a backup now (online: the app keeps working while it copies).',
    input: z.object({}),
    output: z.object({ file: z.string(), bytes: z.number().int(), deleted: z.array(z.string()) }),
    access: ['admin']
  }),
  'backup.restore': call({
    summary: 'Replace the data with a backup from the backup folder, after checking it; the current data is kept aside first.',
    input: z.object({ file: text(200).pipe(z.string().regex(/^[\w.-]+\.sqlite3$/, { message: 'staff.backup_name' })) }),
    output: z.object({ restored: z.string(), safetyCopy: z.string(), schemaVersion: z.number().int() }),
    access: ['admin']
  }),
  'backup.export': call({
    summary: 'The whole database as one file, for moving to a new PC (saved in the backup folder and offered for download).',
    input: z.object({}),
    output: z.object({ documentId: z.string(), fileName: z.string(), path: z.string(), bytes: z.number().int() }),
    access: ['admin']
  })
} as const
