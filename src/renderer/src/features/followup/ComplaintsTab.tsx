import { Badge, Button, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, Textarea } from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { COMPLAINT_CATEGORIES, COMPLAINT_CHANNELS, DEPARTMENTS, type ComplaintSummary } from '../../../../shared/contract/followup'
import { call } from '../../api/client'
import { fieldErrors, showError } from '../../lib/errors'
import { navigate } from '../../lib/router'
import { CustomerPicker } from './CustomerPicker'
import { age, formatDateTime } from './util'

/** Open complaints with their age, one click from anywhere in follow-up. */
export function ComplaintsTab() {
  const { t } = useTranslation()
  const [view, setView] = useState<'open' | 'all'>('open')
  const [items, setItems] = useState<ComplaintSummary[] | null>(null)
  const [creating, setCreating] = useState(false)
  const load = useCallback(() => {
    call('followup.complaints.list', { view }).then(setItems).catch((err: unknown) => showError(t, err))
  }, [view, t])
  useEffect(load, [load])
  const now = Date.now()
  const due = (at: string, doneAt: string | null) => (
    <Text size="sm" c={!doneAt && Date.parse(at) < now ? 'red' : doneAt ? 'teal' : undefined}>
      {formatDateTime(at)} {doneAt ? '✓' : Date.parse(at) < now ? `(${t('followup.complaints.late')})` : ''}
    </Text>
  )
  return (
    <Stack>
      <Group justify="space-between">
        <SegmentedControl
          value={view}
          onChange={(v) => setView(v as typeof view)}
          data={[
            { value: 'open', label: t('followup.complaints.openOnly') },
            { value: 'all', label: t('followup.complaints.all') }
          ]}
        />
        <Button leftSection={<IconPlus size={18} />} onClick={() => setCreating(true)}>{t('followup.complaints.new')}</Button>
      </Group>
      {items && items.length === 0 && <Text c="dimmed">{t('followup.complaints.empty')}</Text>}
      {items && items.length > 0 && (
        <Table striped highlightOnHover verticalSpacing="sm" fz="md">
          <Table.Thead>
            <Table.Tr>
              {['number', 'customer', 'category', 'status', 'age', 'ackDue', 'investigateDue', 'escalation'].map((k) => (
                <Table.Th key={k}>{t(`followup.complaints.${k}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((c) => (
              <Table.Tr key={c.id} style={{ cursor: 'pointer' }} tabIndex={0} data-testid="complaint-row"
                onClick={() => navigate('followup', 'complaints', c.id)} onKeyDown={(e) => e.key === 'Enter' && navigate('followup', 'complaints', c.id)}>
                <Table.Td fw={600}>{c.number}</Table.Td>
                <Table.Td>
                  {c.customerName}
                  <Text size="sm" c="dimmed" lineClamp={1}>{c.description}</Text>
                </Table.Td>
                <Table.Td>{t(`followup.categories.${c.category}`)}</Table.Td>
                <Table.Td><Badge variant="light">{t(`followup.statuses.${c.status}`)}</Badge></Table.Td>
                <Table.Td fw={600}>{age(t, c.ageHours)}</Table.Td>
                <Table.Td>{due(c.ackDueAt, c.acknowledgedAt)}</Table.Td>
                <Table.Td>{due(c.investigateDueAt, c.investigatedAt)}</Table.Td>
                <Table.Td>{t(`followup.complaints.level${c.escalationLevel}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {creating && <NewComplaint onClose={() => setCreating(false)} onSaved={(id) => navigate('followup', 'complaints', id)} />}
    </Stack>
  )
}

interface Visit {
  workOrderId: number
  number: string
  plate: string
  openedAt: string
  advisorName: string | null
}

/** A complaint at the counter or by letter; from a customer's file it can name the visit and the staff concerned. */
export function NewComplaint({ customerId: fixed, visits = [], onClose, onSaved }: { customerId?: number; visits?: Visit[]; onClose(): void; onSaved(id: number): void }) {
  const { t } = useTranslation()
  const [customerId, setCustomerId] = useState<number | null>(fixed ?? null)
  const [workOrderId, setWorkOrderId] = useState<string | null>(visits[0] ? String(visits[0].workOrderId) : null)
  const [staffId, setStaffId] = useState<string | null>(null)
  const [staff, setStaff] = useState<Array<{ value: string; label: string }>>([])
  useEffect(() => {
    call('staff.list', {}).then((l) => setStaff(l.filter((s) => s.active).map((s) => ({ value: String(s.id), label: s.name })))).catch(() => setStaff([]))
  }, [])
  const [channel, setChannel] = useState<string>('counter')
  const [category, setCategory] = useState<string | null>(null)
  const [department, setDepartment] = useState<string | null>(null)
  const [description, setDescription] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const save = async (): Promise<void> => {
    try {
      const c = await call('followup.complaints.create', {
        customerId: customerId ?? 0,
        channel: channel as (typeof COMPLAINT_CHANNELS)[number],
        category: (category ?? '') as (typeof COMPLAINT_CATEGORIES)[number],
        ...(department ? { department: department as (typeof DEPARTMENTS)[number] } : {}),
        ...(workOrderId ? { workOrderId: Number(workOrderId) } : {}),
        ...(staffId ? { staffId: Number(staffId) } : {}),
        description
      })
      onSaved(c.id)
    } catch (err) {
      setErrors(fieldErrors(t, err))
      showError(t, err)
    }
  }
  return (
    <Modal opened onClose={onClose} title={t('followup.complaints.new')} size="lg">
      <Stack>
        {!fixed && <CustomerPicker label={t('followup.complaints.customer')} value={customerId} onChange={setCustomerId} required />}
        <SimpleGrid cols={3}>
          <Select label={t('followup.complaints.channel')} value={channel} onChange={(v) => setChannel(v ?? 'counter')} allowDeselect={false}
            data={COMPLAINT_CHANNELS.map((c) => ({ value: c, label: t(`followup.channels.${c}`) }))} />
          <Select label={t('followup.complaints.category')} value={category} onChange={setCategory} error={errors.category} required
            data={COMPLAINT_CATEGORIES.map((c) => ({ value: c, label: t(`followup.categories.${c}`) }))} />
          <Select label={t('followup.complaints.department')} value={department} onChange={setDepartment} clearable
            data={DEPARTMENTS.map((d) => ({ value: d, label: t(`followup.departments.${d}`) }))} />
        </SimpleGrid>
        {visits.length > 0 && (
          <SimpleGrid cols={2}>
            <Select label={t('followup.complaints.workOrder')} value={workOrderId} onChange={setWorkOrderId} clearable
              data={visits.map((v) => ({ value: String(v.workOrderId), label: `${v.number} · ${v.plate} · ${formatDateTime(v.openedAt)}` }))} />
            <Select label={t('followup.complaints.staff')} value={staffId} onChange={setStaffId} clearable searchable data={staff}
              placeholder={visits.find((v) => String(v.workOrderId) === workOrderId)?.advisorName ?? undefined} />
          </SimpleGrid>
        )}
        <Textarea label={t('followup.complaints.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={errors.description} autosize minRows={3} required />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button onClick={() => void save()}>{t('common.save')}</Button>
        </Group>
      </Stack>
    </Modal>
  )
}
