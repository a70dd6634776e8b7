import { ipcMain, type WebFrameMain } from 'electron'
import type { Core } from '../core/context'
import { dispatch } from '../core/dispatch'

export const CALL_CHANNEL = 'frontdesk:call'

/**
 * The contract on ipcMain. Only the app's own top frame may call: a frame that navigated away
 * or an embedded one is refused before anything runs.
 */
export function registerIpc(core: Core, isAppFrame: (frame: WebFrameMain | null) => boolean): void {
  ipcMain.handle(CALL_CHANNEL, async (event, name: unknown, input: unknown, token: unknown) => {
    if (!isAppFrame(event.senderFrame)) {
      return { ok: false, error: { code: 'forbidden', message: 'Calls are accepted only from the app window.' } }
    }
    return dispatch(core, typeof name === 'string' ? name : '', input, typeof token === 'string' ? token : null)
  })
}
