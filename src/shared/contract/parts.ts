/** The parts calls. See shared/contract/define.ts for the shape of a call. */
export const partsContract = {} as const
