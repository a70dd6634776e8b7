/** The followup calls. See shared/contract/define.ts for the shape of a call. */
export const followupContract = {} as const
