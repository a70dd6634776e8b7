/**
 * `npm run bench` (full size) or `npm run bench -- --quick` (small data, under a minute).
 * `--only NAME` runs the suites whose name contains NAME. Prints a table and writes
 * bench-results.json: one entry per figure, { name, app_ms, bare_ms, ratio, target_ms }.
 */
import { writeFileSync } from 'node:fs'
import { measure, type FigureResult } from './harness'
import { SUITES } from './suites'

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const quick = args.includes('--quick')
  const onlyAt = args.indexOf('--only')
  const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined
  const results: FigureResult[] = []
  for (const suite of SUITES) {
    if (only && !suite.name.includes(only)) continue
    const t0 = performance.now()
    const { figures, cleanup } = await suite.setup({ quick })
    console.log(`# ${suite.name}: data ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
    try {
      for (const figure of figures) {
        const r = await measure(figure)
        results.push(r)
        const verdict = r.app_ms <= r.target_ms ? 'ok' : 'SLOW'
        console.log(
          `${r.name.padEnd(26)} app ${r.app_ms.toFixed(3).padStart(9)} ms   bare ${r.bare_ms.toFixed(3).padStart(9)} ms   ` +
            `ratio ${r.ratio.toFixed(2).padStart(6)}   target ${String(r.target_ms).padStart(6)} ms   ${verdict}   (${r.iterations} runs; ${r.note})`
        )
      }
    } finally {
      await cleanup()
    }
  }
  const out = results.map(({ name, app_ms, bare_ms, ratio, target_ms }) => ({ name, app_ms, bare_ms, ratio, target_ms }))
  writeFileSync('bench-results.json', JSON.stringify(out, null, 2) + '\n')
  console.log(`wrote bench-results.json (${out.length} figures${quick ? ', quick' : ''})`)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
