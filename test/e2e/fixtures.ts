import { test as base, expect, type Page } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface ShopServer {
  url: string
  dataDir: string
  /** Calls the contract over HTTP as the given session (or none). */
  api<T = unknown>(name: string, input: unknown, token?: string | null): Promise<T>
  /** Creates the administrator (first start) and returns their session token. */
  setupAdmin(name?: string, pin?: string): Promise<string>
  stop(): Promise<void>
}

/** Starts the built browser-mode server (out/main/web.js) on a free port with its own data folder. */
export async function startShop(options: { clock?: string } = {}): Promise<ShopServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'frontdesk-e2e-'))
  const args = ['out/main/web.js', '--data-dir', dataDir, '--port', '0', ...(options.clock ? ['--clock', options.clock] : [])]
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  let log = ''
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 20_000)
    child.stdout?.on('data', (chunk: Buffer) => {
      log += chunk.toString()
      const m = /LISTENING (\d+)/.exec(log)
      if (m) {
        clearTimeout(timer)
        resolve(Number(m[1]))
      }
    })
    child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()))
    child.on('exit', (code) => reject(new Error(`server exited ${code}:\n${log}`)))
  })
  const url = `http://127.0.0.1:${port}`
  const api = async <T,>(name: string, input: unknown, token?: string | null): Promise<T> => {
    const res = await fetch(`${url}/api/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ input })
    })
    const body = (await res.json()) as { ok: boolean; value?: T; error?: { code: string; message: string } }
    if (!body.ok) throw new Error(`${name}: ${body.error?.code} ${body.error?.message}`)
    return body.value as T
  }
  return {
    url,
    dataDir,
    api,
    async setupAdmin(name = '陈静', pin = '2468') {
      const s = await api<{ token: string }>('auth.setup', { name, pin })
      return s.token
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        await exited
      }
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
}

/** Signs in through the "who is at the counter" screen. */
export async function signIn(page: Page, shop: ShopServer, name: string, pin: string): Promise<void> {
  await page.goto(shop.url)
  await page.getByRole('button', { name, exact: true }).click()
  await page.getByLabel(/PIN/).fill(pin)
  await page.getByLabel(/PIN/).press('Enter')
  await expect(page.getByTestId('signed-in-as')).toHaveText(name)
}

export const test = base.extend<{ shop: ShopServer }>({
  // eslint-disable-next-line no-empty-pattern
  shop: async ({}, use) => {
    const shop = await startShop()
    await use(shop)
    await shop.stop()
  }
})

export { expect }
