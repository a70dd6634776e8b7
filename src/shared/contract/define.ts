import type { z } from 'zod'
import type { Role } from '../roles'

/**
 * Who may make a call. 'public' needs no one signed in (the sign-in screen itself);
 * 'signed-in' any member of staff; a list of roles, anyone holding one of them.
 */
export type Access = 'public' | 'signed-in' | readonly Role[]

export interface CallDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  summary: string
  input: I
  output: O
  access: Access
}

export function call<I extends z.ZodType, O extends z.ZodType>(def: CallDef<I, O>): CallDef<I, O> {
  return def
}

export type Contract = Record<string, CallDef>
export type InputOf<C extends CallDef> = z.input<C['input']>
export type ParsedInputOf<C extends CallDef> = z.output<C['input']>
export type OutputOf<C extends CallDef> = z.output<C['output']>
