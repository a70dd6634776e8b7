import type { partsContract } from '../../shared/contract/parts'
import type { HandlerMap } from '../core/dispatch'

export const partsHandlers: HandlerMap<typeof partsContract> = {}
