import { BrowserWindow, dialog } from 'electron'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DesktopServices } from './core/context'

/**
 * Printing and saving PDFs in the desktop app. Printing opens the sheet in Chromium's PDF viewer
 * in its own window, whose print button brings up the system print dialog with the real printers.
 */
export function desktopServices(getParent: () => BrowserWindow | null): DesktopServices {
  return {
    async showDocument(pdf, fileName, action) {
      if (action === 'save') {
        const parent = getParent()
        const ext = fileName.split('.').pop() ?? 'pdf'
        const options = { defaultPath: fileName, filters: [{ name: ext.toUpperCase(), extensions: [ext] }] }
        const { canceled, filePath } = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options)
        if (canceled || !filePath) return { done: false, path: null }
        writeFileSync(filePath, pdf)
        return { done: true, path: filePath }
      }
      if (!fileName.endsWith('.pdf')) return { done: false, path: null }
      const file = join(mkdtempSync(join(tmpdir(), 'frontdesk-print-')), fileName.replace(/[\\/:*?"<>|]/g, '_'))
      writeFileSync(file, pdf)
      const viewer = new BrowserWindow({
        width: 900,
        height: 1100,
        title: fileName,
        autoHideMenuBar: true,
        webPreferences: {
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          webSecurity: true,
          disableBlinkFeatures: 'Auxclick',
          // Chromium's PDF viewer, which has the print button.
          plugins: true
        }
      })
      viewer.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
      viewer.webContents.on('will-navigate', (event) => event.preventDefault())
      await viewer.loadFile(file)
      return { done: true, path: file }
    }
  }
}
