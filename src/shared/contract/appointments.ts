import { z } from 'zod'
import { call } from './define'
import { id, locale, optionalText, requiredText, version } from './common'
import { documentRef } from './system'
import { COUNTER_ROLES, type Role } from '../roles'
import { LOCAL_DATE, LOCAL_DATE_TIME } from '../time'

/** Who books, moves and works the bookings; the workshop supervisor reads the board and the late calls. */
const BOOKERS: readonly Role[] = ['advisor', 'frontdesk_supervisor', 'service_director', 'admin']
const READERS: readonly Role[] = COUNTER_ROLES
const SETTERS: readonly Role[] = ['frontdesk_supervisor', 'service_director', 'admin']

export const localDate = z.string().regex(LOCAL_DATE, { message: 'board.date' })
export const localDateTime = z.string().regex(LOCAL_DATE_TIME, { message: 'board.date_time' })
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, { message: 'board.time' })

export const APPOINTMENT_STATUSES = ['booked', 'confirmed', 'reminded', 'arrived', 'late', 'checked_in', 'no_show', 'cancelled'] as const
export const SERVICE_TYPES = ['maintenance', 'repair', 'warranty', 'inspection'] as const
export const CHANNELS = ['phone', 'walk_in', 'online'] as const
export const REMIND_RESULTS = ['coming', 'coming_late', 'no_answer', 'rescheduling', 'cancelling'] as const
export const LATE_CALL_RESULTS = ['on_the_way', 'delayed', 'no_answer', 'not_coming'] as const
/** Ticked items of the counter's task list; confirming and the reminder call are status steps. */
export const TICK_TASKS = [
  'bay_clean',
  'lane_free',
  'kit_three_piece',
  'kit_settings_card',
  'kit_seat_sticker',
  'kit_slip',
  'kit_work_order',
  'kit_checkin_sheet',
  'kit_roof_sign'
] as const
export const TASK_KINDS = ['confirm', 'call', ...TICK_TASKS] as const

export const appointmentStatus = z.enum(APPOINTMENT_STATUSES)
export type AppointmentStatus = z.infer<typeof appointmentStatus>

const openingDay = z.object({ open: hhmm, close: hhmm }).nullable()
export const boardSettings = z.object({
  /** Index 0 = Sunday … 6 = Saturday; null = closed. */
  openingHours: z.array(openingDay).length(7),
  intervalMinutes: z.number().int().min(0).max(480),
  windowMinutes: z.number().int().min(0).max(120),
  slotMinutes: z.number().int().min(5).max(60),
  defaultDurationMinutes: z.number().int().min(15).max(720)
})
export type BoardSettings = z.infer<typeof boardSettings>

export const bay = z.object({ id, name: z.string(), sort: z.number().int(), active: z.boolean(), version })
export type Bay = z.infer<typeof bay>

export const block = z.object({
  id,
  bayId: id.nullable(),
  advisorId: id.nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  reason: z.string().nullable(),
  label: z.string()
})
export type Block = z.infer<typeof block>

const partNeeded = z.object({
  partId: id.nullable().default(null),
  description: requiredText(120),
  qty: z.number().int().min(1).max(999)
})
export const appointmentPart = z.object({ id, partId: id.nullable(), description: z.string(), qty: z.number().int() })

export const appointment = z.object({
  id,
  number: z.string(),
  customerId: id,
  customerName: z.string(),
  phone: z.string(),
  vehicleId: id,
  plate: z.string(),
  model: z.string().nullable(),
  advisorId: id,
  advisorName: z.string(),
  bayId: id.nullable(),
  heldBayId: id.nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: appointmentStatus,
  serviceType: z.enum(SERVICE_TYPES),
  complaint: z.string().nullable(),
  channel: z.enum(CHANNELS),
  notes: z.string().nullable(),
  bookedDiscount: z.boolean(),
  arrival: z.enum(['on_time', 'late']).nullable(),
  arrivedAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  confirmedBy: z.string().nullable(),
  remindedAt: z.string().nullable(),
  remindedBy: z.string().nullable(),
  remindResult: z.string().nullable(),
  remindNote: z.string().nullable(),
  lateCallAt: z.string().nullable(),
  lateCallBy: z.string().nullable(),
  lateCallResult: z.string().nullable(),
  lateCallDelay: z.number().int().nullable(),
  lateCallNote: z.string().nullable(),
  cancelReason: z.string().nullable(),
  heldUntil: z.string().nullable(),
  workOrderId: z.number().int().nullable(),
  parts: z.array(appointmentPart),
  version
})
export type Appointment = z.infer<typeof appointment>

