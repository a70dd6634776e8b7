/** The desktop app's lifecycle. Everything it serves lives in core/, handlers/ and domain/. */
import { app, BrowserWindow, dialog } from 'electron'
import { join } from 'node:path'
import pkg from '../../package.json'
import { AppError } from '../shared/errors'
import type { Core } from './core/context'
import { resolveDataDir } from './core/create'
import { startCore } from './startup'
import { desktopServices } from './desktop'
import { registerIpc } from './ipc/register'
import { createMainWindow, hardenSession, isAppFrame } from './window'

app.enableSandbox()
let mainWindow: BrowserWindow | null = null
let core: Core | null = null

// One instance per data file: a second start focuses the first window.
if (!app.requestSingleInstanceLock()) app.quit()
app.on('second-instance', () => {
  if (mainWindow) {
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  }
})

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (e) => e.preventDefault())
})

app.whenReady().then(async () => {
  try {
    ;({ core } = await startCore({
      dataDir: resolveDataDir(process.argv, process.env, app.getPath('userData')),
      appVersion: pkg.version,
      // A better-sqlite3 built for Electron's ABI (npm run rebuild:electron), so Node's copy stays Node's.
      nativeBinding: join(app.getAppPath(), 'native', 'electron', 'better_sqlite3.node'),
      desktop: desktopServices(() => mainWindow)
    }))
  } catch (err) {
    const message = err instanceof AppError || err instanceof Error ? err.message : String(err)
    dialog.showErrorBox('Front Desk', message)
    app.exit(1)
    return
  }
  hardenSession()
  registerIpc(core, isAppFrame)
  mainWindow = createMainWindow()
  mainWindow.on('closed', () => (mainWindow = null))
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow()
  })
})

app.on('window-all-closed', () => {
  core?.db.close()
  app.quit()
})
