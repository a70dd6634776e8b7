import { z } from 'zod'
import { call } from './define'
import { id, locale, optionalText, requiredText, text, version } from './common'
import { documentRef } from './system'
import { COUNTER_ROLES, type Role } from '../roles'
import { LOCAL_DATE_TIME } from '../time'

const WRITERS: readonly Role[] = ['advisor', 'frontdesk_supervisor', 'workshop_supervisor', 'service_director', 'admin']
const SETTINGS_ROLES: readonly Role[] = ['service_director', 'admin']

export const WO_STATUSES = ['open', 'approved', 'in_progress', 'waiting_parts', 'done', 'delivered', 'declined', 'cancelled'] as const
export const ACTIVE_STATUSES = ['open', 'approved', 'in_progress', 'waiting_parts', 'done'] as const
export const SECTIONS = ['diagnosis', 'labour', 'parts', 'customer_parts', 'outside', 'other', 'callout'] as const
export const DAMAGE_VIEWS = ['top', 'front', 'rear', 'left', 'right'] as const
export const DAMAGE_KINDS = ['scratch', 'dent', 'crack', 'paint', 'other'] as const
export const RESULTS = ['ok', 'soon', 'urgent', 'na'] as const
export const WARNING_LIGHTS = ['engine', 'abs', 'airbag', 'oil', 'battery', 'temperature', 'brake', 'tpms', 'esp', 'other'] as const
export const KIT = ['seat', 'wheel', 'mat'] as const
export const OLD_PART_FATES = ['returned', 'waived', 'warranty_claim'] as const
export const PAY_TYPES = ['customer', 'warranty', 'insurance', 'internal'] as const

export const woStatus = z.enum(WO_STATUSES)
export const section = z.enum(SECTIONS)
const localDateTime = z.string().regex(LOCAL_DATE_TIME, { message: 'workorders.local_time' })
const signature = z
  .string()
  .max(300_000, { message: 'workorders.signature_too_big' })
  .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/, { message: 'workorders.signature_format' })
const km = z.number().int().min(0).max(2_000_000)
const cents = z.number().int().min(0).max(100_000_000)

export const damageInput = z.object({
  view: z.enum(DAMAGE_VIEWS),
  x: z.number().int().min(0).max(1000),
  y: z.number().int().min(0).max(1000),
  kind: z.enum(DAMAGE_KINDS),
  note: optionalText(120).default(null)
})

const onsiteFields = {
  kind: z.enum(['shop', 'onsite']).default('shop'),
  onsiteAddress: optionalText(200).default(null),
  onsiteDistanceKm: z.union([z.number().int().min(0).max(5000), z.null()]).default(null),
  supplierInvolved: z.boolean().default(false),
  faultSystem: z.enum(['engine', 'chassis', 'electrical', 'body', 'other']).default('other')
}

export const lineInput = z.object({
  id: id.optional(),
  section,
  description: requiredText(120),
  partId: z.union([id, z.null()]).default(null),
  partNo: optionalText(40).default(null),
  /** Hours or quantity in thousandths: 1.5 h = 1500. */
  qtyMilli: z.number().int().min(1).max(100_000_000),
  unitCents: cents,
  /** 1000 = 10 % off. */
  discountBp: z.number().int().min(0).max(10_000).default(0),
  warrantyCategory: optionalText(30).default(null),
  inspectionItemId: z.union([id, z.null()]).default(null)
})

export const line = z.object({
  id,
  section: z.string(),
  position: z.number(),
  description: z.string(),
  partId: z.number().nullable(),
  partNo: z.string().nullable(),
  qtyMilli: z.number(),
  unitCents: z.number(),
  discountBp: z.number(),
  amountCents: z.number(),
  charged: z.boolean(),
  warrantyCategory: z.string().nullable(),
  inspectionItemId: z.number().nullable()
})
export type Line = z.infer<typeof line>

const damage = z.object({ id, view: z.string(), x: z.number(), y: z.number(), kind: z.string(), note: z.string().nullable() })
const photo = z.object({ id, subject: z.string(), subjectId: z.number().nullable(), mime: z.string(), bytes: z.number(), caption: z.string().nullable(), createdAt: z.string() })

export const inspectionItem = z.object({
  id,
  position: z.number(),
  group: z.string(),
  label: z.string(),
  unit: z.string().nullable(),
  result: z.string().nullable(),
  measurement: z.string().nullable(),
  note: z.string().nullable(),
  decision: z.string().nullable(),
  lineId: z.number().nullable()
})
export type InspectionItem = z.infer<typeof inspectionItem>

