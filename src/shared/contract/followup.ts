import { z } from 'zod'
import { call } from './define'
import { id, locale, optionalText, requiredText, text, version } from './common'
import { documentRef } from './system'
import { declinedItem } from './workorders'
import { COUNTER_ROLES, type Role } from '../roles'
import { LOCAL_DATE, LOCAL_DATE_TIME } from '../time'

/** The roles that phone customers: they see phone numbers in full; everyone else sees 138****5678. */
export const CALLING_ROLES: readonly Role[] = ['followup_agent', 'frontdesk_supervisor', 'service_director', 'advisor']
/** Who works the follow-up lists. */
const FOLLOWUP_ROLES: readonly Role[] = CALLING_ROLES
/** Whose list an overdue request or a complaint's escalation lands on. */
export const SUPERVISOR_ROLES: readonly Role[] = ['frontdesk_supervisor', 'service_director']
const COMPLAINT_RECORDERS: readonly Role[] = ['followup_agent', 'frontdesk_supervisor', 'service_director', 'advisor', 'workshop_supervisor']
const COMPLAINT_HANDLERS: readonly Role[] = ['followup_agent', 'frontdesk_supervisor', 'service_director', 'workshop_supervisor']

const localDate = z.string().regex(LOCAL_DATE, { message: 'followup.date' })
const localDateTime = z.string().regex(LOCAL_DATE_TIME, { message: 'followup.datetime' })

export const TASK_KINDS = ['first_call', 'second_call', 'service_due', 'campaign_call', 'campaign_letter', 'tell_customer', 'unreachable_sms', 'unreachable_letter'] as const
export const OUTCOMES = ['reached', 'no_answer', 'wrong_number', 'call_back'] as const
export const VEHICLE_RUNS = ['well', 'minor_issue', 'problem'] as const
export const INBOUND_PURPOSES = ['enquiry', 'booking', 'request', 'complaint', 'other'] as const
export const COMPLAINT_CATEGORIES = ['attitude', 'quality', 'parts', 'price', 'time'] as const
export const DEPARTMENTS = ['front_desk', 'workshop', 'parts', 'finance', 'management'] as const
export const COMPLAINT_CHANNELS = ['call', 'counter', 'letter', 'online', 'other'] as const
export const COMPLAINT_STATUSES = ['open', 'acknowledged', 'investigated', 'resolved', 'confirmed', 'archived'] as const
export const LETTER_KINDS = ['notice', 'invitation', 'reply', 'reminder'] as const

export const followupSettings = z.object({
  skipWeekends: z.boolean(),
  firstCallFromDays: z.number().int().min(1).max(14),
  firstCallByDays: z.number().int().min(1).max(21),
  secondCallByDays: z.number().int().min(1).max(14),
  noAnswerRetryHours: z.number().int().min(1).max(48),
  unreachableDays: z.number().int().min(1).max(30),
  unreachableFallback: z.enum(['sms', 'letter']),
  reminderLeadDays: z.number().int().min(0).max(60),
  reminderLookbackDays: z.number().int().min(0).max(365),
  kmPerDay: z.number().int().min(1).max(1000),
  campaignNoticeDays: z.number().int().min(1).max(60),
  campaignLetterDays: z.number().int().min(0).max(14),
  requestDueHours: z.number().int().min(1).max(240),
  fileCompleteDays: z.number().int().min(0).max(30),
  allowAdvisorCalls: z.boolean()
})
export type FollowupSettings = z.infer<typeof followupSettings>

const reason = z.object({
  workOrderNumber: z.string().nullable(),
  deliveredOn: z.string().nullable(),
  firstCallOn: z.string().nullable(),
  serviceDueOn: z.string().nullable(),
  serviceDueBy: z.enum(['months', 'km']).nullable(),
  dueKm: z.number().nullable(),
  estimatedKm: z.number().nullable(),
  campaignTitle: z.string().nullable(),
  eventOn: z.string().nullable(),
  requestText: z.string().nullable(),
  solution: z.string().nullable(),
  previousOutcome: z.string().nullable()
})

