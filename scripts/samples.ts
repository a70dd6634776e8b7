/**
 * `npm run samples`: every printable document, filled with demo data, in zh-CN, zh-TW and en,
 * written to samples/<document>.<locale>.pdf so anyone can look at them.
 * `npm run samples -- NAME` writes only the documents whose name contains NAME.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { LOCALES } from '../src/shared/contract/common'
import { SAMPLES } from './samples/index'
import { SAMPLE_NOW, sampleShop } from './samples/shop'

async function main(): Promise<void> {
  const only = process.argv[2]
  mkdirSync('samples', { recursive: true })
  const shop = sampleShop()
  let written = 0
  for (const sample of SAMPLES) {
    if (only && !sample.name.includes(only)) continue
    for (const locale of LOCALES) {
      // Every sheet starts from the same moment, whatever an earlier sheet's scenario did to the clock.
      shop.clock.set(SAMPLE_NOW)
      const pdf = await sample.render(shop, locale)
      const file = `samples/${sample.name}.${locale}.pdf`
      writeFileSync(file, pdf)
      written++
      console.log(`${file}  ${(pdf.length / 1024).toFixed(1)} KB`)
    }
  }
  shop.core.db.close()
  console.log(`${written} sample documents written to samples/`)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
