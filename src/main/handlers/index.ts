import type { AppContract } from '../../shared/contract'
import type { HandlerMap } from '../core/dispatch'
import { appointmentsHandlers } from './appointments'
import { authHandlers } from './auth'
import { customersHandlers } from './customers'
import { followupHandlers } from './followup'
import { lanHandlers } from './lan'
import { partsHandlers } from './parts'
import { reportsHandlers } from './reports'
import { settingsHandlers } from './settings'
import { staffHandlers } from './staff'
import { systemHandlers } from './system'
import { workordersHandlers } from './workorders'

/** One handler per call of the contract; the type makes a missing or extra one a compile error. */
export const handlers: HandlerMap<AppContract> = {
  ...authHandlers,
  ...staffHandlers,
  ...settingsHandlers,
  ...systemHandlers,
  ...customersHandlers,
  ...appointmentsHandlers,
  ...workordersHandlers,
  ...partsHandlers,
  ...followupHandlers,
  ...reportsHandlers,
  ...lanHandlers
}