export const task = z.object({
  id,
  kind: z.enum(TASK_KINDS),
  channel: z.enum(['phone', 'sms', 'letter']),
  status: z.enum(['open', 'done', 'failed', 'cancelled']),
  customerId: id,
  customerName: z.string(),
  phone: z.string(),
  address: z.string().nullable(),
  vehicleId: id.nullable(),
  plate: z.string().nullable(),
  model: z.string().nullable(),
  workOrderId: id.nullable(),
  servedById: id.nullable(),
  servedByName: z.string().nullable(),
  assignedTo: id.nullable(),
  assignedName: z.string().nullable(),
  dueFrom: z.string(),
  dueBy: z.string(),
  overdueDays: z.number().int(),
  attempts: z.number().int(),
  unreachedSince: z.string().nullable(),
  nextTryAt: z.string().nullable(),
  reason,
  version
})
export type FollowupTask = z.infer<typeof task>

export const callRecord = z.object({
  id,
  direction: z.enum(['out', 'in']),
  taskId: id.nullable(),
  purpose: z.string(),
  customerId: id.nullable(),
  customerName: z.string().nullable(),
  callerName: z.string().nullable(),
  phone: z.string(),
  plate: z.string().nullable(),
  staffId: id,
  staffName: z.string(),
  at: z.string(),
  outcome: z.enum(OUTCOMES),
  callBackAt: z.string().nullable(),
  vehicleRuns: z.string().nullable(),
  satisfaction: z.number().int().nullable(),
  customerWords: z.string().nullable(),
  notes: z.string().nullable()
})
export type CallRecord = z.infer<typeof callRecord>

