import type { workordersContract } from '../../shared/contract/workorders'
import type { HandlerMap } from '../core/dispatch'

export const workordersHandlers: HandlerMap<typeof workordersContract> = {}
