import { Alert, Badge, Button, Card, Group, Menu, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { useCallback, useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { OldPart } from '../../../../shared/contract/parts'
import { call } from '../../api/client'
import { useHasRole } from '../../app/session'
import { showError } from '../../lib/errors'
import { formatDateTime, formatNumber } from '../../lib/format'
import { navigate } from '../../lib/router'

type Rec = Awaited<ReturnType<typeof call<'parts.reconcile'>>>

function Section({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  const { t } = useTranslation()
  return (
    <Card withBorder>
      <Group mb="xs">
        <Title order={4}>{title}</Title>
        <Badge color={count ? 'red' : 'green'} size="lg">
          {count}
        </Badge>
      </Group>
      {count === 0 ? <Text c="dimmed">{t('parts.rec.clean')}</Text> : children}
    </Card>
  )
}

/** Do the books match the shelf, and if not, why: the four lists and the monthly old-part list. */
export function ReconcileTab() {
  const { t } = useTranslation()
  const isClerk = useHasRole('warehouse_clerk')
  const [rec, setRec] = useState<Rec | null>(null)
  const [month, setMonth] = useState(() => new Date().toISOString().slice(0, 7))
  const [old, setOld] = useState<OldPart[]>([])
  const load = useCallback(() => {
    call('parts.reconcile', {}).then(setRec).catch((err: unknown) => showError(t, err))
    if (/^\d{4}-\d{2}$/.test(month)) call('parts.oldParts.list', { month }).then(setOld).catch((err: unknown) => showError(t, err))
  }, [month, t])
  useEffect(load, [load])
  const act = (fn: () => Promise<unknown>) => void fn().then(load).catch((err: unknown) => showError(t, err))
  const oldActions = (o: OldPart) =>
    isClerk && ['due', 'returned'].includes(o.status) ? (
      <Group gap={4} justify="flex-end">
        {o.status === 'due' && (
          <Button size="xs" variant="light" onClick={() => act(() => call('parts.oldParts.receive', { id: o.id, version: o.version }))}>
            {t('parts.rec.receiveOld')}
          </Button>
        )}
        <Menu>
          <Menu.Target>
            <Button size="xs" variant="default">
              {t('parts.rec.dispose')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {(['scrapped', 'returned_to_customer', 'kept'] as const).map((s) => (
              <Menu.Item key={s} onClick={() => act(() => call('parts.oldParts.dispose', { id: o.id, version: o.version, status: s }))}>
                {t(`parts.oldPartStatus.${s}`)}
              </Menu.Item>
            ))}
            <Menu.Item onClick={() => navigate('parts', 'claims', o.id)}>{t('parts.rec.claim')}</Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
    ) : null
  const oldTable = (rows: OldPart[]) => (
    <Table fz="md" striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('parts.date')}</Table.Th>
          <Table.Th>{t('parts.description')}</Table.Th>
          <Table.Th>{t('parts.workOrder')}</Table.Th>
          <Table.Th>{t('parts.serviceReport')}</Table.Th>
          <Table.Th>{t('parts.dueAt')}</Table.Th>
          <Table.Th>{t('parts.status')}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((o) => (
          <Table.Tr key={o.id}>
            <Table.Td>{formatDateTime(o.createdAt)}</Table.Td>
            <Table.Td>
              {o.partNo ? <b>{o.partNo} </b> : null}
              {o.description} × {o.qty}
            </Table.Td>
            <Table.Td>{o.workOrderNumber}</Table.Td>
            <Table.Td>{o.serviceReport}</Table.Td>
            <Table.Td>{o.dueAt}</Table.Td>
            <Table.Td>
              <Badge color={o.status === 'due' ? 'orange' : 'gray'}>{t(`parts.oldPartStatus.${o.status}`)}</Badge> {o.dispositionNote}
            </Table.Td>
            <Table.Td>{oldActions(o)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
  if (!rec) return <Text c="dimmed">{t('common.loading')}</Text>
  return (
    <Stack>
      {!rec.workOrderLinesLinked && <Alert color="yellow">{t('parts.rec.notLinked')}</Alert>}
      <Section title={t('parts.rec.issuedNoWorkOrder')} count={rec.issuedNoWorkOrder.length}>
        <Table fz="md">
          <Table.Tbody>
            {rec.issuedNoWorkOrder.map((r) => (
              <Table.Tr key={`${r.workOrderId}-${r.partId}`}>
                <Table.Td fw={700}>{r.workOrderNumber}</Table.Td>
                <Table.Td>{r.partNo}</Table.Td>
                <Table.Td>{r.name}</Table.Td>
                <Table.Td>
                  {t('parts.issued')} {formatNumber(r.issued)} · {t('parts.workOrder')} {formatNumber(r.onWorkOrder)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>
      <Section title={t('parts.rec.onWorkOrderNotIssued')} count={rec.onWorkOrderNotIssued.length}>
        <Table fz="md">
          <Table.Tbody>
            {rec.onWorkOrderNotIssued.map((r) => (
              <Table.Tr key={`${r.workOrderId}-${r.partId}`}>
                <Table.Td fw={700}>{r.workOrderNumber}</Table.Td>
                <Table.Td>{r.partNo}</Table.Td>
                <Table.Td>{r.name}</Table.Td>
                <Table.Td>
                  {t('parts.workOrder')} {formatNumber(r.onWorkOrder)} · {t('parts.issued')} {formatNumber(r.issued)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>
      <Section title={t('parts.rec.approvedNotIssued')} count={rec.approvedNotIssued.length}>
        <Table fz="md">
          <Table.Tbody>
            {rec.approvedNotIssued.map((r) => (
              <Table.Tr key={`${r.requisitionId}-${r.partNo}`} style={{ cursor: 'pointer' }} onClick={() => navigate('parts', 'requisitions', r.requisitionId)}>
                <Table.Td fw={700}>{r.number}</Table.Td>
                <Table.Td>{r.workOrderNumber}</Table.Td>
                <Table.Td>
                  {r.partNo} {r.name}
                </Table.Td>
                <Table.Td>
                  {t('parts.open')} {formatNumber(r.open)}
                </Table.Td>
                <Table.Td>{r.decidedAt ? formatDateTime(r.decidedAt) : ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>
      <Section title={t('parts.rec.oldPartsDue')} count={rec.oldPartsDue.length}>
        {oldTable(rec.oldPartsDue)}
      </Section>
      <Card withBorder>
        <Group mb="xs">
          <Title order={4}>{t('parts.rec.monthly')}</Title>
          <TextInput w={130} aria-label={t('parts.month')} value={month} onChange={(e) => setMonth(e.currentTarget.value)} placeholder="YYYY-MM" />
        </Group>
        {old.length === 0 ? <Text c="dimmed">{t('parts.noParts')}</Text> : oldTable(old)}
      </Card>
    </Stack>
  )
}
