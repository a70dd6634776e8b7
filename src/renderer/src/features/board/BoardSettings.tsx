import { ActionIcon, Button, Card, Checkbox, Group, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BoardSettings as Settings, Bay, Block } from '../../../../shared/contract/appointments'
import { call } from '../../api/client'
import { useHasRole } from '../../app/session'
import { fieldErrors, showError } from '../../lib/errors'

/** The board's panel on the Settings page: bays, opening hours, the advisor interval, blocked time. */
export function BoardSettings() {
  const { t } = useTranslation()
  const canEdit = useHasRole('frontdesk_supervisor', 'service_director', 'admin')
  const [settings, setSettings] = useState<Settings | null>(null)
  const [bays, setBays] = useState<Bay[]>([])
  const [blocks, setBlocks] = useState<Block[]>([])
  const [advisors, setAdvisors] = useState<Array<{ id: number; name: string }>>([])

  const load = async () => {
    try {
      const s = await call('appointments.settings.get', {})
      setSettings(s.settings)
      setBays(s.bays)
      setBlocks(s.blocks)
      const staff = await call('staff.list', {})
      setAdvisors(staff.filter((x) => x.roles.includes('advisor')).map((x) => ({ id: x.id, name: x.name })))
    } catch (err) {
      showError(t, err)
    }
  }
  useEffect(() => {
    void load()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  if (!settings) return null
  const saveSettings = async () => {
    try {
      setSettings(await call('appointments.settings.update', settings))
      notifications.show({ color: 'teal', message: t('common.saved') })
    } catch (err) {
      showError(t, err)
    }
  }
  const setDay = (i: number, day: Settings['openingHours'][number]) => setSettings({ ...settings, openingHours: settings.openingHours.map((d, j) => (j === i ? day : d)) })
  const num = (k: 'intervalMinutes' | 'windowMinutes' | 'slotMinutes' | 'defaultDurationMinutes', label: string) => (
    <NumberInput label={label} value={settings[k]} min={0} max={720} disabled={!canEdit} onChange={(v) => setSettings({ ...settings, [k]: Number(v) || 0 })} />
  )

  return (
    <Card withBorder data-testid="board-settings">
      <Title order={3} mb="sm">{t('board.settings.title')}</Title>
      <Stack>
        <BaysEditor bays={bays} canEdit={canEdit} onChanged={() => void load()} />

        <Text fw={700} fz="lg">{t('board.settings.openingHours')}</Text>
        <Table maw={560}>
          <Table.Tbody>
            {settings.openingHours.map((d, i) => (
              <Table.Tr key={i}>
                <Table.Td w={110}>{t(`board.settings.weekday.${i}`)}</Table.Td>
                <Table.Td w={90}>
                  <Checkbox label={t('board.settings.openDay')} checked={d !== null} disabled={!canEdit} onChange={(e) => setDay(i, e.currentTarget.checked ? { open: '08:00', close: '18:00' } : null)} />
                </Table.Td>
                <Table.Td>
                  {d && (
                    <Group gap="xs" wrap="nowrap">
                      <TextInput type="time" aria-label={`${t(`board.settings.weekday.${i}`)} ${t('board.settings.open')}`} value={d.open} disabled={!canEdit} onChange={(e) => setDay(i, { ...d, open: e.currentTarget.value })} />
                      <Text>–</Text>
                      <TextInput type="time" aria-label={`${t(`board.settings.weekday.${i}`)} ${t('board.settings.close')}`} value={d.close === '24:00' ? '23:59' : d.close} disabled={!canEdit} onChange={(e) => setDay(i, { ...d, close: e.currentTarget.value === '23:59' ? '24:00' : e.currentTarget.value })} />
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <SimpleGrid cols={{ base: 1, sm: 2 }} maw={720}>
          {num('intervalMinutes', t('board.settings.interval'))}
          {num('windowMinutes', t('board.settings.window'))}
          {num('slotMinutes', t('board.settings.slot'))}
          {num('defaultDurationMinutes', t('board.settings.defaultDuration'))}
        </SimpleGrid>
        {canEdit && (
          <Group>
            <Button onClick={() => void saveSettings()}>{t('common.save')}</Button>
          </Group>
        )}

        <BlocksEditor blocks={blocks} bays={bays} advisors={advisors} canEdit={canEdit} onChanged={() => void load()} />
      </Stack>
    </Card>
  )
}

function BaysEditor({ bays, canEdit, onChanged }: { bays: Bay[]; canEdit: boolean; onChanged(): void }) {
  const { t } = useTranslation()
  const [name, setName] = useState('')
  const [error, setError] = useState<string | undefined>()
  const save = async (input: { id?: number; version?: number; name: string; sort: number; active: boolean }) => {
    setError(undefined)
    try {
      await call('appointments.bays.save', input)
      setName('')
      onChanged()
    } catch (err) {
      setError(fieldErrors(t, err).name)
      showError(t, err)
    }
  }
  return (
    <Stack gap="xs">
      <Text fw={700} fz="lg">{t('board.settings.bays')}</Text>
      <Table maw={560}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('board.settings.bayName')}</Table.Th>
            <Table.Th w={90}>{t('board.settings.order')}</Table.Th>
            <Table.Th w={100}>{t('board.settings.active')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {bays.map((b) => (
            <Table.Tr key={b.id}>
              <Table.Td>
                <TextInput defaultValue={b.name} aria-label={t('board.settings.bayName')} disabled={!canEdit} onBlur={(e) => e.currentTarget.value !== b.name && void save({ ...b, name: e.currentTarget.value })} />
              </Table.Td>
              <Table.Td>
                <NumberInput defaultValue={b.sort} min={0} max={999} aria-label={t('board.settings.order')} disabled={!canEdit} onBlur={(e) => Number(e.currentTarget.value) !== b.sort && void save({ ...b, sort: Number(e.currentTarget.value) || 0 })} />
              </Table.Td>
              <Table.Td>
                <Switch checked={b.active} disabled={!canEdit} aria-label={`${b.name} ${t('board.settings.active')}`} onChange={(e) => void save({ ...b, active: e.currentTarget.checked })} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {canEdit && (
        <Group align="start">
          <TextInput placeholder={t('board.settings.bayName')} aria-label={t('board.settings.bayName')} value={name} error={error} onChange={(e) => setName(e.currentTarget.value)} />
          <Button leftSection={<IconPlus size={16} />} disabled={!name.trim()} onClick={() => void save({ name, sort: bays.length, active: true })}>{t('board.settings.addBay')}</Button>
        </Group>
      )}
    </Stack>
  )
}

function BlocksEditor({ blocks, bays, advisors, canEdit, onChanged }: { blocks: Block[]; bays: Bay[]; advisors: Array<{ id: number; name: string }>; canEdit: boolean; onChanged(): void }) {
  const { t } = useTranslation()
  const [kind, setKind] = useState<'bay' | 'advisor'>('bay')
  const [target, setTarget] = useState<string | null>(null)
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [reason, setReason] = useState('')
  const add = async () => {
    if (!target) return
    try {
      await call('appointments.blocks.add', { bayId: kind === 'bay' ? Number(target) : null, advisorId: kind === 'advisor' ? Number(target) : null, startsAt: from, endsAt: to, reason })
      setReason('')
      onChanged()
    } catch (err) {
      showError(t, err)
    }
  }
  const remove = async (id: number) => {
    try {
      await call('appointments.blocks.remove', { id })
      onChanged()
    } catch (err) {
      showError(t, err)
    }
  }
  const options = kind === 'bay' ? bays.filter((b) => b.active).map((b) => ({ value: String(b.id), label: b.name })) : advisors.map((a) => ({ value: String(a.id), label: a.name }))
  return (
    <Stack gap="xs">
      <Text fw={700} fz="lg">{t('board.settings.blocks')}</Text>
      {blocks.length === 0 && <Text c="dimmed">{t('board.settings.noBlocks')}</Text>}
      {blocks.map((b) => (
        <Group key={b.id} gap="sm">
          <Text fz="md"><b>{b.label}</b> {b.startsAt.replace('T', ' ')} – {b.endsAt.replace('T', ' ')} {b.reason ?? ''}</Text>
          {canEdit && (
            <ActionIcon variant="subtle" color="red" aria-label={t('board.settings.remove')} onClick={() => void remove(b.id)}>
              <IconTrash size={18} />
            </ActionIcon>
          )}
        </Group>
      ))}
      {canEdit && (
        <Group align="end" wrap="wrap">
          <SegmentedControl value={kind} onChange={(v) => { setKind(v as 'bay' | 'advisor'); setTarget(null) }} data={[{ value: 'bay', label: t('board.settings.blockBay') }, { value: 'advisor', label: t('board.settings.blockAdvisor') }]} />
          <Select label={t('board.settings.blockKind')} data={options} value={target} onChange={setTarget} w={160} />
          <TextInput type="datetime-local" label={t('board.settings.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
          <TextInput type="datetime-local" label={t('board.settings.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
          <TextInput label={t('board.settings.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          <Button leftSection={<IconPlus size={16} />} disabled={!target || !from || !to} onClick={() => void add()}>{t('board.settings.addBlock')}</Button>
        </Group>
      )}
    </Stack>
  )
}
