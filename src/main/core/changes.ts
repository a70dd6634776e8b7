/**
 * The feed of changes other windows and PCs wait on: every call that wrote to the data file adds
 * an entry (its name and when). A reader long-polls with the last sequence it saw and is answered
 * at once when something newer exists, or when the next change comes, or after a timeout, so an
 * idle board costs one open request and nothing else.
 */
export interface Change {
  seq: number
  call: string
  at: string
}

const KEEP = 500

export class ChangeFeed {
  private seq = 0
  private readonly recent: Change[] = []
  private waiters = new Set<() => void>()

  get current(): number {
    return this.seq
  }

  record(call: string, at: Date): void {
    this.seq++
    this.recent.push({ seq: this.seq, call, at: at.toISOString() })
    if (this.recent.length > KEEP) this.recent.splice(0, this.recent.length - KEEP)
    const waiting = this.waiters
    this.waiters = new Set()
    for (const wake of waiting) wake()
  }

  /** What happened after `since`; a reader too far behind (or from before a restart) gets `reset`. */
  since(since: number): { seq: number; changes: Change[]; reset: boolean } {
    const oldest = this.recent[0]?.seq ?? this.seq + 1
    const reset = since > this.seq || (since < oldest - 1 && since < this.seq)
    return { seq: this.seq, changes: reset ? [] : this.recent.filter((c) => c.seq > since), reset }
  }

  async wait(since: number, timeoutMs: number): Promise<{ seq: number; changes: Change[]; reset: boolean }> {
    const now = this.since(since)
    if (now.changes.length > 0 || now.reset) return now
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.waiters.delete(wake)
        resolve()
      }, timeoutMs)
      const wake = (): void => {
        clearTimeout(timer)
        resolve()
      }
      this.waiters.add(wake)
    })
    return this.since(since)
  }
}
