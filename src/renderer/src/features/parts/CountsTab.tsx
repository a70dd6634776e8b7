import { Alert, Badge, Button, Card, Group, NumberInput, Progress, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconArrowLeft, IconInfoCircle } from '@tabler/icons-react'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PartCount, VarianceLine } from '../../../../shared/contract/parts'
import { call } from '../../api/client'
import { useHasRole } from '../../app/session'
import { showError } from '../../lib/errors'
import { formatDateTime, formatMoney, formatNumber } from '../../lib/format'
import { navigate } from '../../lib/router'
import { PrintMenu, ReasonModal, locationName, useLookups } from './shared'

/** Stock counts (盤點): start one, print the sheet, enter blind, review variances, post or reverse. */
export function CountsTab({ countId }: { countId: number | null }) {
  if (countId) return <CountView id={countId} />
  return <CountList />
}

function CountList() {
  const { t } = useTranslation()
  const look = useLookups()
  const isClerk = useHasRole('warehouse_clerk')
  const [counts, setCounts] = useState<PartCount[]>([])
  const [locationId, setLocationId] = useState<string | null>('1')
  const [categoryId, setCategoryId] = useState<string | null>(null)
  const [binFrom, setBinFrom] = useState('')
  const [binTo, setBinTo] = useState('')
  useEffect(() => {
    call('parts.counts.list', {}).then(setCounts).catch((err: unknown) => showError(t, err))
  }, [t])
  const start = async () => {
    try {
      const c = await call('parts.counts.start', { locationId: Number(locationId), categoryId: categoryId ? Number(categoryId) : null, binFrom: binFrom || null, binTo: binTo || null })
      navigate('parts', 'counts', c.id)
    } catch (err) {
      showError(t, err)
    }
  }
  return (
    <Stack>
      <Alert icon={<IconInfoCircle />} color="blue">
        {t('parts.counts.rule')}
      </Alert>
      {isClerk && (
        <Card withBorder>
          <SimpleGrid cols={5}>
            <Select label={t('parts.location')} data={look.locationOptions} value={locationId} onChange={setLocationId} />
            <Select label={t('parts.category')} placeholder={t('parts.allCategories')} data={look.categoryOptions} value={categoryId} onChange={setCategoryId} clearable />
            <TextInput label={`${t('parts.bin')} ${t('parts.reports.from')}`} value={binFrom} onChange={(e) => setBinFrom(e.currentTarget.value)} />
            <TextInput label={`${t('parts.bin')} ${t('parts.reports.to')}`} value={binTo} onChange={(e) => setBinTo(e.currentTarget.value)} />
            <Button mt={24} onClick={() => void start()} disabled={!locationId}>
              {t('parts.counts.start')}
            </Button>
          </SimpleGrid>
        </Card>
      )}
      <Table striped highlightOnHover fz="md">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('parts.number')}</Table.Th>
            <Table.Th>{t('parts.location')}</Table.Th>
            <Table.Th>{t('parts.startedAt')}</Table.Th>
            <Table.Th>{t('parts.status')}</Table.Th>
            <Table.Th ta="right">{t('parts.lines')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {counts.map((c) => (
            <Table.Tr key={c.id} style={{ cursor: 'pointer' }} tabIndex={0} onClick={() => navigate('parts', 'counts', c.id)} onKeyDown={(e) => e.key === 'Enter' && navigate('parts', 'counts', c.id)}>
              <Table.Td fw={700}>{c.number}</Table.Td>
              <Table.Td>{c.locationId === 1 ? t('parts.mainStore') : c.locationName}</Table.Td>
              <Table.Td>{formatDateTime(c.startedAt)}</Table.Td>
              <Table.Td>
                <Badge>{t(`parts.countStatus.${c.status}`)}</Badge>
              </Table.Td>
              <Table.Td ta="right">
                {c.counted} / {c.lines}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}

function CountView({ id }: { id: number }) {
  const { t } = useTranslation()
  const look = useLookups()
  const isClerk = useHasRole('warehouse_clerk')
  const canPost = useHasRole('warehouse_clerk', 'service_director')
  const [count, setCount] = useState<PartCount | null>(null)
  const [review, setReview] = useState<{ lines: VarianceLine[]; uncounted: number; totalDiffCents: number } | null>(null)
  const [reasons, setReasons] = useState<Record<number, string>>({})
  const [reversing, setReversing] = useState(false)
  const load = useCallback(() => {
    call('parts.counts.get', { id }).then(setCount).catch((err: unknown) => showError(t, err))
  }, [id, t])
  useEffect(load, [load])
  if (!count) return <Text c="dimmed">{t('common.loading')}</Text>
  const loc = look.locations.find((l) => l.id === count.locationId)
  const showReview = async () => {
    try {
      setReview(await call('parts.counts.variances', { id }))
    } catch (err) {
      showError(t, err)
    }
  }
  const post = async () => {
    try {
      await call('parts.counts.post', {
        id,
        version: count.version,
        reasons: Object.entries(reasons)
          .filter(([, r]) => r.trim())
          .map(([lineId, reason]) => ({ lineId: Number(lineId), reason }))
      })
      notifications.show({ color: 'green', message: t('parts.counts.posted') })
      setReview(null)
      load()
    } catch (err) {
      showError(t, err)
    }
  }
  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          <Button variant="subtle" leftSection={<IconArrowLeft size={18} />} onClick={() => navigate('parts', 'counts')}>
            {t('common.back')}
          </Button>
          <Title order={3}>{count.number}</Title>
          <Text>{locationName(t, loc) || count.locationName}</Text>
          <Badge size="lg">{t(`parts.countStatus.${count.status}`)}</Badge>
        </Group>
        <Group>
          <PrintMenu label={t('parts.counts.printSheet')} render={(locale) => call('parts.print.countSheet', { id, locale })} />
          {count.status === 'open' && isClerk && (
            <Button variant="subtle" color="gray" onClick={() => void call('parts.counts.cancel', { id, version: count.version }).then(load).catch((err: unknown) => showError(t, err))}>
              {t('parts.counts.cancel')}
            </Button>
          )}
          {count.status === 'posted' && canPost && (
            <Button variant="light" color="red" onClick={() => setReversing(true)}>
              {t('parts.counts.reverse')}
            </Button>
          )}
        </Group>
      </Group>
      <Alert icon={<IconInfoCircle />} color="blue">
        {t('parts.counts.rule')}
      </Alert>
      <Text fw={700}>{t('parts.counts.progress', { counted: count.counted, lines: count.lines })}</Text>
      <Progress value={count.lines ? (100 * count.counted) / count.lines : 0} size="lg" />
      {count.status === 'open' && isClerk && <BlindEntry countId={id} onEntered={load} />}
      {count.status === 'open' && canPost && (
        <Group>
          <Button variant="default" onClick={() => void showReview()}>
            {t('parts.counts.review')}
          </Button>
        </Group>
      )}
      {review && (
        <Card withBorder>
          <Table fz="md" data-testid="variances">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('parts.bin')}</Table.Th>
                <Table.Th>{t('parts.partNo')}</Table.Th>
                <Table.Th>{t('parts.name')}</Table.Th>
                <Table.Th ta="right">{t('parts.expected')}</Table.Th>
                <Table.Th ta="right">{t('parts.counted')}</Table.Th>
                <Table.Th ta="right">{t('parts.diff')}</Table.Th>
                <Table.Th ta="right">{t('parts.value')}</Table.Th>
                <Table.Th>{t('parts.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {review.lines.map((l) => (
                <Table.Tr key={l.lineId}>
                  <Table.Td>{l.bin}</Table.Td>
                  <Table.Td fw={700}>{l.partNo}</Table.Td>
                  <Table.Td>{l.name}</Table.Td>
                  <Table.Td ta="right">{formatNumber(l.expected ?? 0)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(l.counted ?? 0)}</Table.Td>
                  <Table.Td ta="right" fw={700} c={l.diff < 0 ? 'red' : l.diff > 0 ? 'green' : undefined}>
                    {l.diff > 0 ? `+${l.diff}` : l.diff}
                  </Table.Td>
                  <Table.Td ta="right">{formatMoney(l.valueCents)}</Table.Td>
                  <Table.Td>
                    {l.diff !== 0 && (
                      <TextInput
                        aria-label={`${t('parts.reason')} ${l.partNo}`}
                        value={reasons[l.lineId] ?? ''}
                        onChange={(e) => {
                          const value = e.currentTarget.value
                          setReasons((r) => ({ ...r, [l.lineId]: value }))
                        }}
                      />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group justify="space-between" mt="md">
            <Stack gap={2}>
              <Text fw={700}>
                {t('parts.counts.totalValue')}: {formatMoney(review.totalDiffCents)}
              </Text>
              {review.uncounted > 0 && <Text c="orange">{t('parts.counts.uncounted', { n: review.uncounted })}</Text>}
            </Stack>
            <Button size="md" onClick={() => void post()} disabled={review.lines.some((l) => l.diff !== 0 && !(reasons[l.lineId] ?? '').trim())}>
              {t('parts.counts.post')}
            </Button>
          </Group>
        </Card>
      )}
      <ReasonModal
        title={t('parts.counts.reverse')}
        opened={reversing}
        onClose={() => setReversing(false)}
        onConfirm={async (reason) => {
          try {
            await call('parts.counts.reverse', { id, version: count.version, reason })
            setReversing(false)
            load()
          } catch (err) {
            showError(t, err)
          }
        }}
      />
    </Stack>
  )
}

/** The scanner types the part no. and Enter; the clerk types the count and Enter; back to the part no. */
function BlindEntry({ countId, onEntered }: { countId: number; onEntered(): void }) {
  const { t } = useTranslation()
  const [partNo, setPartNo] = useState('')
  const [qty, setQty] = useState<string | number>('')
  const [mode, setMode] = useState<'set' | 'add'>('set')
  const [last, setLast] = useState<{ partNo: string; name: string; counted: number; unit: string } | null>(null)
  const partRef = useRef<HTMLInputElement>(null)
  const qtyRef = useRef<HTMLInputElement>(null)
  const enter = async () => {
    if (!partNo.trim() || qty === '') return
    try {
      const r = await call('parts.counts.enter', { countId, partNo: partNo.trim(), qty: Number(qty), mode })
      setLast(r)
      setPartNo('')
      setQty('')
      onEntered()
      partRef.current?.focus()
    } catch (err) {
      showError(t, err)
    }
  }
  return (
    <Card withBorder>
      <Title order={4}>{t('parts.counts.entry')}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('parts.counts.entryHelp')}
      </Text>
      <Group align="flex-end">
        <TextInput
          ref={partRef}
          size="lg"
          label={t('parts.counts.scan')}
          value={partNo}
          autoFocus
          onChange={(e) => setPartNo(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault()
              if (partNo.trim()) qtyRef.current?.focus()
            }
          }}
        />
        <NumberInput
          ref={qtyRef}
          size="lg"
          w={180}
          label={t('parts.counts.countedQty')}
          min={0}
          allowDecimal={false}
          value={qty}
          onChange={setQty}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault()
              void enter()
            }
          }}
        />
        <SegmentedControl
          value={mode}
          onChange={(v) => setMode(v as 'set' | 'add')}
          data={[
            { value: 'set', label: t('parts.counts.modeSet') },
            { value: 'add', label: t('parts.counts.modeAdd') }
          ]}
        />
      </Group>
      {last && (
        <Text mt="sm" size="lg" fw={700} c="teal" data-testid="last-count">
          {t('parts.counts.last', last)}
        </Text>
      )}
    </Card>
  )
}