export const request = z.object({
  id,
  customerId: id,
  customerName: z.string(),
  phone: z.string(),
  text: z.string(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  dueAt: z.string(),
  status: z.enum(['open', 'solved']),
  escalated: z.boolean(),
  solution: z.string().nullable(),
  solvedAt: z.string().nullable(),
  version
})
export type FollowupRequest = z.infer<typeof request>

export const complaintSummary = z.object({
  id,
  number: z.string(),
  customerId: id,
  customerName: z.string(),
  category: z.enum(COMPLAINT_CATEGORIES),
  department: z.string().nullable(),
  status: z.enum(COMPLAINT_STATUSES),
  receivedAt: z.string(),
  ageHours: z.number().int(),
  ackDueAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  investigateDueAt: z.string(),
  investigatedAt: z.string().nullable(),
  escalationLevel: z.number().int(),
  description: z.string(),
  workOrderNumber: z.string().nullable(),
  plate: z.string().nullable()
})
export type ComplaintSummary = z.infer<typeof complaintSummary>

export const complaint = complaintSummary.extend({
  phone: z.string(),
  vehicleId: id.nullable(),
  workOrderId: id.nullable(),
  staffId: id.nullable(),
  staffName: z.string().nullable(),
  callId: id.nullable(),
  channel: z.string(),
  findings: z.string().nullable(),
  serviceFault: z.boolean().nullable(),
  escalatedAt: z.string().nullable(),
  resolution: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  satisfied: z.boolean().nullable(),
  confirmedAt: z.string().nullable(),
  archivedAt: z.string().nullable(),
  steps: z.array(z.object({ at: z.string(), staffName: z.string().nullable(), step: z.string(), note: z.string().nullable() })),
  version
})
export type Complaint = z.infer<typeof complaint>

export const letter = z.object({
  id,
  number: z.string(),
  customerId: id,
  customerName: z.string(),
  address: z.string().nullable(),
  kind: z.enum(LETTER_KINDS),
  subject: z.string(),
  body: z.string(),
  letterDate: z.string(),
  campaignId: id.nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string()
})
export type Letter = z.infer<typeof letter>

export const campaign = z.object({
  id,
  title: z.string(),
  kind: z.enum(['event', 'offer']),
  eventDate: z.string(),
  message: z.string(),
  audienceMake: z.string().nullable(),
  audienceVisitedMonths: z.number().nullable(),
  customers: z.number().int(),
  callsDone: z.number().int(),
  lettersDone: z.number().int(),
  noticeOn: z.string(),
  cancelledAt: z.string().nullable(),
  version
})
export type Campaign = z.infer<typeof campaign>

const visit = z.object({
  workOrderId: id,
  number: z.string(),
  vehicleId: id,
  plate: z.string(),
  status: z.string(),
  openedAt: z.string(),
  deliveredAt: z.string().nullable(),
  mileageKm: z.number().nullable(),
  workDone: z.string().nullable(),
  totalCents: z.number().int(),
  advisorName: z.string().nullable()
})

export const customerFile = z.object({
  customerId: id,
  name: z.string(),
  phone: z.string(),
  phone2: z.string().nullable(),
  address: z.string().nullable(),
  wants: z.string().nullable(),
  missing: z.array(z.string()),
  vehicles: z.array(
    z.object({
      id,
      plate: z.string(),
      make: z.string().nullable(),
      model: z.string().nullable(),
      vehicleType: z.string(),
      mileageKm: z.number().nullable(),
      serviceIntervalKm: z.number().nullable(),
      serviceIntervalMonths: z.number().nullable(),
      lastServiceOn: z.string().nullable(),
      lastServiceKm: z.number().nullable(),
      estimatedKmToday: z.number().nullable(),
      nextServiceOn: z.string().nullable(),
      nextServiceBy: z.enum(['months', 'km']).nullable(),
      nextServiceKm: z.number().nullable()
    })
  ),
  visits: z.array(visit),
  openTasks: z.array(task),
  history: z.array(
    z.object({
      at: z.string(),
      kind: z.enum(['visit', 'call', 'letter', 'complaint', 'request']),
      refId: id,
      title: z.string(),
      detail: z.string().nullable(),
      staffName: z.string().nullable()
    })
  )
})
export type CustomerFile = z.infer<typeof customerFile>

const callBase = z.object({
  outcome: z.enum(OUTCOMES),
  /** Shop-local time the customer asked to be called back at. */
  callBackAt: localDateTime.optional(),
  vehicleRuns: z.enum(VEHICLE_RUNS).optional(),
  satisfaction: z.number().int().min(1).max(5).optional(),
  customerWords: optionalText(1000).default(null),
  request: optionalText(500).default(null),
  complaint: z
    .object({
      category: z.enum(COMPLAINT_CATEGORIES),
      department: z.enum(DEPARTMENTS).optional(),
      description: requiredText(1000),
      staffId: id.optional()
    })
    .optional(),
  notes: optionalText(500).default(null)
})

const exportFile = z.object({ fileName: z.string(), mime: z.string(), base64: z.string(), rows: z.number().int() })
export type ExportFile = z.infer<typeof exportFile>

const registerFilter = z.object({
  from: localDate.optional(),
  to: localDate.optional(),
  direction: z.enum(['out', 'in']).optional(),
  outcome: z.enum(OUTCOMES).optional(),
  staffId: id.optional(),
  customerId: id.optional(),
  purpose: text(30).optional(),
  query: text(60).optional()
})

const recordResult = z.object({
  call: callRecord,
  taskStatus: z.enum(['open', 'done', 'failed', 'cancelled']).nullable(),
  nextTaskId: id.nullable(),
  requestId: id.nullable(),
  complaintId: id.nullable()
})

export const followupContract = {
  'followup.settings.get': call({
    summary: 'Follow-up rules: call windows, whether weekends are skipped, unreachable and request limits.',
    input: z.object({}),
    output: followupSettings,
    access: COUNTER_ROLES
  }),
  'followup.settings.update': call({
    summary: 'Change the follow-up rules (windows, weekends, fallbacks).',
    input: followupSettings.refine((s) => s.firstCallFromDays <= s.firstCallByDays, { message: 'followup.window', path: ['firstCallByDays'] }),
    output: followupSettings,
    access: ['frontdesk_supervisor', 'service_director', 'admin']
  }),
  'followup.today': call({
    summary:
      "Today's follow-up list: brings the plan up to date (new deliveries, service due dates, campaigns), then lists what is due, overdue first, with why.",
    input: z.object({
      assigned: z.enum(['mine', 'unassigned', 'all']).default('all'),
      limit: z.number().int().min(1).max(1000).default(300)
    }),
    output: z.object({
      today: z.string(),
      total: z.number().int(),
      overdue: z.number().int(),
      items: z.array(task)
    }),
    access: FOLLOWUP_ROLES
  }),
  'followup.tasks.get': call({
    summary: 'One follow-up task with its reason, its earlier calls and the work the customer declined, for the call screen.',
    input: z.object({ id }),
    output: task.extend({ calls: z.array(callRecord), declined: z.array(declinedItem) }),
    access: FOLLOWUP_ROLES
  }),
  'followup.tasks.assign': call({
    summary: "Give a task to an agent (or nobody); by default not to the advisor who served the customer.",
    input: z.object({ id, version, staffId: id.nullable() }),
    output: task,
    access: SUPERVISOR_ROLES
  }),
  'followup.tasks.split': call({
    summary: "Share today's unassigned tasks among the agents named, in turn, skipping each task's own advisor.",
    input: z.object({ staffIds: z.array(id).min(1).max(50) }),
    output: z.object({ assigned: z.number().int(), skipped: z.number().int() }),
    access: SUPERVISOR_ROLES
  }),
  'followup.tasks.complete': call({
    summary: 'Mark a text-message or letter task done (a letter task registers its letter).',
    input: z.object({ id, version, note: optionalText(300).default(null) }),
    output: z.object({ task, letterId: id.nullable() }),
    access: FOLLOWUP_ROLES
  }),
  'followup.calls.record': call({
    summary:
      'Record an outbound follow-up call on a task: reached / no answer / wrong number / call back at; the task, second call, request and complaint follow.',
    input: callBase.extend({ taskId: id, taskVersion: version }),
    output: recordResult,
    access: FOLLOWUP_ROLES
  }),
  'followup.calls.inbound': call({
    summary: 'Record a call the shop received (or a call made outside the plan) in the call register.',
    input: callBase.extend({
      direction: z.enum(['in', 'out']).default('in'),
      customerId: id.optional(),
      callerName: optionalText(40).default(null),
      phone: text(30).pipe(z.string().min(3, { message: 'required' })),
      purpose: z.enum(INBOUND_PURPOSES)
    }),
    output: recordResult,
    access: FOLLOWUP_ROLES
  }),
  'followup.calls.register': call({
    summary: 'The call register (电话登记表): every call in and out, filtered, newest first.',
    input: registerFilter.extend({ limit: z.number().int().min(1).max(2000).default(500) }),
    output: z.object({ items: z.array(callRecord), more: z.boolean() }),
    access: COUNTER_ROLES
  }),
  'followup.calls.export': call({
    summary: 'The call register as an XLSX file; the export and who made it go in the audit trail.',
    input: registerFilter,
    output: exportFile,
    access: CALLING_ROLES
  }),
  'followup.requests.list': call({
    summary: "Customers' requests: open ones with their due time, the supervisor's list (overdue), or solved.",
    input: z.object({ view: z.enum(['open', 'supervisor', 'solved']).default('open') }),
    output: z.array(request),
    access: FOLLOWUP_ROLES
  }),
  'followup.requests.solve': call({
    summary: 'Record the solution to a request; a task to tell the customer today follows.',
    input: z.object({ id, version, solution: requiredText(500) }),
    output: z.object({ request, tellTaskId: id }),
    access: FOLLOWUP_ROLES
  }),
  'followup.complaints.list': call({
    summary: 'Complaints: open ones with their age (default), or all including archived.',
    input: z.object({ view: z.enum(['open', 'all']).default('open'), customerId: id.optional() }),
    output: z.array(complaintSummary),
    access: COUNTER_ROLES
  }),
  'followup.complaints.get': call({
    summary: 'A complaint with its steps.',
    input: z.object({ id }),
    output: complaint,
    access: COUNTER_ROLES
  }),
  'followup.complaints.create': call({
    summary: 'Record a complaint (at the counter, by letter…); acknowledge within 24 h, investigate within 48 h.',
    input: z.object({
      customerId: id,
      vehicleId: id.optional(),
      workOrderId: id.optional(),
      staffId: id.optional(),
      channel: z.enum(COMPLAINT_CHANNELS),
      category: z.enum(COMPLAINT_CATEGORIES),
      department: z.enum(DEPARTMENTS).optional(),
      description: requiredText(1000)
    }),
    output: complaint,
    access: COMPLAINT_RECORDERS
  }),
  'followup.complaints.step': call({
    summary:
      'Move a complaint on: acknowledge, investigate (findings, whether the service was at fault), escalate, resolve, confirm the customer is satisfied (or not), archive.',
    input: z.discriminatedUnion('step', [
      z.object({ step: z.literal('acknowledge'), id, version, note: optionalText(500).default(null) }),
      z.object({
        step: z.literal('investigate'),
        id,
        version,
        findings: requiredText(1000),
        serviceFault: z.boolean(),
        department: z.enum(DEPARTMENTS),
        staffId: id.optional()
      }),
      z.object({ step: z.literal('escalate'), id, version, note: requiredText(500) }),
      z.object({ step: z.literal('resolve'), id, version, resolution: requiredText(1000) }),
      z.object({ step: z.literal('confirm'), id, version, satisfied: z.boolean(), note: optionalText(500).default(null) }),
      z.object({ step: z.literal('archive'), id, version })
    ]),
    output: complaint,
    access: COMPLAINT_HANDLERS
  }),
  'followup.letters.list': call({
    summary: 'The letter register (信函登记表): letters by date, newest first.',
    input: z.object({ from: localDate.optional(), to: localDate.optional(), customerId: id.optional(), limit: z.number().int().min(1).max(2000).default(500) }),
    output: z.array(letter),
    access: COUNTER_ROLES
  }),
  'followup.letters.create': call({
    summary: 'Register a letter (notice, invitation, reply, reminder) to a customer.',
    input: z.object({
      customerId: id,
      kind: z.enum(LETTER_KINDS),
      subject: requiredText(80),
      body: requiredText(4000),
      letterDate: localDate.optional(),
      complaintId: id.optional()
    }),
    output: letter,
    access: FOLLOWUP_ROLES
  }),
  'followup.letters.print': call({
    summary: 'Print a registered letter on the letterhead (PDF).',
    input: z.object({ id, locale: locale.optional() }),
    output: documentRef,
    access: FOLLOWUP_ROLES
  }),
  'followup.letters.export': call({
    summary: 'Letters for mail merge (CSV or XLSX: name, address, subject, body); recorded in the audit trail.',
    input: z.object({ ids: z.array(id).min(1).max(5000), format: z.enum(['csv', 'xlsx']) }),
    output: exportFile,
    access: FOLLOWUP_ROLES
  }),
  'followup.campaigns.list': call({
    summary: 'Events and offers with their phone notice date and progress.',
    input: z.object({}),
    output: z.array(campaign),
    access: FOLLOWUP_ROLES
  }),
  'followup.campaigns.create': call({
    summary:
      'An event or offer with a date: a phone notice to each customer in the audience two weeks before, then a letter within two days after the call.',
    input: z.object({
      title: requiredText(60),
      kind: z.enum(['event', 'offer']),
      eventDate: localDate,
      message: requiredText(2000),
      audienceMake: optionalText(40).default(null),
      audienceVisitedMonths: z.number().int().min(1).max(120).optional()
    }),
    output: campaign,
    access: SUPERVISOR_ROLES
  }),
  'followup.customerFile': call({
    summary:
      "A customer's file for follow-up: vehicles with last and next service, visits and work done, open tasks, and the history of visits, calls, letters, complaints and requests.",
    input: z.object({ customerId: id }),
    output: customerFile,
    access: COUNTER_ROLES
  }),
  'followup.filesToComplete': call({
    summary: 'Customer files still missing required items two days after a visit.',
    input: z.object({ limit: z.number().int().min(1).max(1000).default(200) }),
    output: z.array(
      z.object({
        customerId: id,
        customerName: z.string(),
        vehicleId: id,
        plate: z.string(),
        visitedAt: z.string(),
        workOrderNumber: z.string(),
        missing: z.array(z.string())
      })
    ),
    access: COUNTER_ROLES
  }),
  'followup.print.callRegister': call({
    summary: 'Print the call register (电话登记表) for a period (PDF).',
    input: registerFilter.extend({ locale: locale.optional() }),
    output: documentRef,
    access: COUNTER_ROLES
  })
} as const
