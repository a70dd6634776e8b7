/** Time comes from here, never from `new Date()` in domain code, so tests can fix and move it. */
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

/** A clock that starts at a given instant (or now) and moves only when told. */
export class TestClock implements Clock {
  private offsetMs: number
  constructor(start?: Date) {
    this.offsetMs = start ? start.getTime() - Date.now() : 0
  }
  now(): Date {
    return new Date(Date.now() + this.offsetMs)
  }
  set(to: Date): void {
    this.offsetMs = to.getTime() - Date.now()
  }
  advance(ms: number): void {
    this.offsetMs += ms
  }
}
