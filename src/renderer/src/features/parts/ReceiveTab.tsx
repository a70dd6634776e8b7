import { ActionIcon, Badge, Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconTrash } from '@tabler/icons-react'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Part, Receipt } from '../../../../shared/contract/parts'
import { call } from '../../api/client'
import { useHasRole } from '../../app/session'
import { showError } from '../../lib/errors'
import { formatDateTime, formatMoney } from '../../lib/format'
import { PartNoInput, PrintMenu, ReasonModal, cents, useLookups, yuan } from './shared'

interface Line {
  part: Part
  qty: number
  cost: number
}

/** The receipt note (接收單): scan or type part nos., quantities and costs, post, print two copies. */
export function ReceiveTab() {
  const { t } = useTranslation()
  const look = useLookups()
  const isClerk = useHasRole('warehouse_clerk')
  const canReverse = useHasRole('warehouse_clerk', 'service_director')
  const [locationId, setLocationId] = useState<string | null>('1')
  const [supplierId, setSupplierId] = useState<string | null>(null)
  const [deliveryNote, setDeliveryNote] = useState('')
  const [note, setNote] = useState('')
  const [lines, setLines] = useState<Line[]>([])
  const [busy, setBusy] = useState(false)
  const [recent, setRecent] = useState<Array<Omit<Receipt, 'lines'>>>([])
  const [reversing, setReversing] = useState<Omit<Receipt, 'lines'> | null>(null)
  const load = useCallback(() => {
    call('parts.receipts.list', { limit: 30 }).then(setRecent).catch((err: unknown) => showError(t, err))
  }, [t])
  useEffect(load, [load])

  const add = (part: Part) =>
    setLines((ls) => {
      const at = ls.findIndex((l) => l.part.id === part.id)
      if (at >= 0) return ls.map((l, i) => (i === at ? { ...l, qty: l.qty + 1 } : l))
      return [...ls, { part, qty: 1, cost: yuan(part.costCents) }]
    })
  const post = async () => {
    setBusy(true)
    try {
      const r = await call('parts.receipts.post', {
        locationId: Number(locationId ?? 1),
        supplierId: supplierId ? Number(supplierId) : null,
        deliveryNote: deliveryNote || null,
        note: note || null,
        lines: lines.map((l) => ({ partId: l.part.id, qty: l.qty, unitCostCents: cents(l.cost) }))
      })
      notifications.show({ color: 'green', message: t('parts.receive.posted', { number: r.number }) })
      setLines([])
      setDeliveryNote('')
      setNote('')
      load()
    } catch (err) {
      showError(t, err)
    } finally {
      setBusy(false)
    }
  }
  const total = lines.reduce((a, l) => a + l.qty * cents(l.cost), 0)

  return (
    <Stack>
      {isClerk && (
        <Card withBorder>
          <Title order={4} mb="sm">
            {t('parts.receive.title')}
          </Title>
          <SimpleGrid cols={4} mb="md">
            <Select label={t('parts.location')} data={look.locationOptions} value={locationId} onChange={setLocationId} />
            <Select label={t('parts.supplier')} data={look.supplierOptions} value={supplierId} onChange={setSupplierId} clearable searchable />
            <TextInput label={t('parts.deliveryNote')} value={deliveryNote} onChange={(e) => setDeliveryNote(e.currentTarget.value)} />
            <TextInput label={t('parts.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          </SimpleGrid>
          <PartNoInput onPick={add} autoFocus />
          {lines.length === 0 ? (
            <Text c="dimmed" mt="sm">
              {t('parts.receive.empty')}
            </Text>
          ) : (
            <Table mt="sm" fz="md" verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('parts.partNo')}</Table.Th>
                  <Table.Th>{t('parts.name')}</Table.Th>
                  <Table.Th w={140}>{t('parts.qty')}</Table.Th>
                  <Table.Th w={160}>{t('parts.unitCost')}</Table.Th>
                  <Table.Th ta="right">{t('parts.amount')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {lines.map((l, i) => (
                  <Table.Tr key={l.part.id}>
                    <Table.Td fw={700}>{l.part.partNo}</Table.Td>
                    <Table.Td>{l.part.name}</Table.Td>
                    <Table.Td>
                      <NumberInput
                        aria-label={`${t('parts.qty')} ${l.part.partNo}`}
                        min={1}
                        allowDecimal={false}
                        value={l.qty}
                        onChange={(v) => setLines((ls) => ls.map((x, j) => (j === i ? { ...x, qty: Math.max(1, Number(v) || 1) } : x)))}
                      />
                    </Table.Td>
                    <Table.Td>
                      <NumberInput prefix="¥" decimalScale={2} min={0} value={l.cost} onChange={(v) => setLines((ls) => ls.map((x, j) => (j === i ? { ...x, cost: Number(v) || 0 } : x)))} />
                    </Table.Td>
                    <Table.Td ta="right">{formatMoney(l.qty * cents(l.cost))}</Table.Td>
                    <Table.Td>
                      <ActionIcon variant="subtle" color="red" aria-label={t('common.cancel')} onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}>
                        <IconTrash size={18} />
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Group justify="space-between" mt="md">
            <Text size="lg" fw={700}>
              {t('parts.total')}: {formatMoney(total)}
            </Text>
            <Button size="md" onClick={() => void post()} disabled={lines.length === 0} loading={busy}>
              {t('parts.receive.post')}
            </Button>
          </Group>
        </Card>
      )}
      <Title order={4}>{t('parts.receive.recent')}</Title>
      <Table striped fz="md">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('parts.number')}</Table.Th>
            <Table.Th>{t('parts.receivedAt')}</Table.Th>
            <Table.Th>{t('parts.supplier')}</Table.Th>
            <Table.Th>{t('parts.deliveryNote')}</Table.Th>
            <Table.Th ta="right">{t('parts.total')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {recent.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td fw={700}>
                {r.number} {r.reversed && <Badge color="red">{t('parts.reversed')}</Badge>}
              </Table.Td>
              <Table.Td>{formatDateTime(r.receivedAt)}</Table.Td>
              <Table.Td>{r.supplierName}</Table.Td>
              <Table.Td>{r.deliveryNote}</Table.Td>
              <Table.Td ta="right">{formatMoney(r.totalCents)}</Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end">
                  <PrintMenu label={t('parts.receive.printTwo')} render={(locale) => call('parts.print.receipt', { id: r.id, locale })} />
                  {canReverse && !r.reversed && (
                    <Button variant="subtle" color="red" onClick={() => setReversing(r)}>
                      {t('parts.receive.reverse')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <ReasonModal
        title={`${t('parts.receive.reverseReason')} ${reversing?.number ?? ''}`}
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
      />
    </Stack>
  )
}
