import type { Clock } from './core/clock'
import { startBackupSchedule } from './core/backup-schedule'
import type { Core, DesktopServices } from './core/context'
import { createCore } from './core/create'
import { announceHost } from './lan/discovery'
import { readLanSettings } from './lan/host'
import { readWorkstationConfig, WorkstationLink } from './lan/workstation'

export interface StartOptions {
  dataDir: string
  appVersion: string
  clock?: Clock
  desktop?: DesktopServices
  nativeBinding?: string
  backups?: boolean
  log?: (message: string) => void
}

/**
 * Starts the app's main side the same way for the desktop and the browser mode: a workstation
 * (paired before) links to its host and opens no data file; otherwise the data file is opened,
 * backed up on a schedule, and served on the LAN if Settings says so.
 */
export async function startCore(options: StartOptions): Promise<{ core: Core; stop(): Promise<void> }> {
  const log = options.log ?? console.log
  const workstation = readWorkstationConfig(options.dataDir)
  const core = createCore({
    dataDir: options.dataDir,
    appVersion: options.appVersion,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.desktop ? { desktop: options.desktop } : {}),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    inMemory: workstation !== null
  })
  if (workstation) {
    const link = new WorkstationLink(workstation)
    core.remote = link
    void link.ping()
    log(`Workstation of ${workstation.hostUrl} (device ${workstation.deviceId})`)
    return { core, stop: async () => link.stop() }
  }
  const stopBackups = options.backups === false ? () => undefined : startBackupSchedule(core, log)
  let stopAnnounce = (): void => undefined
  const lan = readLanSettings(core.db)
  if (lan.enabled && lan.address) {
    try {
      await core.lanHost?.apply(lan)
      log(`Serving workstations at ${core.lanHost?.url}`)
      stopAnnounce = announceHost(lan.address, lan.port)
    } catch (err) {
      log(`Cannot serve the LAN on ${lan.address}:${lan.port}: ${(err as Error).message}`)
    }
  }
  return {
    core,
    stop: async () => {
      stopBackups()
      stopAnnounce()
      await core.lanHost?.stop()
    }
  }
}
