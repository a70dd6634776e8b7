/**
 * The contract: every call between the renderer and main, with its input and output schemas
 * and who may make it. Main validates against it, the preload exposes exactly these names,
 * the renderer's api client is typed from it, and docs/api.md is generated from it.
 * Each part of the shop keeps its calls in its own file.
 */
import { appointmentsContract } from './appointments'
import { authContract } from './auth'
import { customersContract } from './customers'
import { followupContract } from './followup'
import { lanContract } from './lan'
import { partsContract } from './parts'
import { reportsContract } from './reports'
import { settingsContract } from './settings'
import { auditContract, backupContract, staffContract } from './staff'
import { systemContract } from './system'
import { workordersContract } from './workorders'

export const contract = {
  ...authContract,
  ...staffContract,
  ...auditContract,
  ...backupContract,
  ...settingsContract,
  ...systemContract,
  ...customersContract,
  ...appointmentsContract,
  ...workordersContract,
  ...partsContract,
  ...followupContract,
  ...reportsContract,
  ...lanContract
} as const

export type AppContract = typeof contract
export type CallName = keyof AppContract
export const CALL_NAMES = Object.keys(contract) as CallName[]
