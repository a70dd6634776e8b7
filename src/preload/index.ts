/**
 * The preload: exposes `window.api`, one function per call of the contract and nothing else.
 * The contract (with zod) is bundled in so the names cannot drift from main.
 * Bundled to one CommonJS file that requires only 'electron' (the sandbox allows no more).
 */
import { contextBridge, ipcRenderer } from 'electron'
import { CALL_NAMES } from '../shared/contract'

const CALL_CHANNEL = 'frontdesk:call'

const api = Object.freeze(
  Object.fromEntries(
    CALL_NAMES.map((name) => [
      name,
      (input: unknown, token: string | null) => ipcRenderer.invoke(CALL_CHANNEL, name, input, token)
    ])
  )
)

contextBridge.exposeInMainWorld('api', api)