export const declinedItem = z.object({
  workOrderId: id,
  number: z.string(),
  openedAt: z.string(),
  group: z.string(),
  label: z.string(),
  result: z.string().nullable(),
  measurement: z.string().nullable(),
  note: z.string().nullable()
})
export type DeclinedItem = z.infer<typeof declinedItem>

export const warrantyItem = z.object({
  id,
  workOrderId: id,
  number: z.string(),
  description: z.string(),
  partNo: z.string().nullable(),
  category: z.string(),
  months: z.number(),
  kmLimit: z.number().nullable(),
  startsAt: z.string(),
  endsOn: z.string(),
  startKm: z.number().nullable(),
  untilKm: z.number().nullable()
})
export type WarrantyItem = z.infer<typeof warrantyItem>

const revision = z.object({
  revision: z.number(),
  totalCents: z.number(),
  approvedAt: z.string().nullable(),
  approvalMethod: z.string().nullable(),
  signerName: z.string().nullable(),
  hasSignature: z.boolean()
})

const statusStep = z.object({ from: z.string().nullable(), to: z.string(), at: z.string(), staffName: z.string().nullable(), note: z.string().nullable() })

export const workOrder = z.object({
  id,
  number: z.string(),
  status: z.string(),
  kind: z.string(),
  customerId: id,
  customerName: z.string(),
  customerPhone: z.string(),
  vehicleId: id,
  plate: z.string(),
  vin: z.string().nullable(),
  make: z.string().nullable(),
  model: z.string().nullable(),
  colour: z.string().nullable(),
  vehicleType: z.string(),
  appointmentId: z.number().nullable(),
  advisorId: z.number().nullable(),
  advisorName: z.string().nullable(),
  bay: z.string().nullable(),
  arrivalMode: z.string(),
  repairCategory: z.string(),
  payType: z.string(),
  complaint: z.string().nullable(),
  diagnosis: z.string().nullable(),
  technician: z.string().nullable(),
  workSection: z.string().nullable(),
  mileageKm: z.number().nullable(),
  openedAt: z.string(),
  promisedAt: z.string().nullable(),
  doneAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  revision: z.number(),
  approvedRevision: z.number().nullable(),
  needsApproval: z.boolean(),
  subtotalCents: z.number(),
  taxCents: z.number(),
  totalCents: z.number(),
  /** The tax rule this estimate was priced with. */
  taxRateBp: z.number(),
  pricesIncludeTax: z.boolean(),
  onsiteAddress: z.string().nullable(),
  onsiteDistanceKm: z.number().nullable(),
  supplierInvolved: z.boolean(),
  faultSystem: z.string(),
  departedAt: z.string().nullable(),
  arrivedAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
  responseDueAt: z.string().nullable(),
  writtenDueAt: z.string().nullable(),
  late: z.boolean(),
  closedReason: z.string().nullable(),
  checkin: z
    .object({
      fuelEighths: z.number(),
      warningLights: z.array(z.string()),
      tyres: z.string().nullable(),
      spareWheel: z.boolean(),
      tools: z.boolean(),
      valuables: z.string().nullable(),
      customerWords: z.string().nullable(),
      protectiveKit: z.array(z.string()),
      previousMileageKm: z.number().nullable(),
      mileageLowerConfirmed: z.boolean(),
      customerSigned: z.boolean(),
      advisorSigned: z.boolean(),
      checkedInAt: z.string(),
      checkedInBy: z.string().nullable()
    })
    .nullable(),
  damages: z.array(damage),
  photos: z.array(photo),
  inspection: z
    .object({ templateName: z.string(), startedAt: z.string(), completedAt: z.string().nullable(), inspector: z.string().nullable(), items: z.array(inspectionItem) })
    .nullable(),
  lines: z.array(line),
  revisions: z.array(revision),
  statusLog: z.array(statusStep),
  report: z
    .object({
      findings: z.string().nullable(),
      workDone: z.string().nullable(),
      oldParts: z.array(z.object({ lineId: z.number(), fate: z.string() })),
      signedAt: z.string().nullable(),
      signerName: z.string().nullable(),
      version: z.number()
    })
    .nullable(),
  /** The parts ledger's old-part records for this order (warranty write-offs), when the ledger is installed. */
  ledgerOldParts: z.array(z.object({ id, partId: z.number().nullable(), description: z.string(), status: z.string() })),
  version
})
export type WorkOrder = z.infer<typeof workOrder>

