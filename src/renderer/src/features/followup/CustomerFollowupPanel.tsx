import { Alert, Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Timeline, Title } from '@mantine/core'
import { IconAlertTriangle, IconMail, IconMessageReport, IconPhone } from '@tabler/icons-react'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CustomerFile, FollowupTask } from '../../../../shared/contract/followup'
import { call } from '../../api/client'
import { showError } from '../../lib/errors'
import { formatMoney, formatNumber } from '../../lib/format'
import { navigate } from '../../lib/router'
import { CallDialog } from './CallDialog'
import { NewComplaint } from './ComplaintsTab'
import { NewLetter } from './LettersTab'
import { day, formatDateTime, whyText } from './util'

/**
 * The follow-up half of a customer's file, for the customer page: vehicles with last and next
 * service, visits and work done, the planned calls, and one history of visits, calls, letters,
 * complaints and requests.
 */
export function CustomerFollowupPanel({ customerId, showIdentity = false }: { customerId: number; showIdentity?: boolean }) {
  const { t } = useTranslation()
  const [file, setFile] = useState<CustomerFile | null>(null)
  const [calling, setCalling] = useState<FollowupTask | null>(null)
  const [complaint, setComplaint] = useState(false)
  const [letter, setLetter] = useState(false)
  const load = useCallback(() => {
    call('followup.customerFile', { customerId }).then(setFile).catch((err: unknown) => showError(t, err))
  }, [customerId, t])
  useEffect(load, [load])
  if (!file) return <Text c="dimmed">{t('common.loading')}</Text>

  const historyTitle = (h: CustomerFile['history'][number]): string => {
    if (h.kind === 'call') {
      const [direction, purpose, outcome, stars] = h.title.split('|')
      return `${t(`followup.direction.${direction}`)} · ${t(`followup.purpose.${purpose}`)} · ${t(`followup.outcome.${outcome}`)}${stars ? ` · ${'★'.repeat(Number(stars))}` : ''}`
    }
    if (h.kind === 'complaint') {
      const [number, category, status] = h.title.split('|')
      return `${number} · ${t(`followup.categories.${category}`)} · ${t(`followup.statuses.${status}`)}`
    }
    if (h.kind === 'request') {
      const [status, ...text] = h.title.split('|')
      return `${text.join('|')} · ${t(`followup.requests.${status === 'open' ? 'open' : 'solved'}`)}`
    }
    return h.title
  }
  const icon = { visit: null, call: <IconPhone size={12} />, letter: <IconMail size={12} />, complaint: <IconMessageReport size={12} />, request: null }

  return (
    <Stack data-testid="followup-panel">
      <Group justify="space-between">
        <Title order={3}>{t('followup.file.title')}</Title>
        <Group>
          <Button variant="light" onClick={() => setLetter(true)}>{t('followup.letters.new')}</Button>
          <Button variant="light" color="orange" onClick={() => setComplaint(true)}>{t('followup.complaints.new')}</Button>
        </Group>
      </Group>
      {showIdentity && (
        <Card withBorder>
          <Group gap="xl">
            <Anchor href={`#/customers/${file.customerId}`} fz="xl" fw={700} data-testid="file-customer-name">{file.name}</Anchor>
            <Field label={t('customers.phone')} value={[file.phone, file.phone2].filter(Boolean).join(' / ')} />
            <Field label={t('customers.address')} value={file.address ?? '—'} />
          </Group>
        </Card>
      )}
      {file.missing.length > 0 && (
        <Alert color="orange" icon={<IconAlertTriangle />} data-testid="file-incomplete">
          {t('followup.file.incomplete', { items: file.missing.map((m) => t(`followup.missing.${m}`)).join('、') })}
        </Alert>
      )}
      <Card withBorder>
        <Text size="xs" c="dimmed">{t('followup.file.wants')}</Text>
        <Text>{file.wants || '—'}</Text>
      </Card>
      <Title order={4}>{t('followup.file.vehicles')}</Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {file.vehicles.map((v) => (
          <Card withBorder key={v.id}>
            <Group justify="space-between" mb="xs">
              <Badge size="xl" radius="sm" variant="outline" color="dark">{v.plate}</Badge>
              <Text>{[v.make, v.model].filter(Boolean).join(' ')} · {t(`vehicleTypes.${v.vehicleType}`)}</Text>
            </Group>
            <SimpleGrid cols={2} spacing="xs">
              <Field label={t('followup.file.interval')} value={t('followup.file.intervalValue', { km: v.serviceIntervalKm === null ? '—' : formatNumber(v.serviceIntervalKm), months: v.serviceIntervalMonths ?? '—' })} />
              <Field label={t('followup.file.lastService')} value={v.lastServiceOn ? `${day(v.lastServiceOn)}${v.lastServiceKm !== null ? ` · ${formatNumber(v.lastServiceKm)} km` : ''}` : t('followup.file.noHistory')} />
              <Field
                label={t('followup.file.nextService')}
                value={v.nextServiceOn ? `${day(v.nextServiceOn)} (${t(v.nextServiceBy === 'km' ? 'followup.file.byKm' : 'followup.file.byMonths')})${v.nextServiceKm !== null ? ` · ${formatNumber(v.nextServiceKm)} km` : ''}` : '—'}
                strong
              />
              <Field label={t('followup.file.estimatedKm')} value={v.estimatedKmToday === null ? '—' : `${formatNumber(v.estimatedKmToday)} km`} />
            </SimpleGrid>
          </Card>
        ))}
      </SimpleGrid>
      {file.openTasks.length > 0 && (
        <>
          <Title order={4}>{t('followup.file.openTasks')}</Title>
          {file.openTasks.map((task) => (
            <Group key={task.id} justify="space-between">
              <div>
                <Text fw={600}>{t(`followup.kinds.${task.kind}`)} · {day(task.dueFrom)} – {day(task.dueBy)}</Text>
                <Text size="sm">{whyText(t, task)}</Text>
              </div>
              {task.channel === 'phone' && <Button size="sm" leftSection={<IconPhone size={16} />} onClick={() => setCalling(task)}>{t('followup.today.record')}</Button>}
            </Group>
          ))}
        </>
      )}
      <Title order={4}>{t('followup.file.visits')}</Title>
      {file.visits.length === 0 ? (
        <Text c="dimmed">{t('followup.file.noHistoryYet')}</Text>
      ) : (
        <Table striped fz="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('followup.files.visited')}</Table.Th>
              <Table.Th>{t('followup.complaints.workOrder')}</Table.Th>
              <Table.Th>{t('followup.today.vehicle')}</Table.Th>
              <Table.Th>{t('followup.file.workDone')}</Table.Th>
              <Table.Th>{t('customers.mileage')}</Table.Th>
              <Table.Th>{t('followup.file.total')}</Table.Th>
              <Table.Th>{t('followup.file.advisor')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {file.visits.map((v) => (
              <Table.Tr key={v.workOrderId}>
                <Table.Td>{formatDateTime(v.deliveredAt ?? v.openedAt)}</Table.Td>
                <Table.Td>{v.number}</Table.Td>
                <Table.Td>{v.plate}</Table.Td>
                <Table.Td>{v.workDone}</Table.Td>
                <Table.Td>{v.mileageKm === null ? '' : formatNumber(v.mileageKm)}</Table.Td>
                <Table.Td>{formatMoney(v.totalCents)}</Table.Td>
                <Table.Td>{v.advisorName}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Title order={4}>{t('followup.file.history')}</Title>
      {file.history.length === 0 ? (
        <Text c="dimmed">{t('followup.file.noHistoryYet')}</Text>
      ) : (
        <Timeline bulletSize={20} lineWidth={2} data-testid="followup-history">
          {file.history.map((h) => (
            <Timeline.Item key={`${h.kind}-${h.refId}`} bullet={icon[h.kind]}
              title={<Group gap="xs"><Badge variant="light">{t(`followup.file.kinds.${h.kind}`)}</Badge><Text fw={600}>{historyTitle(h)}</Text></Group>}>
              <Text size="sm" c="dimmed">{formatDateTime(h.at)}{h.staffName ? ` · ${h.staffName}` : ''}</Text>
              {h.detail && <Text size="sm">{h.detail}</Text>}
              {h.kind === 'complaint' && <Anchor size="sm" href={`#/followup/complaints/${h.refId}`}>{t('followup.tabs.complaints')}</Anchor>}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      {calling && <CallDialog task={calling} onClose={() => setCalling(null)} onSaved={() => { setCalling(null); load() }} />}
      {complaint && <NewComplaint customerId={customerId} visits={file.visits} onClose={() => setComplaint(false)} onSaved={(id) => navigate('followup', 'complaints', id)} />}
      {letter && <NewLetter customerId={customerId} onClose={() => setLetter(false)} onSaved={() => { setLetter(false); load() }} />}
    </Stack>
  )
}

function Field({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text fw={strong ? 700 : undefined}>{value}</Text>
    </div>
  )
}
