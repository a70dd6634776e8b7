import { z } from 'zod'
import { call } from './define'
import { id, text } from './common'

const device = z.object({
  id,
  name: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string().nullable(),
  lastAddress: z.string().nullable(),
  revokedAt: z.string().nullable(),
  online: z.boolean(),
  signedIn: z.string().nullable()
})

const hostStatus = z.object({
  enabled: z.boolean(),
  address: z.string().nullable(),
  port: z.number().int(),
  running: z.boolean(),
  url: z.string().nullable(),
  lastError: z.string().nullable(),
  interfaces: z.array(z.object({ name: z.string(), address: z.string() })),
  devices: z.array(device)
})

const linkStatus = z.object({
  hostUrl: z.string(),
  deviceName: z.string(),
  connected: z.boolean(),
  latencyMs: z.number().nullable(),
  lastError: z.string().nullable(),
  lastContactAt: z.string().nullable()
})

const hostUrl = text(200).pipe(z.string().regex(/^https?:\/\/[\w.-]+(:\d{1,5})?\/?$/, { message: 'lan.host_url' }))

export const lanContract = {
  'lan.hostStatus': call({
    summary: 'This PC as the host: whether it serves the LAN, on which address, and the paired workstations with who is signed in where.',
    input: z.object({}),
    output: hostStatus,
    access: ['admin']
  }),
  'lan.configureHost': call({
    summary: 'Serve (or stop serving) this PC’s data to workstations on one LAN address and port; all interfaces only when chosen explicitly.',
    input: z.object({
      enabled: z.boolean(),
      address: z.union([z.ipv4(), z.null()]),
      port: z.number().int().min(1024).max(65535)
    }),
    output: hostStatus,
    access: ['admin']
  }),
  'lan.startPairing': call({
    summary: 'A six-digit code, valid five minutes and once, that a new workstation types to pair with this host.',
    input: z.object({}),
    output: z.object({ code: z.string(), expiresAt: z.string() }),
    access: ['admin']
  }),
  'lan.revokeDevice': call({
    summary: 'Revoke a paired workstation: its next call is refused.',
    input: z.object({ id }),
    output: hostStatus,
    access: ['admin']
  }),
  'lan.discover': call({
    summary: 'Front Desk hosts announcing themselves on the LAN (DNS-SD).',
    input: z.object({}),
    output: z.array(z.object({ name: z.string(), url: z.string() })),
    access: 'public'
  }),
  'lan.connect': call({
    summary: 'Make this PC a workstation of a host: pair with the code the host shows. Only a PC without its own data can.',
    input: z.object({ hostUrl, code: z.string().regex(/^\d{6}$/, { message: 'lan.code' }), deviceName: text(60).optional() }),
    output: linkStatus,
    access: 'public'
  }),
  'lan.workstationStatus': call({
    summary: 'Whether this PC is standalone, a host or a workstation, and for a workstation its host, latency and last error.',
    input: z.object({}),
    output: z.object({ mode: z.enum(['standalone', 'host', 'workstation']), link: linkStatus.nullable() }),
    access: 'public'
  }),
  'lan.disconnect': call({
    summary: 'Unpair this workstation (an administrator signed in from it): it becomes a PC with no data again.',
    input: z.object({}),
    output: z.object({ ok: z.literal(true) }),
    access: ['admin']
  })
} as const