export const workOrderRow = z.object({
  id,
  number: z.string(),
  status: z.string(),
  kind: z.string(),
  plate: z.string(),
  customerName: z.string(),
  advisorId: z.number().nullable(),
  advisorName: z.string().nullable(),
  bay: z.string().nullable(),
  openedAt: z.string(),
  promisedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  late: z.boolean(),
  needsApproval: z.boolean(),
  totalCents: z.number()
})
export type WorkOrderRow = z.infer<typeof workOrderRow>

const templateItem = z.object({ label: requiredText(60), unit: optionalText(12).default(null) })
const templateGroup = z.object({ name: requiredText(40), items: z.array(templateItem).min(1).max(40) })
export const template = z.object({
  id,
  name: z.string(),
  vehicleTypes: z.array(z.string()),
  groups: z.array(z.object({ name: z.string(), items: z.array(z.object({ label: z.string(), unit: z.string().nullable() })) })),
  active: z.boolean(),
  version
})
export type InspectionTemplate = z.infer<typeof template>

export const warrantyCategory = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{0,29}$/, { message: 'workorders.category_code' }),
  label: optionalText(30).default(null),
  months: z.number().int().min(1).max(12),
  kmLimit: z.union([z.number().int().min(100).max(200_000), z.null()]).default(null)
})

export const woSettingsInput = z.object({
  taxRateBp: z.number().int().min(0).max(3000),
  pricesIncludeTax: z.boolean(),
  labourRateCents: cents,
  diagnosisFeeCents: cents,
  calloutFeeCents: cents,
  bays: z.array(requiredText(20)).max(60),
  technicians: z.array(requiredText(30)).max(100),
  workSections: z.array(requiredText(30)).max(30),
  warrantyCategories: z.array(warrantyCategory).min(1).max(30),
  defaultWarrantyCategory: z.string().max(30),
  onsiteNearKm: z.number().int().min(1).max(1000),
  onsiteNearHours: z.number().int().min(1).max(168),
  onsiteFarAnswerHours: z.number().int().min(1).max(168),
  writtenAnswerHours: z.number().int().min(1).max(168),
  warrantyTerms: optionalText(1000).default(null)
})
export const woSettings = z.object({
  taxRateBp: z.number(),
  pricesIncludeTax: z.boolean(),
  labourRateCents: z.number(),
  diagnosisFeeCents: z.number(),
  calloutFeeCents: z.number(),
  bays: z.array(z.string()),
  technicians: z.array(z.string()),
  workSections: z.array(z.string()),
  warrantyCategories: z.array(z.object({ code: z.string(), label: z.string().nullable(), months: z.number(), kmLimit: z.number().nullable() })),
  defaultWarrantyCategory: z.string(),
  onsiteNearKm: z.number(),
  onsiteNearHours: z.number(),
  onsiteFarAnswerHours: z.number(),
  writtenAnswerHours: z.number(),
  warrantyTerms: z.string().nullable()
})
export type WoSettings = z.infer<typeof woSettings>

const ref = z.object({ id, version })

