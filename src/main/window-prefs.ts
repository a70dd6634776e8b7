import { join } from 'node:path'

/**
 * The main window's web preferences, kept apart from window.ts (which needs Electron) so a test
 * can check them on machines without the Electron binary.
 */
export function mainWindowPreferences(preloadDir: string) {
  return {
    preload: join(preloadDir, 'index.cjs'),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false
  } as const
}
