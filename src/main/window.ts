import { BrowserWindow, session, type WebFrameMain } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { CONTENT_SECURITY_POLICY } from './security'

const rendererDir = join(import.meta.dirname, '../renderer')
const devUrl = process.env.ELECTRON_RENDERER_URL

/** Where the app's own pages come from: the dev server in development, the built files otherwise. */
export function isAppUrl(url: string): boolean {
  if (devUrl && url.startsWith(devUrl)) return true
  return url.startsWith(pathToFileURL(rendererDir).href)
}

export function isAppFrame(frame: WebFrameMain | null): boolean {
  return !!frame && frame.parent === null && isAppUrl(frame.url)
}

/** Locks the default session down: no permissions, no remote content, a strict CSP. */
export function hardenSession(): void {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.webRequest.onBeforeRequest((details, callback) => {
    const url = details.url
    const local = url.startsWith('file:') || url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('devtools:')
    callback({ cancel: !(local || (devUrl && url.startsWith(devUrl))) })
  })
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] }
    })
  })
}

export function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'Front Desk',
    autoHideMenuBar: true,
    // Written out here, not built by a helper, so the security scan (electronegativity) reads them.
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false
    }
  })
  win.once('ready-to-show', () => win.show())
  // The window shows the app and nothing else: no navigation away, no new windows, no webviews.
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault()
  })
  win.webContents.on('will-redirect', (event) => event.preventDefault())
  win.webContents.on('will-attach-webview', (event) => event.preventDefault())
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  if (devUrl) void win.loadURL(devUrl)
  else void win.loadFile(join(rendererDir, 'index.html'))
  return win
}
