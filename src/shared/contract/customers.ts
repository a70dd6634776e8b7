import { z } from 'zod'
import { call } from './define'
import { id, optionalText, requiredText, text, version } from './common'
import { isValidPhone, isValidPlate, normalizePhone, vinProblem, compact } from '../vehicle-ids'
import { COUNTER_ROLES } from '../roles'

const phone = text(30).pipe(
  z.string().refine(isValidPhone, { message: 'phone' }).transform(normalizePhone)
)
const optionalPhone = z
  .union([text(30), z.null(), z.undefined()])
  .transform((s) => s || null)
  .pipe(z.union([z.null(), z.string().refine(isValidPhone, { message: 'phone' }).transform(normalizePhone)]))

export const plate = text(16).pipe(z.string().min(1, { message: 'required' }).refine(isValidPlate, { message: 'plate' }))
const vin = z
  .union([text(24), z.null(), z.undefined()])
  .transform((s) => (s ? compact(s) : null))
  .superRefine((v, ctx) => {
    const problem = v ? vinProblem(v) : null
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })

const kmOrNull = z.union([z.number().int().min(0).max(2_000_000), z.null()]).default(null)

export const customerFields = z.object({
  name: requiredText(60),
  phone,
  phone2: optionalPhone.default(null),
  address: optionalText(200).default(null),
  kind: z.enum(['person', 'company']).default('person'),
  wants: optionalText(500).default(null),
  notes: optionalText(1000).default(null)
})

export const vehicleFields = z.object({
  plate,
  vin: vin.default(null),
  make: optionalText(40).default(null),
  model: optionalText(60).default(null),
  colour: optionalText(20).default(null),
  vehicleType: z.enum(['car', 'suv', 'mpv', 'van', 'truck', 'bus', 'ev', 'motorcycle', 'other']).default('car'),
  year: z.union([z.number().int().min(1950).max(2100), z.null()]).default(null),
  mileageKm: kmOrNull,
  serviceIntervalKm: z.union([z.number().int().min(500).max(100_000), z.null()]).default(5000),
  serviceIntervalMonths: z.union([z.number().int().min(1).max(36), z.null()]).default(6)
})

export const vehicle = z.object({
  id,
  customerId: id,
  plate: z.string(),
  vin: z.string().nullable(),
  make: z.string().nullable(),
  model: z.string().nullable(),
  colour: z.string().nullable(),
  vehicleType: z.string(),
  year: z.number().nullable(),
  mileageKm: z.number().nullable(),
  serviceIntervalKm: z.number().nullable(),
  serviceIntervalMonths: z.number().nullable(),
  version,
  createdAt: z.string(),
  updatedAt: z.string()
})

export const customerSummary = z.object({
  id,
  name: z.string(),
  phone: z.string(),
  kind: z.string(),
  plates: z.array(z.string())
})

export const customer = z.object({
  id,
  name: z.string(),
  phone: z.string(),
  phone2: z.string().nullable(),
  address: z.string().nullable(),
  kind: z.string(),
  wants: z.string().nullable(),
  notes: z.string().nullable(),
  version,
  createdAt: z.string(),
  updatedAt: z.string(),
  vehicles: z.array(vehicle)
})

export type Customer = z.infer<typeof customer>
export type CustomerSummary = z.infer<typeof customerSummary>
export type Vehicle = z.infer<typeof vehicle>
export type CustomerFields = z.input<typeof customerFields>
export type VehicleFields = z.input<typeof vehicleFields>

export const customersContract = {
  'customers.search': call({
    summary: 'Find customers by name (any part), phone (full or last digits) or plate (full or last characters).',
    input: z.object({ query: text(60), limit: z.number().int().min(1).max(200).default(50) }),
    output: z.object({ items: z.array(customerSummary), more: z.boolean() }),
    access: COUNTER_ROLES
  }),
  'customers.get': call({
    summary: "A customer's file with their vehicles.",
    input: z.object({ id }),
    output: customer,
    access: COUNTER_ROLES
  }),
  'customers.create': call({
    summary: 'Create a customer, optionally with their first vehicle, in one transaction.',
    input: customerFields.extend({ vehicle: vehicleFields.optional() }),
    output: customer,
    access: ['advisor', 'frontdesk_supervisor', 'followup_agent', 'service_director', 'admin']
  }),
  'customers.update': call({
    summary: "Change a customer's details; refused if someone else saved the file since it was read.",
    input: customerFields.extend({ id, version }),
    output: customer,
    access: ['advisor', 'frontdesk_supervisor', 'followup_agent', 'service_director', 'admin']
  }),
  'vehicles.add': call({
    summary: 'Add a vehicle to a customer; a plate or VIN already on file is refused and its owner named.',
    input: vehicleFields.extend({ customerId: id }),
    output: customer,
    access: ['advisor', 'frontdesk_supervisor', 'service_director', 'admin']
  }),
  'vehicles.update': call({
    summary: "Change a vehicle's details; refused if someone else saved it since it was read.",
    input: vehicleFields.extend({ id, version }),
    output: customer,
    access: ['advisor', 'frontdesk_supervisor', 'service_director', 'admin']
  }),
  'vehicles.findByPlate': call({
    summary: 'The vehicle with this plate and its owner, or null.',
    input: z.object({ plate }),
    output: z.object({ vehicle: vehicle.nullable(), customerName: z.string().nullable() }),
    access: COUNTER_ROLES
  })
} as const
