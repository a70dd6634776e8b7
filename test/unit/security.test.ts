import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { mainWindowPreferences } from '../../src/main/window-prefs'
import { CONTENT_SECURITY_POLICY } from '../../src/main/security'

describe('the desktop window', () => {
  it('runs the renderer isolated and sandboxed, without Node', () => {
    expect(mainWindowPreferences('/app/preload')).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      preload: '/app/preload/index.cjs'
    })
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
})
