import { Anchor, Badge, Button, CopyButton, Group, Modal, MultiSelect, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconArrowsSplit, IconMail, IconMessage, IconPhone, IconPhoneIncoming } from '@tabler/icons-react'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FollowupTask } from '../../../../shared/contract/followup'
import type { StaffRecord } from '../../../../shared/contract/staff'
import { call } from '../../api/client'
import { useHasRole } from '../../app/session'
import { showError } from '../../lib/errors'
import { CallDialog } from './CallDialog'
import { dueBadge, formatDateTime, whyText } from './util'

type Today = Awaited<ReturnType<typeof call<'followup.today'>>>

/** The morning list: whom to call today and why, overdue first. */
export function TodayTab() {
  const { t } = useTranslation()
  const isSupervisor = useHasRole('frontdesk_supervisor', 'service_director')
  const [assigned, setAssigned] = useState<'mine' | 'unassigned' | 'all'>('all')
  const [list, setList] = useState<Today | null>(null)
  const [calling, setCalling] = useState<FollowupTask | null>(null)
  const [inbound, setInbound] = useState(false)
  const [splitting, setSplitting] = useState(false)
  const [staff, setStaff] = useState<StaffRecord[]>([])
  const [shop, setShop] = useState<{ name: string; phone: string | null }>({ name: '', phone: null })
  useEffect(() => {
    call('settings.get', {}).then((s) => setShop(s.shop)).catch(() => undefined)
  }, [])

  const load = useCallback(() => {
    call('followup.today', { assigned, limit: 300 }).then(setList).catch((err: unknown) => showError(t, err))
  }, [assigned, t])
  useEffect(load, [load])
  useEffect(() => {
    call('staff.list', {}).then(setStaff).catch(() => setStaff([]))
  }, [])

  const complete = async (task: FollowupTask): Promise<void> => {
    try {
      const r = await call('followup.tasks.complete', { id: task.id, version: task.version })
      notifications.show({ color: 'teal', message: r.letterId ? t('followup.today.letterRegistered', { number: `XH${String(r.letterId).padStart(6, '0')}` }) : t('followup.today.doneSaved') })
      load()
    } catch (err) {
      showError(t, err)
    }
  }
  const assign = async (task: FollowupTask, staffId: string | null): Promise<void> => {
    try {
      await call('followup.tasks.assign', { id: task.id, version: task.version, staffId: staffId ? Number(staffId) : null })
      load()
    } catch (err) {
      showError(t, err)
    }
  }
  const callers = staff.filter((s) => s.active && s.roles.some((r) => ['followup_agent', 'frontdesk_supervisor', 'advisor', 'service_director'].includes(r)))

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3} data-testid="today-heading">{list ? t('followup.today.heading', { total: list.total, overdue: list.overdue }) : t('common.loading')}</Title>
        <Group>
          <SegmentedControl
            value={assigned}
            onChange={(v) => setAssigned(v as typeof assigned)}
            data={(['all', 'mine', 'unassigned'] as const).map((v) => ({ value: v, label: t(`followup.today.${v}`) }))}
          />
          {isSupervisor && (
            <Button variant="light" leftSection={<IconArrowsSplit size={18} />} onClick={() => setSplitting(true)}>{t('followup.today.split')}</Button>
          )}
          <Button variant="default" leftSection={<IconPhoneIncoming size={18} />} onClick={() => setInbound(true)}>{t('followup.today.inbound')}</Button>
        </Group>
      </Group>
      {list && list.items.length === 0 && <Text c="dimmed" fz="lg">{t('followup.today.empty')}</Text>}
      {list && list.items.length > 0 && (
        <Table verticalSpacing="sm" fz="md" striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('followup.today.due')}</Table.Th>
              <Table.Th>{t('followup.today.customer')}</Table.Th>
              <Table.Th>{t('followup.today.vehicle')}</Table.Th>
              <Table.Th>{t('followup.today.why')}</Table.Th>
              <Table.Th>{t('followup.today.assigned')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((task) => (
              <Table.Tr key={task.id} data-testid="followup-task">
                <Table.Td>
                  <Stack gap={4}>
                    {dueBadge(t, task, list.today)}
                    {task.nextTryAt && <Text size="sm" c="orange">{t('followup.today.callBackAt', { time: formatDateTime(task.nextTryAt) })}</Text>}
                    {task.attempts > 0 && <Text size="sm" c="dimmed">{t('followup.today.attempts', { n: task.attempts })}</Text>}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Anchor href={`#/followup/customer/${task.customerId}`} fw={700} fz="lg">{task.customerName}</Anchor>
                  <Text>{task.phone}</Text>
                </Table.Td>
                <Table.Td>
                  {task.plate && <Badge size="lg" variant="outline" color="dark" radius="sm">{task.plate}</Badge>}
                  {task.model && <Text size="sm">{task.model}</Text>}
                </Table.Td>
                <Table.Td>
                  <Text fw={600}>{t(`followup.kinds.${task.kind}`)}</Text>
                  <Text size="sm">{whyText(t, task)}</Text>
                  {task.servedByName && <Text size="xs" c="dimmed">{t('followup.today.servedBy', { name: task.servedByName })}</Text>}
                  {task.channel === 'sms' && <SmsText task={task} shop={shop} />}
                </Table.Td>
                <Table.Td>
                  {isSupervisor ? (
                    <Select
                      size="sm"
                      w={140}
                      aria-label={t('followup.today.assigned')}
                      placeholder={t('followup.today.nobody')}
                      value={task.assignedTo ? String(task.assignedTo) : null}
                      onChange={(v) => void assign(task, v)}
                      data={callers.map((s) => ({ value: String(s.id), label: s.name, disabled: s.id === task.servedById }))}
                      clearable
                    />
                  ) : (
                    <Text>{task.assignedName ?? t('followup.today.nobody')}</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {task.channel === 'phone' ? (
                    <Button size="md" leftSection={<IconPhone size={18} />} onClick={() => setCalling(task)}>{t('followup.today.record')}</Button>
                  ) : (
                    <Button size="md" variant="light" leftSection={task.channel === 'sms' ? <IconMessage size={18} /> : <IconMail size={18} />} onClick={() => void complete(task)}>
                      {t('followup.today.done')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {calling && (
        <CallDialog
          task={calling}
          onClose={() => setCalling(null)}
          onSaved={() => {
            setCalling(null)
            load()
          }}
        />
      )}
      {inbound && (
        <CallDialog
          onClose={() => setInbound(false)}
          onSaved={() => {
            setInbound(false)
            load()
          }}
        />
      )}
      {splitting && (
        <SplitDialog
          staff={callers}
          onClose={() => setSplitting(false)}
          onDone={() => {
            setSplitting(false)
            load()
          }}
        />
      )}
    </Stack>
  )
}

function SplitDialog({ staff, onClose, onDone }: { staff: StaffRecord[]; onClose(): void; onDone(): void }) {
  const { t } = useTranslation()
  const [chosen, setChosen] = useState<string[]>(() => staff.filter((s) => s.roles.includes('followup_agent')).map((s) => String(s.id)))
  const split = async (): Promise<void> => {
    try {
      const r = await call('followup.tasks.split', { staffIds: chosen.map(Number) })
      notifications.show({ color: 'teal', message: t('followup.today.splitDone', r) })
      onDone()
    } catch (err) {
      showError(t, err)
    }
  }
  return (
    <Modal opened onClose={onClose} title={t('followup.today.split')}>
      <Stack>
        <Text size="sm">{t('followup.today.splitHelp')}</Text>
        <MultiSelect label={t('followup.today.agents')} data={staff.map((s) => ({ value: String(s.id), label: s.name }))} value={chosen} onChange={setChosen} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button onClick={() => void split()} disabled={chosen.length === 0}>{t('followup.today.split')}</Button>
        </Group>
      </Stack>
    </Modal>
  )
}

/** The text message for a customer the phone could not reach, ready to paste into the shop's SMS tool. */
function SmsText({ task, shop }: { task: FollowupTask; shop: { name: string; phone: string | null } }) {
  const { t } = useTranslation()
  const text = t('followup.template.sms', { name: task.customerName, shop: shop.name, plate: task.plate ?? '', phone: shop.phone ?? '' })
  return (
    <Group gap="xs" mt={4} wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" data-testid="sms-text">{text}</Text>
      <CopyButton value={text}>
        {({ copied, copy }) => (
          <Button size="xs" variant="light" onClick={copy}>{copied ? t('followup.template.copied') : t('followup.template.copy')}</Button>
        )}
      </CopyButton>
    </Group>
  )
}
