import { appointmentsSamples } from './appointments'
import { followupSamples } from './followup'
import { partsSamples } from './parts'
import { reportsSamples } from './reports'
import type { Sample } from './types'
import { workordersSamples } from './workorders'

export type { Sample }

/** Every printable document; each part of the shop lists its sheets in its own file. */
export const SAMPLES: Sample[] = [
  {
    name: 'customer-card',
    render: (shop, locale) => shop.pdf('print.customerCard', { customerId: 3, locale })
  },
  ...appointmentsSamples,
  ...workordersSamples,
  ...partsSamples,
  ...followupSamples,
  ...reportsSamples
]
