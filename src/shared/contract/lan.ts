/** The lan calls. See shared/contract/define.ts for the shape of a call. */
export const lanContract = {} as const
