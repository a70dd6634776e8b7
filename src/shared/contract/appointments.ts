/** The appointments calls. See shared/contract/define.ts for the shape of a call. */
export const appointmentsContract = {} as const
