/** The reports calls. See shared/contract/define.ts for the shape of a call. */
export const reportsContract = {} as const
