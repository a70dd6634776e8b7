/** The workorders calls. See shared/contract/define.ts for the shape of a call. */
export const workordersContract = {} as const
