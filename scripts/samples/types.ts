import type { Locale } from '../../src/shared/contract/common'
import type { SampleShop } from './shop'

export interface Sample {
  /** The document's name as the issues give it: samples/<name>.<locale>.pdf */
  name: string
  render(shop: SampleShop, locale: Locale): Promise<Buffer>
}
