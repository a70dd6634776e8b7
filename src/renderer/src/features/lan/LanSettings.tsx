import { Badge, Button, Card, Group, NumberInput, Select, Stack, Switch, Table, Text, Title } from '@mantine/core'
import { modals } from '@mantine/modals'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppContract } from '../../../../shared/contract'
import type { OutputOf } from '../../../../shared/contract/define'
import { call } from '../../api/client'
import { useHasRole, useSession } from '../../app/session'
import { showError } from '../../lib/errors'
import { formatDateTime } from '../../lib/format'

type HostStatus = OutputOf<AppContract['lan.hostStatus']>
type Mode = OutputOf<AppContract['lan.workstationStatus']>

/** Settings → the LAN: as host (serve, pair, revoke, who is where) or, on a workstation, its link. */
export function LanSettings() {
  const isAdmin = useHasRole('admin')
  const [mode, setMode] = useState<Mode | null>(null)
  useEffect(() => {
    call('lan.workstationStatus', {}).then(setMode).catch(() => undefined)
  }, [])
  if (!mode) return null
  if (mode.mode === 'workstation') return <WorkstationPanel mode={mode} />
  return isAdmin ? <HostPanel /> : null
}

function HostPanel() {
  const { t } = useTranslation()
  const [status, setStatus] = useState<HostStatus | null>(null)
  const [enabled, setEnabled] = useState(false)
  const [address, setAddress] = useState<string | null>(null)
  const [port, setPort] = useState(5318)
  const [pairing, setPairing] = useState<{ code: string; expiresAt: string } | null>(null)
  const load = useCallback(() => {
    call('lan.hostStatus', {})
      .then((s) => {
        setStatus(s)
        setEnabled(s.enabled)
        setAddress(s.address)
        setPort(s.port)
      })
      .catch((err: unknown) => showError(t, err))
  }, [t])
  useEffect(() => {
    load()
    const timer = window.setInterval(load, 10_000)
    return () => window.clearInterval(timer)
  }, [load])

  const apply = async (): Promise<void> => {
    try {
      setStatus(await call('lan.configureHost', { enabled, address, port }))
    } catch (err) {
      showError(t, err)
    }
  }
  const pair = async (): Promise<void> => {
    try {
      setPairing(await call('lan.startPairing', {}))
    } catch (err) {
      showError(t, err)
    }
  }
  const revoke = (id: number, name: string): void => {
    modals.openConfirmModal({
      title: t('lan.revoke'),
      children: <Text>{t('lan.revokeConfirm', { name })}</Text>,
      labels: { confirm: t('lan.revoke'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => {
        call('lan.revokeDevice', { id }).then(setStatus).catch((err: unknown) => showError(t, err))
      }
    })
  }
  if (!status) return null
  const choices = [
    ...status.interfaces.map((i) => ({ value: i.address, label: `${i.address} (${i.name})` })),
    { value: '127.0.0.1', label: `127.0.0.1 (${t('lan.thisPcOnly')})` },
    { value: '0.0.0.0', label: t('lan.allInterfaces') }
  ]
  return (
    <Card withBorder>
      <Title order={4} mb="xs">{t('lan.hostTitle')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('lan.hostHelp')}</Text>
      <Stack>
        <Group align="end">
          <Switch label={t('lan.enabled')} checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} />
          <Select label={t('lan.address')} data={choices} value={address} onChange={setAddress} w={280} />
          <NumberInput label={t('lan.port')} value={port} min={1024} max={65535} allowDecimal={false} w={110} onChange={(v) => setPort(Number(v) || 5318)} />
          <Button variant="default" onClick={() => void apply()}>{t('lan.apply')}</Button>
        </Group>
        <Group>
          <Badge size="lg" variant="light" color={status.running ? 'teal' : 'gray'} data-testid="lan-url">
            {status.running && status.url ? t('lan.running', { url: status.url }) : t('lan.stopped')}
          </Badge>
          {status.running && <Button onClick={() => void pair()}>{t('lan.pair')}</Button>}
        </Group>
        {pairing && status.url && (
          <Card bg="gray.0">
            <Text>{t('lan.pairHelp', { url: status.url })}</Text>
            <Text fz={40} fw={700} ff="monospace" lts={8} data-testid="pairing-code">{pairing.code}</Text>
            <Text size="sm" c="dimmed">{formatDateTime(pairing.expiresAt)}</Text>
          </Card>
        )}
        <Title order={5}>{t('lan.devices')}</Title>
        {status.devices.length === 0 && <Text c="dimmed">{t('lan.noDevices')}</Text>}
        <Table verticalSpacing="xs">
          <Table.Tbody>
            {status.devices.map((d) => (
              <Table.Tr key={d.id} style={{ opacity: d.revokedAt ? 0.5 : 1 }}>
                <Table.Td fw={600}>{d.name}</Table.Td>
                <Table.Td>
                  {d.revokedAt ? (
                    <Badge color="gray">{t('lan.revoked', { at: formatDateTime(d.revokedAt) })}</Badge>
                  ) : (
                    <Badge color={d.online ? 'teal' : 'gray'}>{d.online ? t('lan.online') : t('lan.offline')}</Badge>
                  )}
                </Table.Td>
                <Table.Td>{d.signedIn && t('lan.signedIn', { name: d.signedIn })}</Table.Td>
                <Table.Td>{d.lastSeenAt && t('lan.lastSeen', { at: formatDateTime(d.lastSeenAt), address: d.lastAddress ?? '' })}</Table.Td>
                <Table.Td>{!d.revokedAt && <Button size="xs" color="red" variant="light" onClick={() => revoke(d.id, d.name)}>{t('lan.revoke')}</Button>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Card>
  )
}

function WorkstationPanel({ mode }: { mode: Mode }) {
  const { t } = useTranslation()
  const { signOut } = useSession()
  const isAdmin = useHasRole('admin')
  const [link, setLink] = useState(mode.link)
  useEffect(() => {
    const timer = window.setInterval(() => {
      call('lan.workstationStatus', {}).then((m) => setLink(m.link)).catch(() => undefined)
    }, 3000)
    return () => window.clearInterval(timer)
  }, [])
  if (!link) return null
  const disconnect = (): void => {
    modals.openConfirmModal({
      title: t('lan.disconnect'),
      children: <Text>{t('lan.disconnectConfirm')}</Text>,
      labels: { confirm: t('lan.disconnect'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => {
        call('lan.disconnect', {}).then(signOut).catch((err: unknown) => showError(t, err))
      }
    })
  }
  return (
    <Card withBorder>
      <Title order={4} mb="sm">{t('lan.workstationTitle')}</Title>
      <Table>
        <Table.Tbody>
          <Table.Tr><Table.Td>{t('lan.host')}</Table.Td><Table.Td>{link.hostUrl} <Badge color={link.connected ? 'teal' : 'red'}>{link.connected ? t('lan.online') : t('lan.offline')}</Badge></Table.Td></Table.Tr>
          <Table.Tr><Table.Td>{t('lan.latency')}</Table.Td><Table.Td>{link.latencyMs === null ? '—' : `${link.latencyMs} ms`}</Table.Td></Table.Tr>
          <Table.Tr><Table.Td>{t('lan.lastError')}</Table.Td><Table.Td>{link.lastError ?? '—'}</Table.Td></Table.Tr>
        </Table.Tbody>
      </Table>
      {isAdmin && <Button mt="sm" color="red" variant="light" onClick={disconnect}>{t('lan.disconnect')}</Button>}
    </Card>
  )
}