const slot = z.object({ startsAt: z.string(), endsAt: z.string(), bayId: id, bayName: z.string(), advisorId: id })
export type FreeSlot = z.infer<typeof slot>

const bookingFields = z.object({
  customerId: id,
  vehicleId: id,
  advisorId: id,
  bayId: id,
  startsAt: localDateTime,
  durationMinutes: z.number().int().min(15).max(720),
  serviceType: z.enum(SERVICE_TYPES),
  complaint: optionalText(500).default(null),
  parts: z.array(partNeeded).max(30).default([]),
  channel: z.enum(CHANNELS),
  notes: optionalText(500).default(null)
})
export type BookingInput = z.output<typeof bookingFields>

const task = z.object({
  appointmentId: id,
  number: z.string(),
  plate: z.string(),
  customerName: z.string(),
  startsAt: z.string(),
  task: z.enum(TASK_KINDS),
  dueAt: z.string(),
  done: z.boolean(),
  doneBy: z.string().nullable(),
  doneAt: z.string().nullable()
})
export type BoardTask = z.infer<typeof task>

const rate = z.number().nullable()
export const figureRow = z.object({
  period: z.string(),
  from: z.string(),
  to: z.string(),
  bookings: z.number().int(),
  due: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  noShow: z.number().int(),
  cancelled: z.number().int(),
  intake: z.number().int(),
  bookedIntake: z.number().int(),
  bookingRate: rate,
  onTimeRate: rate,
  noShowRate: rate
})
export type FigureRow = z.infer<typeof figureRow>

const withVersion = z.object({ id, version })

