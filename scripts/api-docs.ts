import { z } from 'zod'
import { contract } from '../src/shared/contract'
import type { Access } from '../src/shared/contract/define'

const accessText = (a: Access): string => (a === 'public' ? 'anyone (no sign-in)' : a === 'signed-in' ? 'any signed-in staff' : a.join(', '))

function schemaText(schema: z.ZodType, io: 'input' | 'output'): string {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>
  delete json.$schema
  return JSON.stringify(json, null, 2)
}

/** The listing of every call: name, who may call it, what it does, its input and output as JSON Schema. */
export function renderApiDocs(): string {
  const lines = [
    '# The contract: every call between the renderer and main',
    '',
    'Generated from `src/shared/contract` by `npm run docs:api`; a test fails when it is out of step.',
    'Each call is `POST /api/<name>` with `{"input": …}` and a bearer token in browser mode, or',
    '`window.api[name](input, token)` in the desktop app. Every answer is `{"ok": true, "value": …}` or',
    '`{"ok": false, "error": {"code", "message", "params"?, "issues"?}}`.',
    ''
  ]
  for (const [name, def] of Object.entries(contract)) {
    lines.push(`## \`${name}\``, '', def.summary, '', `Who may call: ${accessText(def.access)}`, '')
    lines.push('Input:', '', '```json', schemaText(def.input, 'input'), '```', '')
    lines.push('Output:', '', '```json', schemaText(def.output, 'output'), '```', '')
  }
  return lines.join('\n')
}
