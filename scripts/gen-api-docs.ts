/** `npm run docs:api`: writes docs/api.md from the contract. test/unit/api-docs.test.ts keeps it in step. */
import { writeFileSync } from 'node:fs'
import { renderApiDocs } from './api-docs'

writeFileSync('docs/api.md', renderApiDocs())
console.log('wrote docs/api.md')
