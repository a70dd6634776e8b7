import type { followupContract } from '../../shared/contract/followup'
import type { HandlerMap } from '../core/dispatch'

export const followupHandlers: HandlerMap<typeof followupContract> = {}
