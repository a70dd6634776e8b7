import { Badge, Button, Group, Select, Table, Text, TextInput, Title } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconPlus, IconSearch } from '@tabler/icons-react'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { WO_STATUSES, type WorkOrderRow } from '../../../../shared/contract/workorders'
import { call } from '../../api/client'
import { showError } from '../../lib/errors'
import { formatDateTime, formatMoney } from '../../lib/format'
import { useLiveChanges } from '../../lib/live'
import { navigate } from '../../lib/router'
import { StatusBadge } from './shared'

/** The open orders, late ones first, filtered by status, advisor and bay. */
export function OrderList() {
  const { t } = useTranslation()
  const [status, setStatus] = useState<string>('active')
  const [advisor, setAdvisor] = useState<string | null>(null)
  const [bay, setBay] = useState<string | null>(null)
  const [query, setQuery] = useState('')
  const [debounced] = useDebouncedValue(query, 200)
  const [rows, setRows] = useState<WorkOrderRow[]>([])
  const [staff, setStaff] = useState<Array<{ value: string; label: string }>>([])
  const [bays, setBays] = useState<string[]>([])
  const load = useCallback(() => {
    call('workorders.list', {
      status: status as 'active',
      ...(advisor ? { advisorId: Number(advisor) } : {}),
      ...(bay ? { bay } : {}),
      ...(debounced ? { query: debounced } : {})
    })
      .then((r) => setRows(r.items))
      .catch((err: unknown) => showError(t, err))
  }, [status, advisor, bay, debounced, t])
  useEffect(load, [load])
  useLiveChanges(['workorders.'], load)
  useEffect(() => {
    call('staff.list', {}).then((s) => setStaff(s.filter((x) => x.roles.includes('advisor')).map((x) => ({ value: String(x.id), label: x.name })))).catch(() => undefined)
    call('workorders.settings.get', {}).then((s) => setBays(s.bays)).catch(() => undefined)
  }, [])
  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={2}>{t('workorders.openOrders')}</Title>
        <Button size="md" leftSection={<IconPlus size={18} />} onClick={() => navigate('workorders', 'checkin')}>{t('workorders.checkIn')}</Button>
      </Group>
      <Group mb="md">
        <TextInput leftSection={<IconSearch size={18} />} aria-label={t('common.search')} placeholder={t('workorders.searchOrders')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} w={260} />
        <Select
          aria-label={t('workorders.f.status')}
          value={status}
          onChange={(v) => setStatus(v ?? 'active')}
          data={[{ value: 'active', label: t('workorders.allStatuses') }, ...WO_STATUSES.map((s) => ({ value: s, label: t(`workorders.status.${s}`) })), { value: 'all', label: t('workorders.everything') }]}
        />
        <Select aria-label={t('workorders.f.advisor')} placeholder={t('workorders.anyAdvisor')} value={advisor} onChange={setAdvisor} clearable data={staff} />
        <Select aria-label={t('workorders.f.bay')} placeholder={t('workorders.anyBay')} value={bay} onChange={setBay} clearable data={bays} />
      </Group>
      <Table striped highlightOnHover verticalSpacing="sm" fz="md">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('workorders.f.number')}</Table.Th>
            <Table.Th>{t('workorders.f.plate')}</Table.Th>
            <Table.Th>{t('workorders.f.customer')}</Table.Th>
            <Table.Th>{t('workorders.f.status')}</Table.Th>
            <Table.Th>{t('workorders.f.advisor')}</Table.Th>
            <Table.Th>{t('workorders.f.bay')}</Table.Th>
            <Table.Th>{t('workorders.due')}</Table.Th>
            <Table.Th ta="right">{t('workorders.f.total')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr
              key={r.id}
              tabIndex={0}
              style={{ cursor: 'pointer', ...(r.late ? { background: 'var(--mantine-color-red-0)' } : {}) }}
              onClick={() => navigate('workorders', r.id)}
              onKeyDown={(e) => e.key === 'Enter' && navigate('workorders', r.id)}
            >
              <Table.Td fw={600}>{r.number}</Table.Td>
              <Table.Td><Badge variant="outline" color="dark" size="lg" radius="sm">{r.plate}</Badge></Table.Td>
              <Table.Td>{r.customerName}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <StatusBadge status={r.status} />
                  {r.kind === 'onsite' && <Badge variant="dot">{t('workorders.kind.onsite')}</Badge>}
                  {r.needsApproval && r.status !== 'open' && <Badge color="orange">{t('workorders.needsApproval')}</Badge>}
                </Group>
              </Table.Td>
              <Table.Td>{r.advisorName}</Table.Td>
              <Table.Td>{r.bay}</Table.Td>
              <Table.Td>
                {r.dueAt ? formatDateTime(r.dueAt) : '—'} {r.late && <Badge color="red" variant="filled">{t('workorders.late')}</Badge>}
              </Table.Td>
              <Table.Td ta="right">{formatMoney(r.totalCents)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {rows.length === 0 && <Text c="dimmed" mt="md">{t('workorders.noOrders')}</Text>}
    </>
  )
}
