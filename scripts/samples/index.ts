import type { Locale } from '../../src/shared/contract/common'
import type { SampleShop } from './shop'

export interface Sample {
  /** The document's name as the issues give it: samples/<name>.<locale>.pdf */
  name: string
  render(shop: SampleShop, locale: Locale): Promise<Buffer>
}

/** Every printable document, filled from the demo shop; an issue's sheets join by adding entries here. */
export const SAMPLES: Sample[] = [
  {
    name: 'customer-card',
    render: (shop, locale) => shop.pdf('print.customerCard', { customerId: 3, locale })
  }
]
