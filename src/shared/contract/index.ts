/**
 * The contract: every call between the renderer and main, with its input and output schemas
 * and who may make it. Main validates against it, the preload exposes exactly these names,
 * the renderer's api client is typed from it, and docs/api.md is generated from it.
 */
import { authContract } from './auth'
import { customersContract } from './customers'
import { settingsContract } from './settings'
import { systemContract } from './system'

export const contract = {
  ...authContract,
  ...settingsContract,
  ...systemContract,
  ...customersContract
} as const

export type AppContract = typeof contract
export type CallName = keyof AppContract
export const CALL_NAMES = Object.keys(contract) as CallName[]
