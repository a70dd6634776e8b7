import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'

/** Doyensec's Electronegativity over the app's source: any finding of high severity fails the build. */
describe('the Electron security scan', () => {
  it('finds nothing of high severity in src/', () => {
    const cli = join(dirname(createRequire(import.meta.url).resolve('@doyensec/electronegativity/package.json')), 'dist/index.js')
    const dir = mkdtempSync(join(tmpdir(), 'frontdesk-eneg-'))
    try {
      const pkg = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')) as { version: string }
      execFileSync(process.execPath, [cli, '-i', 'src', '-s', 'high', '-o', join(dir, 'findings.csv'), '-r', '-v', 'false', '-e', pkg.version, '-p', 'typescript'], {
        stdio: 'pipe',
        timeout: 120_000
      })
      const rows = readFileSync(join(dir, 'findings.csv'), 'utf8').trim().split('\n').slice(1)
      const high = rows.filter((r) => /,"(HIGH|CRITICAL)",/.test(r))
      expect(high, high.join('\n')).toEqual([])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 180_000)
})
