import { Badge, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { IconArrowLeft, IconPencil } from '@tabler/icons-react'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { LedgerEntry, Part } from '../../../../shared/contract/parts'
import { call } from '../../api/client'
import { useHasRole } from '../../app/session'
import { showError } from '../../lib/errors'
import { formatDateTime, formatMoney, formatNumber } from '../../lib/format'
import { PartForm } from './PartForm'
import { PrintMenu, ReasonModal, WatchedBadge, categoryName, useLookups } from './shared'

type Detail = Part & { balances: Array<{ locationId: number; locationName: string; qty: number }> }

/** One part: its master data, balance at each location and its ledger card (台帳卡). */
export function PartDetail({ id, onBack }: { id: number; onBack(): void }) {
  const { t } = useTranslation()
  const look = useLookups()
  const canEdit = useHasRole('warehouse_clerk', 'service_director')
  const [part, setPart] = useState<Detail | null>(null)
  const [locationId, setLocationId] = useState<string | null>(null)
  const [card, setCard] = useState<{ entries: LedgerEntry[]; more: boolean } | null>(null)
  const [editing, setEditing] = useState(false)
  const [reversing, setReversing] = useState<LedgerEntry | null>(null)
  const load = useCallback(() => {
    call('parts.get', { id }).then(setPart).catch((err: unknown) => showError(t, err))
    call('parts.reports.ledgerCard', { partId: id, ...(locationId ? { locationId: Number(locationId) } : {}) })
      .then(setCard)
      .catch((err: unknown) => showError(t, err))
  }, [id, locationId, t])
  useEffect(load, [load])
  if (!part) return <Text c="dimmed">{t('common.loading')}</Text>
  const locName = (lid: number, name: string) => (lid === 1 ? t('parts.mainStore') : name)
  const field = (label: string, value: string | null) => (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="lg">{value || '—'}</Text>
    </div>
  )
  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          <Button variant="subtle" leftSection={<IconArrowLeft size={18} />} onClick={onBack}>
            {t('common.back')}
          </Button>
          <Title order={3} data-testid="part-title">
            {part.partNo} · {part.name}
          </Title>
          <WatchedBadge part={part} />
          {!part.active && <Badge color="gray">{t('parts.active')}: ✗</Badge>}
        </Group>
        <Group>
          {canEdit && (
            <Button variant="default" leftSection={<IconPencil size={18} />} onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
          )}
          <PrintMenu label={t('parts.stock.printLedgerCard')} render={(locale) => call('parts.print.ledgerCard', { partId: id, locale, ...(locationId ? { locationId: Number(locationId) } : {}) })} />
          <PrintMenu label={t('parts.stock.binLabels')} render={(locale) => call('parts.print.binLabels', { partIds: [id], locale })} />
        </Group>
      </Group>
      <Card withBorder>
        <SimpleGrid cols={5}>
          {field(t('parts.spec'), part.spec)}
          {field(t('parts.category'), categoryName(t, { code: part.categoryCode, name: part.categoryName }))}
          {field(t('parts.bin'), part.bin)}
          {field(t('parts.supplier'), part.supplierName)}
          {field(t('parts.unit'), part.unit)}
          {field(t('parts.cost'), formatMoney(part.costCents))}
          {field(t('parts.price'), formatMoney(part.priceCents))}
          {field(t('parts.reorderLevel'), formatNumber(part.reorderLevel))}
          {field(t('parts.reserved'), formatNumber(part.reserved))}
          {field(t('parts.available'), formatNumber(part.available))}
        </SimpleGrid>
      </Card>
      <Title order={4}>{t('parts.stock.balances')}</Title>
      <Group>
        {part.balances.map((b) => (
          <Card key={b.locationId} withBorder padding="sm" miw={160}>
            <Text size="sm" c="dimmed">
              {locName(b.locationId, b.locationName)}
            </Text>
            <Text size="xl" fw={700} data-testid={`balance-${b.locationId}`}>
              {formatNumber(b.qty)} {part.unit}
            </Text>
          </Card>
        ))}
      </Group>
      <Group justify="space-between">
        <Title order={4}>{t('parts.stock.ledgerCard')}</Title>
        <Select w={220} placeholder={t('parts.allLocations')} aria-label={t('parts.location')} data={look.locationOptions} value={locationId} onChange={setLocationId} clearable />
      </Group>
      <Table striped verticalSpacing="xs" fz="md" data-testid="ledger-card">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('parts.date')}</Table.Th>
            <Table.Th>{t('parts.kind')}</Table.Th>
            <Table.Th>{t('parts.location')}</Table.Th>
            <Table.Th>{t('parts.reference')}</Table.Th>
            <Table.Th ta="right">{t('parts.in')}</Table.Th>
            <Table.Th ta="right">{t('parts.out')}</Table.Th>
            <Table.Th ta="right">{t('parts.balance')}</Table.Th>
            <Table.Th>{t('parts.staff')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(card?.entries ?? []).map((e) => (
            <Table.Tr key={e.movementId}>
              <Table.Td>{formatDateTime(e.at)}</Table.Td>
              <Table.Td c={e.reversesId ? 'red' : undefined}>
                {t(`parts.kinds.${e.kind}`)} {e.reversesId ? t('parts.reversalMark') : ''}
                {e.reversedBy ? <Badge ml={4} size="xs" color="gray">{t('parts.reversed')}</Badge> : null}
              </Table.Td>
              <Table.Td>{locName(e.locationId, e.locationName)}</Table.Td>
              <Table.Td>{[e.reference, e.reason].filter(Boolean).join(' · ')}</Table.Td>
              <Table.Td ta="right">{e.qty > 0 ? formatNumber(e.qty) : ''}</Table.Td>
              <Table.Td ta="right">{e.qty < 0 ? formatNumber(-e.qty) : ''}</Table.Td>
              <Table.Td ta="right" fw={700}>
                {formatNumber(e.balance)}
              </Table.Td>
              <Table.Td>{e.staffName}</Table.Td>
              <Table.Td>
                {canEdit && !e.reversesId && !e.reversedBy && e.kind !== 'count' && (
                  <Button size="compact-sm" variant="subtle" color="red" onClick={() => setReversing(e)}>
                    {t('parts.receive.reverse')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <ReasonModal
        title={t('parts.receive.reverseReason')}
        opened={reversing !== null}
        onClose={() => setReversing(null)}
        onConfirm={async (reason) => {
          try {
            await call('parts.movements.reverse', { postingId: reversing!.postingId, reason })
            setReversing(null)
            load()
          } catch (err) {
            showError(t, err)
          }
        }}
      >
        <Text size="sm" c="dimmed">
          {t('parts.stock.reverseWhole')}
        </Text>
        {reversing && (
          <Text>
            {t(`parts.kinds.${reversing.kind}`)} · {reversing.reference} · {reversing.qty > 0 ? '+' : ''}
            {reversing.qty}
          </Text>
        )}
      </ReasonModal>
      {editing && (
        <PartForm
          part={part}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false)
            load()
          }}
        />
      )}
    </Stack>
  )
}