export const workordersContract = {
  'workorders.list': call({
    summary: 'Work orders by status (default: every active one), advisor and bay; late ones flagged.',
    input: z.object({
      status: z.union([woStatus, z.literal('active'), z.literal('all')]).default('active'),
      advisorId: id.optional(),
      bay: text(20).optional(),
      query: text(30).optional(),
      limit: z.number().int().min(1).max(500).default(200)
    }),
    output: z.object({ items: z.array(workOrderRow), more: z.boolean() }),
    access: COUNTER_ROLES
  }),
  'workorders.get': call({
    summary: 'One work order in full: check-in, damages, inspection, lines, revisions, status trail, report.',
    input: z.object({ id }),
    output: workOrder,
    access: COUNTER_ROLES
  }),
  'workorders.vehicleContext': call({
    summary: "What the counter needs when a vehicle arrives: last mileage, items declined before, warranty, open orders.",
    input: z.object({ vehicleId: id }),
    output: z.object({
      lastMileageKm: z.number().nullable(),
      declined: z.array(declinedItem),
      warranty: z.array(warrantyItem),
      openOrders: z.array(z.object({ id, number: z.string(), status: z.string() }))
    }),
    access: COUNTER_ROLES
  }),
  'workorders.warrantyForVehicle': call({
    summary: 'Repairs and parts on this vehicle still under warranty (by date; mileage limit shown).',
    input: z.object({ vehicleId: id }),
    output: z.array(warrantyItem),
    access: COUNTER_ROLES
  }),
  'workorders.declinedForVehicle': call({
    summary: 'Inspection items the customer declined on earlier visits and has not had done since.',
    input: z.object({ vehicleId: id }),
    output: z.array(declinedItem),
    access: COUNTER_ROLES
  }),
  'workorders.checkIn': call({
    summary:
      'Check a vehicle in (接車) from a booking or as a walk-in: opens the work order with the walk-around. A mileage below the last visit is refused unless confirmed.',
    input: z.object({
      appointmentId: id.optional(),
      customerId: id.optional(),
      vehicleId: id.optional(),
      mileageKm: km,
      confirmLowerMileage: z.boolean().default(false),
      fuelEighths: z.number().int().min(0).max(8),
      warningLights: z.array(z.enum(WARNING_LIGHTS)).max(10).default([]),
      tyres: optionalText(200).default(null),
      spareWheel: z.boolean().default(true),
      tools: z.boolean().default(true),
      valuables: optionalText(200).default(null),
      customerWords: optionalText(1000).default(null),
      protectiveKit: z.array(z.enum(KIT)).max(3).default([]),
      arrivalMode: z.enum(['driven', 'towed', 'accident']).default('driven'),
      payType: z.enum(PAY_TYPES).default('customer'),
      bay: optionalText(20).default(null),
      promisedAt: z.union([localDateTime, z.null()]).default(null),
      damages: z.array(damageInput).max(60).default([]),
      customerSignature: z.union([signature, z.null()]).default(null),
      advisorSignature: z.union([signature, z.null()]).default(null),
      ...onsiteFields
    }),
    output: z.object({ id, number: z.string() }),
    access: WRITERS
  }),
  'workorders.damages.set': call({
    summary: 'Replace the damage marks on the vehicle outline (until the customer has approved the order).',
    input: ref.extend({ damages: z.array(damageInput).max(60) }),
    output: workOrder,
    access: WRITERS
  }),
  'workorders.checkin.sign': call({
    summary: 'The customer or the advisor signs the check-in sheet on screen.',
    input: ref.extend({ who: z.enum(['customer', 'advisor']), signature }),
    output: workOrder,
    access: WRITERS
  }),
  'workorders.photos.add': call({
    summary: 'Attach a photo (JPEG/PNG/WebP, under 8 MB) of the check-in, a damage or an inspection item; kept as a file in the data folder.',
    input: z.object({
      workOrderId: id,
      subject: z.enum(['checkin', 'damage', 'inspection']),
      subjectId: z.union([id, z.null()]).default(null),
      caption: optionalText(80).default(null),
      dataUrl: z
        .string()
        .max(11_000_000, { message: 'workorders.photo_too_big' })
        .regex(/^data:image\/(jpeg|png|webp);base64,[A-Za-z0-9+/=]+$/, { message: 'workorders.photo_format' })
    }),
    output: photo,
    access: WRITERS
  }),
  'workorders.photos.get': call({
    summary: 'A photo of an order, as a data URL for the screen.',
    input: z.object({ id }),
    output: z.object({ dataUrl: z.string() }),
    access: COUNTER_ROLES
  }),
  'workorders.templates.list': call({
    summary: "The shop's inspection templates (a first set is made on first use).",
    input: z.object({ includeInactive: z.boolean().default(false) }),
    output: z.array(template),
    access: COUNTER_ROLES
  }),
  'workorders.templates.save': call({
    summary: 'Create or change an inspection template: groups of items, the vehicle types it is for.',
    input: z.object({
      id: id.optional(),
      version: version.optional(),
      name: requiredText(40),
      vehicleTypes: z.array(z.enum(['car', 'suv', 'mpv', 'van', 'truck', 'bus', 'ev', 'motorcycle', 'other'])).max(9),
      groups: z.array(templateGroup).min(1).max(20),
      active: z.boolean().default(true)
    }),
    output: template,
    access: [...SETTINGS_ROLES, 'workshop_supervisor']
  }),
  'workorders.inspection.start': call({
    summary: 'Start the multi-point inspection of an order from a template (the one for its vehicle type by default).',
    input: ref.extend({ templateId: id.optional() }),
    output: workOrder,
    access: WRITERS
  }),
  'workorders.inspection.save': call({
    summary: 'Record inspection results: ok / soon / urgent with measurement and note. Urgent and soon items become suggestions.',
    input: ref.extend({
      inspector: optionalText(30).default(null),
      complete: z.boolean().default(false),
      items: z
        .array(
          z.object({
            id,
            result: z.union([z.enum(RESULTS), z.null()]),
            measurement: optionalText(30).default(null),
            note: optionalText(200).default(null)
          })
        )
        .max(200)
    }),
    output: workOrder,
    access: WRITERS
  }),
  'workorders.inspection.decide': call({
    summary: 'The customer approves (becomes a line on the order) or declines (remembered for the next visit) a suggested item.',
    input: ref.extend({
      itemId: id,
      decision: z.enum(['approved', 'declined']),
      line: lineInput.omit({ id: true, inspectionItemId: true }).optional()
    }),
    output: workOrder,
    access: WRITERS
  }),
  'workorders.update': call({
    summary:
      'Change the repair authorization: how it arrived, category, diagnosis, technician, section, bay, promised time, pay type, on-site details and the fee lines. A change to the estimate after approval opens a new revision.',
    input: ref.extend({
      arrivalMode: z.enum(['driven', 'towed', 'accident']),
      repairCategory: z.enum(['major', 'medium', 'minor']),
      payType: z.enum(PAY_TYPES),
      complaint: optionalText(1000).default(null),
      diagnosis: optionalText(1000).default(null),
      technician: optionalText(30).default(null),
      workSection: optionalText(30).default(null),
      bay: optionalText(20).default(null),
      advisorId: z.union([id, z.null()]).default(null),
      promisedAt: z.union([localDateTime, z.null()]).default(null),
      lines: z.array(lineInput).max(300),
      ...onsiteFields
    }),
    output: workOrder,
    access: WRITERS
  }),
  'workorders.approve': call({
    summary: 'The customer approves the current revision of the estimate: a signature drawn on screen, or a signed paper copy.',
    input: ref.extend({
      method: z.enum(['signature', 'paper']),
      signerName: requiredText(40),
      signature: z.union([signature, z.null()]).default(null)
    }),
    output: workOrder,
    access: WRITERS
  }),
  'workorders.decline': call({
    summary: 'The customer declines the repair after diagnosis: only the inspection (or call-out) fee is charged and the order closes as declined.',
    input: ref.extend({ reason: optionalText(200).default(null) }),
    output: workOrder,
    access: WRITERS
  }),
  'workorders.setStatus': call({
    summary: 'Move the order along: in progress, waiting for parts, done, delivered, or cancelled. Who and when are kept.',
    input: ref.extend({ to: z.enum(['in_progress', 'waiting_parts', 'done', 'delivered', 'cancelled']), note: optionalText(200).default(null) }),
    output: workOrder,
    access: WRITERS
  }),
  'workorders.onsite.log': call({
    summary: 'On-site service: record the answer to the customer, the departure or the arrival time.',
    input: ref.extend({ event: z.enum(['answered', 'departed', 'arrived']) }),
    output: workOrder,
    access: WRITERS
  }),
  'workorders.report.save': call({
    summary: 'The service report: what was found and done, and what became of each old part (handed back, waived, kept for a warranty claim).',
    input: z.object({
      workOrderId: id,
      version: version.optional(),
      findings: optionalText(2000).default(null),
      workDone: optionalText(2000).default(null),
      oldParts: z.array(z.object({ lineId: id, fate: z.enum(OLD_PART_FATES) })).max(200).default([])
    }),
    output: workOrder,
    access: WRITERS
  }),
  'workorders.report.sign': call({
    summary: 'The customer signs the service report; refused before the work is done. A signed report is locked.',
    input: z.object({ workOrderId: id, signerName: requiredText(40), signature }),
    output: workOrder,
    access: WRITERS
  }),
  'workorders.print': call({
    summary: 'Render a sheet of the order as PDF: check-in sheet, inspection sheet, work order, service report or warranty slip.',
    input: z.object({
      workOrderId: id,
      sheet: z.enum(['checkin', 'inspection', 'workorder', 'report', 'warranty']),
      paper: z.enum(['A4', 'A5']).default('A4'),
      locale: locale.optional()
    }),
    output: documentRef,
    access: COUNTER_ROLES
  }),
  'workorders.settings.get': call({
    summary: 'Tax, rates and fees, bays, technicians, work sections, warranty categories and on-site targets.',
    input: z.object({}),
    output: woSettings,
    access: 'signed-in'
  }),
  'workorders.settings.update': call({
    summary: 'Change the work-order settings.',
    input: woSettingsInput,
    output: woSettings,
    access: SETTINGS_ROLES
  })
} as const
