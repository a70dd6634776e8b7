import { existsSync, rmSync } from 'node:fs'
import { lanContract } from '../../shared/contract/lan'
import { AppError } from '../../shared/errors'
import type { Core } from '../core/context'
import type { HandlerMap } from '../core/dispatch'
import { openDatabase } from '../db/open'
import { recordAudit } from '../domain/audit/audit'
import { staffCount } from '../domain/staff/staff'
import { inTx } from '../domain/tx'
import { listDevices, revokeDevice } from '../lan/devices'
import { discoverHosts } from '../lan/discovery'
import { lanInterfaces, readLanSettings, writeLanSettings, type LanHost } from '../lan/host'
import {
  defaultDeviceName,
  forgetWorkstationConfig,
  pairWithHost,
  WorkstationLink,
  writeWorkstationConfig
} from '../lan/workstation'

const ONLINE_MS = 90_000

function hostOf(core: Core): LanHost {
  if (!core.lanHost) throw new AppError('lan.not_hosting', 'This PC cannot host.')
  return core.lanHost
}

function hostStatus(core: Core) {
  const settings = readLanSettings(core.db)
  const host = hostOf(core)
  return {
    ...settings,
    running: host.url !== null,
    url: host.url,
    lastError: host.lastError,
    interfaces: lanInterfaces(),
    devices: listDevices(core.db).map(({ key: _key, ...d }) => {
      const presence = host.presence.get(d.id)
      return { ...d, online: !!presence && Date.now() - presence.lastSeen < ONLINE_MS && !d.revokedAt, signedIn: presence?.staffName ?? null }
    })
  }
}

/** A workstation with no database of its own: the in-memory handle only answers its local calls. */
export function becomeWorkstation(core: Core, link: WorkstationLink): void {
  core.db.close()
  core.db = openDatabase(':memory:')
  core.remote = link
}

export const lanHandlers: HandlerMap<typeof lanContract> = {
  'lan.hostStatus': (_input, { core }) => hostStatus(core),
  'lan.configureHost': async (input, { core, actor, clock }) => {
    if (input.enabled && !input.address) throw new AppError('lan.address_required', 'Choose the LAN address to serve on.')
    const before = readLanSettings(core.db)
    inTx(core.db, () => {
      writeLanSettings(core.db, input)
      recordAudit(core.db, actor, clock.now(), { action: 'update', entity: 'settings', entityId: 'lan', before: { ...before }, after: { ...input } })
    })
    try {
      await hostOf(core).apply(input)
    } catch (err) {
      throw new AppError('lan.cannot_listen', `Cannot serve on ${input.address}:${input.port}: ${(err as Error).message}`, {
        address: input.address ?? '',
        port: input.port,
        reason: (err as Error).message
      })
    }
    return hostStatus(core)
  },
  'lan.startPairing': (_input, { core }) => {
    if (!hostOf(core).url) throw new AppError('lan.not_hosting', 'Turn on hosting first.')
    return hostOf(core).startPairing()
  },
  'lan.revokeDevice': ({ id }, { core, actor, clock }) => {
    inTx(core.db, () => revokeDevice(core.db, actor!, clock.now(), id))
    hostOf(core).presence.delete(id)
    return hostStatus(core)
  },
  'lan.discover': () => discoverHosts(),
  'lan.connect': async ({ hostUrl, code, deviceName }, { core, clock }) => {
    if (core.remote) throw new AppError('lan.already_workstation', 'This PC is already a workstation.')
    if (staffCount(core.db) > 0) throw new AppError('lan.has_data', 'This PC has its own data; only a new PC can become a workstation.')
    let config
    try {
      config = await pairWithHost(hostUrl, code, deviceName ?? defaultDeviceName(), clock.now())
    } catch (err) {
      throw new AppError('lan.pairing_failed', `Pairing with ${hostUrl} failed: ${(err as Error).message}`, { host: hostUrl, reason: (err as Error).message })
    }
    writeWorkstationConfig(core.dataDir, config)
    const link = new WorkstationLink(config)
    const emptyFile = core.dbFile
    becomeWorkstation(core, link)
    // The empty local file made at first start is not kept: a workstation holds no data.
    for (const suffix of ['', '-wal', '-shm']) if (existsSync(emptyFile + suffix)) rmSync(emptyFile + suffix, { force: true })
    await link.ping()
    return link.status()
  },
  'lan.workstationStatus': (_input, { core }) => {
    if (core.remote instanceof WorkstationLink) return { mode: 'workstation' as const, link: core.remote.status() }
    return { mode: core.lanHost?.url ? ('host' as const) : ('standalone' as const), link: null }
  },
  'lan.disconnect': ({}, { core }) => {
    if (!(core.remote instanceof WorkstationLink)) throw new AppError('lan.not_workstation', 'This PC is not a workstation.')
    core.remote.stop()
    forgetWorkstationConfig(core.dataDir)
    delete core.remote
    core.db.close()
    core.db = openDatabase(core.dbFile)
    return { ok: true as const }
  }
}
