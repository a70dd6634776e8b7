import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { CONTENT_SECURITY_POLICY } from '../../src/main/security'

describe('the desktop window', () => {
  it('runs the renderer isolated and sandboxed, without Node', () => {
    const window = readFileSync('src/main/window.ts', 'utf8')
    for (const setting of ['contextIsolation: true', 'sandbox: true', 'nodeIntegration: false', 'webviewTag: false', 'webSecurity: true']) {
      expect(window).toContain(setting)
    }
    expect(window).toContain("setWindowOpenHandler(() => ({ action: 'deny' }))")
    expect(readFileSync('src/main/index.ts', 'utf8')).toContain('app.enableSandbox()')
  })
  it('allows no remote scripts, no eval, no plugins in its content security policy', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'")
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/)
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'")
  })
  it('carries the same policy in the page itself (file:// loads get no headers)', () => {
    const html = readFileSync('src/renderer/index.html', 'utf8')
    expect(html).toContain("script-src 'self'")
    expect(html).not.toMatch(/unsafe-eval/)
  })
  it('sets the Electron fuses for the packaged app', () => {
    const builder = readFileSync('electron-builder.yml', 'utf8')
    for (const fuse of ['runAsNode: false', 'enableCookieEncryption: true', 'enableEmbeddedAsarIntegrityValidation: true', 'onlyLoadAppFromAsar: true']) {
      expect(builder).toContain(fuse)
    }
  })
})
