import type { lanContract } from '../../shared/contract/lan'
import type { HandlerMap } from '../core/dispatch'

export const lanHandlers: HandlerMap<typeof lanContract> = {}
