import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'

/** The Electron binary's path, or null where ELECTRON_SKIP_BINARY_DOWNLOAD left it out. */
export function electronBinary() {
  try {
    const path = createRequire(import.meta.url)('electron')
    return typeof path === 'string' && existsSync(path) ? path : null
  } catch {
    return null
  }
}
