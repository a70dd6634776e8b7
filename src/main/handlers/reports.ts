import type { reportsContract } from '../../shared/contract/reports'
import type { HandlerMap } from '../core/dispatch'

export const reportsHandlers: HandlerMap<typeof reportsContract> = {}
