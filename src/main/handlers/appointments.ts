import type { appointmentsContract } from '../../shared/contract/appointments'
import type { HandlerMap } from '../core/dispatch'

export const appointmentsHandlers: HandlerMap<typeof appointmentsContract> = {}
