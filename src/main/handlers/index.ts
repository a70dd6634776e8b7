import type { AppContract } from '../../shared/contract'
import type { HandlerMap } from '../core/dispatch'
import { authHandlers } from './auth'
import { customersHandlers } from './customers'
import { settingsHandlers } from './settings'
import { systemHandlers } from './system'

/** One handler per call of the contract; the type makes a missing or extra one a compile error. */
export const handlers: HandlerMap<AppContract> = {
  ...authHandlers,
  ...settingsHandlers,
  ...systemHandlers,
  ...customersHandlers
}