export const appointmentsContract = {
  'appointments.settings.get': call({
    summary: 'The board settings: opening hours per weekday, advisor interval, ±window, bays and blocked time.',
    input: z.object({}),
    output: z.object({ settings: boardSettings, bays: z.array(bay), blocks: z.array(block) }),
    access: 'signed-in'
  }),
  'appointments.settings.update': call({
    summary: 'Change opening hours, the minimum interval between one advisor’s bookings, the ±window and the grid.',
    input: boardSettings,
    output: boardSettings,
    access: SETTERS
  }),
  'appointments.bays.save': call({
    summary: 'Add a bay (no id) or rename, reorder or retire one (id and version).',
    input: z.object({ id: id.optional(), version: version.optional(), name: requiredText(30), sort: z.number().int().min(0).max(999), active: z.boolean().default(true) }),
    output: bay,
    access: SETTERS
  }),
  'appointments.blocks.add': call({
    summary: 'Block time: a bay out of service or an advisor on leave.',
    input: z.object({ bayId: id.nullable().default(null), advisorId: id.nullable().default(null), startsAt: localDateTime, endsAt: localDateTime, reason: optionalText(100).default(null) }),
    output: block,
    access: SETTERS
  }),
  'appointments.blocks.remove': call({
    summary: 'Remove a blocked period.',
    input: z.object({ id }),
    output: z.object({ ok: z.literal(true) }),
    access: SETTERS
  }),
  'appointments.board': call({
    summary: 'One day of the board (today when no date is given): bays, advisors, bookings, carried-over jobs, blocked time, late calls and unsigned days.',
    input: z.object({ date: localDate.optional() }),
    output: z.object({
      date: z.string(),
      today: z.string(),
      now: z.string(),
      opening: openingDay,
      settings: boardSettings,
      bays: z.array(bay),
      advisors: z.array(z.object({ id, name: z.string() })),
      appointments: z.array(appointment),
      carriedOver: z.array(z.object({ appointmentId: id, number: z.string(), plate: z.string(), bayId: id, until: z.string() })),
      blocks: z.array(block),
      unsignedDays: z.array(z.string()),
      signoff: z.object({ by: z.string(), at: z.string() }).nullable()
    }),
    access: READERS
  }),
  'appointments.get': call({
    summary: 'One booking with its parts.',
    input: z.object({ id }),
    output: appointment,
    access: READERS
  }),
  'appointments.book': call({
    summary: 'Book a customer’s vehicle into a bay with an advisor; refused on a clash, naming it and offering the next free slots.',
    input: bookingFields,
    output: appointment,
    access: BOOKERS
  }),
  'appointments.update': call({
    summary: 'Change what a booking is for (service type, the customer’s words, parts, channel, notes); times go through move.',
    input: bookingFields.pick({ serviceType: true, complaint: true, parts: true, channel: true, notes: true }).extend({ id, version }),
    output: appointment,
    access: BOOKERS
  }),
  'appointments.move': call({
    summary: 'Reschedule or resize a booking, or give it another bay or advisor, with the same clash check as booking.',
    input: z.object({ id, version, startsAt: localDateTime, durationMinutes: z.number().int().min(15).max(720), bayId: id, advisorId: id }),
    output: appointment,
    access: BOOKERS
  }),
  'appointments.freeSlots': call({
    summary: 'The next free slots for a booking of this length with this advisor, from a time on.',
    input: z.object({ advisorId: id, bayId: id.optional(), from: localDateTime, durationMinutes: z.number().int().min(15).max(720), exceptId: id.optional(), limit: z.number().int().min(1).max(10).default(3) }),
    output: z.array(slot),
    access: READERS
  }),
  'appointments.confirm': call({
    summary: 'The day before: the advisor has checked the bay, the parts and the reception time (booked → confirmed).',
    input: withVersion.extend({ bayChecked: z.literal(true), partsChecked: z.literal(true), timeChecked: z.literal(true) }),
    output: appointment,
    access: BOOKERS
  }),
  'appointments.remind': call({
    summary: 'The call an hour before, with its result (→ reminded; a customer who cancels on the call → cancelled).',
    input: withVersion.extend({ result: z.enum(REMIND_RESULTS), note: optionalText(300).default(null) }),
    output: appointment,
    access: BOOKERS
  }),
  'appointments.arrive': call({
    summary: 'The customer is here: on time within the ±window, else late (keeps the labour discount, loses the held bay).',
    input: withVersion,
    output: appointment,
    access: BOOKERS
  }),
  'appointments.lateCall': call({
    summary: 'A customer past the window: the call’s result and the expected delay, shown to the workshop supervisor.',
    input: withVersion.extend({ result: z.enum(LATE_CALL_RESULTS), delayMinutes: z.number().int().min(0).max(600).nullable().default(null), note: optionalText(300).default(null) }),
    output: appointment,
    access: BOOKERS
  }),
  'appointments.noShow': call({
    summary: 'The customer did not come (only once the window has passed).',
    input: withVersion,
    output: appointment,
    access: BOOKERS
  }),
  'appointments.cancel': call({
    summary: 'Cancel a booking that has not arrived; the bay and the advisor’s time are free again.',
    input: withVersion.extend({ reason: requiredText(200) }),
    output: appointment,
    access: BOOKERS
  }),
  'appointments.carryOver': call({
    summary: 'A checked-in job still in its bay: it keeps the bay until this time (null releases it).',
    input: withVersion.extend({ until: localDateTime.nullable() }),
    output: appointment,
    access: [...BOOKERS, 'workshop_supervisor']
  }),
  'appointments.tasks': call({
    summary: 'The counter’s timed task list for a day: confirm tomorrow, calls an hour before, bay and lane, each booking’s kit.',
    input: z.object({ date: localDate }),
    output: z.array(task),
    access: READERS
  }),
  'appointments.tasks.tick': call({
    summary: 'Tick (or untick) a task of a booking; records who and when.',
    input: z.object({ appointmentId: id, task: z.enum(TICK_TASKS), done: z.boolean() }),
    output: task,
    access: BOOKERS
  }),
  'appointments.signOff': call({
    summary: 'The service director signs off a past day’s arrivals once every booking of it is settled.',
    input: z.object({ date: localDate, note: optionalText(300).default(null) }),
    output: z.object({ date: z.string(), by: z.string(), at: z.string() }),
    access: ['service_director']
  }),
  'appointments.figures': call({
    summary: 'Booking rate (booked intake / all intake), on-time arrival rate and no-show rate per day, week or month.',
    input: z.object({ period: z.enum(['day', 'week', 'month']), from: localDate, to: localDate }),
    output: z.array(figureRow),
    access: ['frontdesk_supervisor', 'workshop_supervisor', 'service_director', 'admin']
  }),
  'appointments.print.summary': call({
    summary: 'The daily appointment summary (日預約匯總表) of a day as PDF; after the day with arrivals filled in.',
    input: z.object({ date: localDate, locale: locale.optional() }),
    output: documentRef,
    access: READERS
  }),
  'appointments.print.slip': call({
    summary: 'The appointment slip (預約單) of one booking as PDF.',
    input: z.object({ id, locale: locale.optional() }),
    output: documentRef,
    access: READERS
  }),
  'appointments.print.windscreenCard': call({
    summary: 'The windscreen card of one booking as PDF: plate, time and advisor, big enough to read through glass.',
    input: z.object({ id, locale: locale.optional() }),
    output: documentRef,
    access: READERS
  })
} as const
