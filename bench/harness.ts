/**
 * The benchmark harness: each figure runs the app's path (the contract's dispatch, with
 * validation and roles) and the bare SQL or bare pdfmake call it wraps, alternately, and reports
 * both medians so the overhead is a ratio rather than a guess on a noisy shared machine.
 */
export interface Figure {
  /** Stable name, as the issue gives it: it is the key in bench-results.json. */
  name: string
  target_ms: number
  /** What the figure measures, for the printed table. */
  note: string
  app: () => unknown | Promise<unknown>
  bare: () => unknown | Promise<unknown>
  /** Iterations; each side also stops after `budgetMs`. */
  iterations?: number
  budgetMs?: number
  /**
   * For a figure that cannot be repeated in this process (a first render after start): returns
   * timings taken elsewhere, e.g. one per fresh child process; used instead of timing app/bare.
   */
  measured?: () => { app: number[]; bare: number[] } | Promise<{ app: number[]; bare: number[] }>
}

export interface Suite {
  name: string
  /** Builds the data (smaller with quick) and returns the figures; cleanup runs after they are measured. */
  setup(options: { quick: boolean }): Promise<{ figures: Figure[]; cleanup(): void | Promise<void> }>
}

export interface FigureResult {
  name: string
  app_ms: number
  bare_ms: number
  ratio: number
  target_ms: number
  iterations: number
  note: string
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2
}

export async function measure(f: Figure): Promise<FigureResult> {
  if (f.measured) {
    const m = await f.measured()
    const a = median(m.app)
    const b = median(m.bare)
    return { name: f.name, app_ms: round(a), bare_ms: round(b), ratio: round(b > 0 ? a / b : 0), target_ms: f.target_ms, iterations: m.app.length, note: f.note }
  }
  const iterations = f.iterations ?? 200
  const budget = f.budgetMs ?? 3000
  // Warm up both paths: prepared statements, JIT, font caches.
  for (let i = 0; i < Math.min(5, iterations); i++) {
    await f.app()
    await f.bare()
  }
  const app: number[] = []
  const bare: number[] = []
  const started = performance.now()
  for (let i = 0; i < iterations && performance.now() - started < budget * 2; i++) {
    let t = performance.now()
    await f.bare()
    bare.push(performance.now() - t)
    t = performance.now()
    await f.app()
    app.push(performance.now() - t)
  }
  const appMs = median(app)
  const bareMs = median(bare)
  return {
    name: f.name,
    app_ms: round(appMs),
    bare_ms: round(bareMs),
    ratio: round(bareMs > 0 ? appMs / bareMs : 0),
    target_ms: f.target_ms,
    iterations: app.length,
    note: f.note
  }
}

export const round = (x: number): number => Math.round(x * 1000) / 1000
