import { _electron as electron, expect, test } from '@playwright/test'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** The Electron binary's path, or null where its download was skipped (ELECTRON_SKIP_BINARY_DOWNLOAD). */
function electronBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown
    return typeof path === 'string' && existsSync(path) ? path : null
  } catch {
    return null
  }
}

const binary = electronBinary()

test.describe('the desktop app (Electron)', () => {
  test('the built preload is one CommonJS file that requires only electron (sandbox: true loads nothing else)', () => {
    const preload = readFileSync('out/preload/index.cjs', 'utf8')
    const requires = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1])
    expect([...new Set(requires)]).toEqual(['electron'])
    expect(preload).not.toMatch(/^\s*import\s/m)
    expect(preload).toContain('exposeInMainWorld("api"')
  })

  test('starts sandboxed, exposes only the contract, and blocks navigation and new windows', async () => {
    if (!binary) {
      console.log('SKIPPED: the Electron binary is not installed on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD); browser mode was tested instead.')
      test.skip(true, 'Electron binary not installed here')
      return
    }
    const dataDir = mkdtempSync(join(tmpdir(), 'frontdesk-electron-'))
    const app = await electron.launch({ executablePath: binary, args: ['out/main/index.js', '--data-dir', dataDir] })
    try {
      const win = await app.firstWindow()
      await expect(win.getByRole('heading')).toBeVisible()
      const exposed = await win.evaluate(() => ({
        api: Object.keys((window as unknown as { api: object }).api).length,
        node: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
        ipc: typeof (window as unknown as { ipcRenderer?: unknown }).ipcRenderer
      }))
      expect(exposed.api).toBeGreaterThan(5)
      expect(exposed).toMatchObject({ node: 'undefined', process: 'undefined', ipc: 'undefined' })
      const before = win.url()
      await win.evaluate(() => {
        window.location.href = 'https://example.com'
      })
      await win.waitForTimeout(500)
      expect(win.url()).toBe(before)
      await win.evaluate(() => window.open('https://example.com'))
      await win.waitForTimeout(500)
      expect(app.windows()).toHaveLength(1)
    } finally {
      await app.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
