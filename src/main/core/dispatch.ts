import { z } from 'zod'
import { contract, type AppContract, type CallName } from '../../shared/contract'
import type { Access, CallDef } from '../../shared/contract/define'
import { AppError, type ErrorBody, type FieldIssue, type Result } from '../../shared/errors'
import type { Role } from '../../shared/roles'
import type { Actor, Core, Ctx } from './context'
import { handlers } from '../handlers'
import { changedByOther } from '../domain/audit/audit'

export type Handler<C extends CallDef> = (
  input: z.output<C['input']>,
  ctx: Ctx
) => z.input<C['output']> | Promise<z.input<C['output']>>

export type HandlerMap<T extends Record<string, CallDef>> = { [K in keyof T]: Handler<T[K]> }

async function remoteActor(core: Core, token: string | null): Promise<Actor | null> {
  if (!token || !core.remote) return null
  const me = await core.remote.forward('auth.me', {}, token)
  return me.ok ? (me.value as Actor) : null
}

// Prepared once per connection (a restore swaps the connection): this runs twice on every call.
const totalChangesStatements = new WeakMap<Core['db'], { get(): unknown }>()

function totalChanges(core: Core): number {
  let stmt = totalChangesStatements.get(core.db)
  if (!stmt) {
    stmt = core.db.prepare('SELECT total_changes()').pluck()
    totalChangesStatements.set(core.db, stmt)
  }
  return stmt.get() as number
}

function allowed(access: Access, actor: Actor | null): boolean {
  if (access === 'public') return true
  if (!actor) return false
  if (access === 'signed-in') return true
  return actor.roles.some((r: Role) => access.includes(r))
}

// Our own refinements carry an i18n key as their message; zod's built-ins are keyed by issue code.
const OWN_KEY = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?$/

export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const params: Record<string, string | number> = {}
    for (const k of ['maximum', 'minimum', 'expected'] as const) {
      const v = (issue as unknown as Record<string, unknown>)[k]
      if (typeof v === 'number' || typeof v === 'string') params[k] = v
      if (typeof v === 'bigint') params[k] = Number(v)
    }
    return {
      path: issue.path.map(String).join('.'),
      key: OWN_KEY.test(issue.message) ? issue.message : issue.code,
      ...(Object.keys(params).length ? { params } : {})
    }
  })
}

function invalidInput(error: z.ZodError): AppError {
  const issues = toFieldIssues(error)
  const summary = issues.map((i) => `${i.path || '(input)'}: ${i.key}`).join('; ')
  return new AppError('invalid_input', `Invalid input: ${summary}`, undefined, issues)
}

/**
 * A save made on an old copy of any record becomes "changed by someone else": who, when and
 * which fields, from the audit trail, so the person sees the other change instead of a bare no.
 */
function withOtherChange(core: Core, err: AppError): AppError {
  if (err.code !== 'stale_version' || !err.params) return err
  const what = String(err.params.what ?? '')
  const id = Number(err.params.id)
  if (!what || !Number.isInteger(id)) return err
  for (const entity of [what, what.replace(/ /g, '_'), what.replace(/ (\w)/g, (_, c: string) => c.toUpperCase())]) {
    const hit = core.db.prepare('SELECT 1 FROM audit_log WHERE entity = ? AND entity_id = ? LIMIT 1').get(entity, String(id))
    if (hit) return changedByOther(core.db, entity, id)
  }
  return err
}

function toErrorBody(err: unknown, name: string, core?: Core): ErrorBody {
  if (err instanceof AppError) return (core ? withOtherChange(core, err) : err).toBody()
  const code = (err as { code?: unknown })?.code
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return { code: 'busy', message: 'The data file is busy; try again in a moment.' }
  }
  console.error(`[call ${name}] failed:`, err)
  return { code: 'internal', message: 'Something went wrong inside the app; nothing was saved. The error was logged.' }
}

/**
 * The one road every call takes, from the Electron window or the browser:
 * known name → signed in and holding a role the call allows → input valid → handler → output valid.
 */
export async function dispatch(core: Core, name: string, rawInput: unknown, token: string | null): Promise<Result<unknown>> {
  if (core.remote && !core.remote.isLocal(name)) return core.remote.forward(name, rawInput, token)
  try {
    if (!Object.hasOwn(contract, name)) {
      throw new AppError('unknown_call', `There is no call named ${String(name).slice(0, 60)}`)
    }
    const callName = name as CallName
    const def: CallDef = contract[callName]
    // A workstation's own calls still need the host to vouch for the session.
    const actor = core.remote ? await remoteActor(core, token) : core.sessions.resolve(token)
    if (!allowed(def.access, actor)) {
      if (!actor) throw new AppError('unauthenticated', 'Sign in first.')
      const roles = def.access === 'public' || def.access === 'signed-in' ? [] : [...def.access]
      throw new AppError('forbidden', `Your roles do not allow ${callName}.`, { call: callName, roles })
    }
    const parsed = def.input.safeParse(rawInput ?? {})
    if (!parsed.success) throw invalidInput(parsed.error)
    const ctx: Ctx = { core, db: core.db, clock: core.clock, actor, token }
    const handler = handlers[callName] as Handler<AppContract[typeof callName]>
    const changesBefore = totalChanges(core)
    const result = await handler(parsed.data as never, ctx)
    // Other windows and workstations waiting on the change feed learn that this call wrote.
    if (totalChanges(core) !== changesBefore) core.changes.record(callName, core.clock.now())
    const out = def.output.safeParse(result)
    if (!out.success) {
      console.error(`[call ${callName}] returned a value its contract does not allow`, out.error.issues)
      throw new Error('output does not match the contract')
    }
    return { ok: true, value: out.data }
  } catch (err) {
    return { ok: false, error: toErrorBody(err, name, core) }
  }
}
