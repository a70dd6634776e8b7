import { Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Part } from '../../../../shared/contract/parts'
import { call } from '../../api/client'
import { showError } from '../../lib/errors'
import { formatMoney, formatNumber } from '../../lib/format'
import { navigate } from '../../lib/router'
import { categoryName, useLookups } from './shared'

type Stock = Awaited<ReturnType<typeof call<'parts.reports.stock'>>>
type Failures = Awaited<ReturnType<typeof call<'parts.reports.failures'>>>

const monthsBack = (n: number): string => {
  const d = new Date()
  d.setMonth(d.getMonth() - n)
  return d.toISOString().slice(0, 7)
}

/** Stock on hand and value, low stock against reorder levels, failures by watched category per month. */
export function ReportsTab() {
  const { t } = useTranslation()
  const look = useLookups()
  const [locationId, setLocationId] = useState<string | null>(null)
  const [stock, setStock] = useState<Stock | null>(null)
  const [low, setLow] = useState<Part[]>([])
  const [from, setFrom] = useState(monthsBack(5))
  const [to, setTo] = useState(monthsBack(0))
  const [failures, setFailures] = useState<Failures | null>(null)
  useEffect(() => {
    call('parts.reports.stock', locationId ? { locationId: Number(locationId) } : {})
      .then(setStock)
      .catch((err: unknown) => showError(t, err))
  }, [locationId, t])
  useEffect(() => {
    call('parts.reports.lowStock', {}).then(setLow).catch((err: unknown) => showError(t, err))
  }, [t])
  useEffect(() => {
    if (!/^\d{4}-\d{2}$/.test(from) || !/^\d{4}-\d{2}$/.test(to)) return
    call('parts.reports.failures', { fromMonth: from, toMonth: to }).then(setFailures).catch((err: unknown) => showError(t, err))
  }, [from, to, t])
  return (
    <Stack>
      <Card withBorder>
        <Group justify="space-between" mb="xs">
          <Title order={4}>{t('parts.reports.stock')}</Title>
          <Select w={200} placeholder={t('parts.allLocations')} aria-label={t('parts.location')} data={look.locationOptions} value={locationId} onChange={setLocationId} clearable />
        </Group>
        <Table striped fz="md" data-testid="stock-report">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('parts.location')}</Table.Th>
              <Table.Th>{t('parts.category')}</Table.Th>
              <Table.Th ta="right">{t('parts.reports.parts')}</Table.Th>
              <Table.Th ta="right">{t('parts.qty')}</Table.Th>
              <Table.Th ta="right">{t('parts.value')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(stock?.groups ?? []).map((g) => (
              <Table.Tr key={`${g.locationId}-${g.categoryId}`}>
                <Table.Td>{g.locationId === 1 ? t('parts.mainStore') : g.locationName}</Table.Td>
                <Table.Td>{categoryName(t, { code: g.categoryCode, name: g.categoryName })}</Table.Td>
                <Table.Td ta="right">{formatNumber(g.parts)}</Table.Td>
                <Table.Td ta="right">{formatNumber(g.qty)}</Table.Td>
                <Table.Td ta="right">{formatMoney(g.valueCents)}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr fw={700}>
              <Table.Td colSpan={3}>{t('parts.total')}</Table.Td>
              <Table.Td ta="right">{formatNumber(stock?.totalQty ?? 0)}</Table.Td>
              <Table.Td ta="right">{formatMoney(stock?.totalValueCents ?? 0)}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Card>
      <Card withBorder>
        <Title order={4} mb="xs">
          {t('parts.reports.low')}
        </Title>
        {low.length === 0 ? (
          <Text c="dimmed">{t('parts.rec.clean')}</Text>
        ) : (
          <Table fz="md" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('parts.partNo')}</Table.Th>
                <Table.Th>{t('parts.name')}</Table.Th>
                <Table.Th ta="right">{t('parts.onHand')}</Table.Th>
                <Table.Th ta="right">{t('parts.reserved')}</Table.Th>
                <Table.Th ta="right">{t('parts.available')}</Table.Th>
                <Table.Th ta="right">{t('parts.reorderLevel')}</Table.Th>
                <Table.Th>{t('parts.supplier')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {low.map((p) => (
                <Table.Tr key={p.id} style={{ cursor: 'pointer' }} onClick={() => navigate('parts', 'stock', p.id)}>
                  <Table.Td fw={700}>{p.partNo}</Table.Td>
                  <Table.Td>{p.name}</Table.Td>
                  <Table.Td ta="right">{formatNumber(p.onHand)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(p.reserved)}</Table.Td>
                  <Table.Td ta="right" c="red" fw={700}>
                    {formatNumber(p.available)}
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(p.reorderLevel)}</Table.Td>
                  <Table.Td>{p.supplierName}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <Card withBorder>
        <Group mb="xs">
          <Title order={4}>{t('parts.reports.failures')}</Title>
          <TextInput w={110} aria-label={t('parts.reports.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
          <Text>–</Text>
          <TextInput w={110} aria-label={t('parts.reports.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        </Group>
        {failures && (
          <Table fz="md" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('parts.category')}</Table.Th>
                {failures.months.map((m) => (
                  <Table.Th key={m} ta="right">
                    {m}
                  </Table.Th>
                ))}
                <Table.Th ta="right">{t('parts.total')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {failures.rows.map((r) => (
                <Table.Tr key={r.categoryId}>
                  <Table.Td>{categoryName(t, { code: r.categoryCode, name: r.categoryName })}</Table.Td>
                  {r.counts.map((n, i) => (
                    <Table.Td key={i} ta="right" fw={n ? 700 : undefined}>
                      {n || '·'}
                    </Table.Td>
                  ))}
                  <Table.Td ta="right" fw={700}>
                    {r.total}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </Stack>
  )
}
