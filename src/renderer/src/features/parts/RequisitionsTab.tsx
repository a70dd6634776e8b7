import { ActionIcon, Badge, Button, Card, Group, Modal, NumberInput, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Part, Requisition } from '../../../../shared/contract/parts'
import { call } from '../../api/client'
import { useHasRole } from '../../app/session'
import { showError } from '../../lib/errors'
import { formatDateTime, formatMoney, formatNumber } from '../../lib/format'
import { PartNoInput, PrintMenu, ReasonModal } from './shared'

const STATUS_COLOR: Record<string, string> = { pending: 'yellow', approved: 'blue', partly_issued: 'orange', issued: 'green', rejected: 'red', closed: 'gray', cancelled: 'gray' }

/** Requisitions (領料單): asked by the counter, approved by a manager, issued by the clerk. */
export function RequisitionsTab({ openId }: { openId: number | null }) {
  const { t } = useTranslation()
  const canAsk = useHasRole('advisor', 'frontdesk_supervisor', 'workshop_supervisor', 'service_director')
  const [filter, setFilter] = useState<'open' | 'all'>('open')
  const [items, setItems] = useState<Requisition[]>([])
  const [creating, setCreating] = useState(false)
  const load = useCallback(() => {
    call('parts.requisitions.list', filter === 'open' ? { status: 'open' } : {})
      .then(setItems)
      .catch((err: unknown) => showError(t, err))
  }, [filter, t])
  useEffect(load, [load])
  const sorted = openId ? [...items].sort((a, b) => (a.id === openId ? -1 : b.id === openId ? 1 : 0)) : items
  return (
    <Stack>
      <Group justify="space-between">
        <SegmentedControl
          value={filter}
          onChange={(v) => setFilter(v as 'open' | 'all')}
          data={[
            { value: 'open', label: t('parts.req.filterOpen') },
            { value: 'all', label: t('parts.req.filterAll') }
          ]}
        />
        {canAsk && (
          <Button leftSection={<IconPlus size={18} />} onClick={() => setCreating(true)}>
            {t('parts.req.new')}
          </Button>
        )}
      </Group>
      {sorted.length === 0 && <Text c="dimmed">{t('parts.req.none')}</Text>}
      {sorted.map((r) => (
        <RequisitionCard key={r.id} r={r} onChanged={load} />
      ))}
      {creating && (
        <NewRequisition
          onClose={() => setCreating(false)}
          onSaved={() => {
            setCreating(false)
            load()
          }}
        />
      )}
    </Stack>
  )
}

function RequisitionCard({ r, onChanged }: { r: Requisition; onChanged(): void }) {
  const { t } = useTranslation()
  const isClerk = useHasRole('warehouse_clerk')
  const isApprover = useHasRole('workshop_supervisor', 'frontdesk_supervisor', 'service_director')
  const [issuing, setIssuing] = useState(false)
  const [asking, setAsking] = useState<'reject' | 'close' | null>(null)
  const [returning, setReturning] = useState<Requisition['lines'][number] | null>(null)
  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn()
      onChanged()
    } catch (err) {
      showError(t, err)
    }
  }
  const open = ['approved', 'partly_issued'].includes(r.status)
  return (
    <Card withBorder data-testid={`requisition-${r.number}`}>
      <Group justify="space-between" mb="xs">
        <Group>
          <Title order={4}>{r.number}</Title>
          <Badge size="lg" color={STATUS_COLOR[r.status]}>
            {t(`parts.requisitionStatus.${r.status}`)}
          </Badge>
          <Text fw={700}>
            {t('parts.workOrder')} {r.workOrderNumber}
          </Text>
          <Text>{[r.plate, r.customerName].filter(Boolean).join(' · ')}</Text>
        </Group>
        <Group gap="xs">
          {r.status === 'pending' && isApprover && (
            <>
              <Button color="green" onClick={() => void act(() => call('parts.requisitions.approve', { id: r.id, version: r.version }))}>
                {t('parts.req.approve')}
              </Button>
              <Button variant="light" color="red" onClick={() => setAsking('reject')}>
                {t('parts.req.reject')}
              </Button>
            </>
          )}
          {open && isClerk && <Button onClick={() => setIssuing(true)}>{t('parts.req.issue')}</Button>}
          {(open || r.status === 'pending') && (
            <Button variant="subtle" color="gray" onClick={() => setAsking('close')}>
              {t('parts.req.close')}
            </Button>
          )}
          <PrintMenu label={t('parts.req.print')} render={(locale) => call('parts.print.requisition', { id: r.id, locale })} />
        </Group>
      </Group>
      <Text size="sm" c="dimmed" mb="xs">
        {t('parts.requestedBy')}: {r.requestedByName} · {formatDateTime(r.requestedAt)} · {formatMoney(r.amountCents)}
        {r.decidedAt
          ? ` · ${t('parts.approvedBy')}: ${r.decidedByName ?? ''} ${formatDateTime(r.decidedAt)}`
          : ` · ${t('parts.approverRoles')}: ${r.approverRoles.map((role) => t(`roles.${role}`)).join(' / ')}`}
        {r.note ? ` · ${r.note}` : ''}
      </Text>
      <Table fz="md" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('parts.partNo')}</Table.Th>
            <Table.Th>{t('parts.name')}</Table.Th>
            <Table.Th>{t('parts.bin')}</Table.Th>
            <Table.Th ta="right">{t('parts.requested')}</Table.Th>
            <Table.Th ta="right">{t('parts.issued')}</Table.Th>
            <Table.Th ta="right">{t('parts.onHand')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {r.lines.map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td fw={700}>{l.partNo}</Table.Td>
              <Table.Td>{l.name}</Table.Td>
              <Table.Td>{l.bin}</Table.Td>
              <Table.Td ta="right">
                {formatNumber(l.qty)} {l.unit}
              </Table.Td>
              <Table.Td ta="right" c={l.issuedQty < l.qty ? 'orange' : 'green'}>
                {formatNumber(l.issuedQty)}
              </Table.Td>
              <Table.Td ta="right">{formatNumber(l.onHand)}</Table.Td>
              <Table.Td ta="right">
                {isClerk && l.issuedQty > 0 && (
                  <Button size="xs" variant="subtle" onClick={() => setReturning(l)}>
                    {t('parts.req.returnLine')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {issuing && (
        <IssueModal
          r={r}
          onClose={() => setIssuing(false)}
          onDone={() => {
            setIssuing(false)
            onChanged()
          }}
        />
      )}
      <ReasonModal
        title={asking === 'reject' ? t('parts.req.rejectReason') : t('parts.req.closeReason')}
        opened={asking !== null}
        onClose={() => setAsking(null)}
        onConfirm={(note) =>
          act(async () => {
            await call(asking === 'reject' ? 'parts.requisitions.reject' : 'parts.requisitions.close', { id: r.id, version: r.version, note })
            setAsking(null)
          })
        }
      />
      {returning && <ReturnModal line={returning} onClose={() => setReturning(null)} onDone={() => { setReturning(null); onChanged() }} />}
    </Card>
  )
}

function IssueModal({ r, onClose, onDone }: { r: Requisition; onClose(): void; onDone(): void }) {
  const { t } = useTranslation()
  const [qty, setQty] = useState<Record<number, number>>(() =>
    Object.fromEntries(r.lines.map((l) => [l.id, Math.max(0, Math.min(l.qty - l.issuedQty, l.onHand))]))
  )
  const [busy, setBusy] = useState(false)
  const issue = async () => {
    setBusy(true)
    try {
      await call('parts.requisitions.issue', {
        id: r.id,
        version: r.version,
        lines: r.lines.filter((l) => (qty[l.id] ?? 0) > 0).map((l) => ({ lineId: l.id, qty: qty[l.id] ?? 0 }))
      })
      onDone()
    } catch (err) {
      showError(t, err)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Modal opened onClose={onClose} size="lg" title={t('parts.req.issueTitle', { number: r.number })}>
      <Stack>
        <Text size="sm">{t('parts.req.issueHelp')}</Text>
        {r.lines
          .filter((l) => l.issuedQty < l.qty)
          .map((l) => (
            <Group key={l.id} justify="space-between">
              <Text fw={700}>
                {l.partNo} {l.name}
              </Text>
              <Text size="sm" c="dimmed">
                {t('parts.open')} {l.qty - l.issuedQty} · {t('parts.onHand')} {l.onHand}
              </Text>
              <NumberInput
                w={120}
                aria-label={`${t('parts.req.issue')} ${l.partNo}`}
                min={0}
                max={l.qty - l.issuedQty}
                allowDecimal={false}
                value={qty[l.id] ?? 0}
                onChange={(v) => setQty((q) => ({ ...q, [l.id]: Number(v) || 0 }))}
              />
            </Group>
          ))}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void issue()} loading={busy} disabled={Object.values(qty).every((q) => q <= 0)}>
            {t('parts.req.issue')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

function ReturnModal({ line, onClose, onDone }: { line: Requisition['lines'][number]; onClose(): void; onDone(): void }) {
  const { t } = useTranslation()
  const [qty, setQty] = useState(1)
  return (
    <ReasonModal
      title={`${t('parts.req.returnLine')} · ${line.partNo}`}
      opened
      onClose={onClose}
      onConfirm={async (reason) => {
        try {
          await call('parts.returnToStock', { requisitionLineId: line.id, qty, reason })
          onDone()
        } catch (err) {
          showError(t, err)
        }
      }}
    >
      <NumberInput label={t('parts.qty')} min={1} max={line.issuedQty} allowDecimal={false} value={qty} onChange={(v) => setQty(Number(v) || 1)} />
    </ReasonModal>
  )
}

function NewRequisition({ onClose, onSaved }: { onClose(): void; onSaved(): void }) {
  const { t } = useTranslation()
  const [query, setQuery] = useState('')
  const [found, setFound] = useState<Array<{ id: number; number: string; plate: string | null; customerName: string | null; status: string }>>([])
  const [workOrder, setWorkOrder] = useState<(typeof found)[number] | null>(null)
  const [lines, setLines] = useState<Array<{ part: Part; qty: number }>>([])
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    if (query.trim().length < 2) {
      setFound([])
      return
    }
    let live = true
    call('parts.workOrders.find', { query })
      .then((r) => live && setFound(r))
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [query])
  const save = async () => {
    if (!workOrder) return
    setBusy(true)
    try {
      await call('parts.requisitions.create', { workOrderId: workOrder.id, note: note || null, lines: lines.map((l) => ({ partId: l.part.id, qty: l.qty })) })
      onSaved()
    } catch (err) {
      showError(t, err)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Modal opened onClose={onClose} size="xl" title={t('parts.req.new')}>
      <Stack>
        {workOrder ? (
          <Group>
            <Badge size="xl" variant="outline">
              {workOrder.number}
            </Badge>
            <Text>{[workOrder.plate, workOrder.customerName].filter(Boolean).join(' · ')}</Text>
            <Button variant="subtle" size="xs" onClick={() => setWorkOrder(null)}>
              {t('common.edit')}
            </Button>
          </Group>
        ) : (
          <>
            <TextInput label={t('parts.req.findWorkOrder')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} data-autofocus />
            <Group gap="xs">
              {found.map((w) => (
                <Button key={w.id} variant="light" onClick={() => setWorkOrder(w)}>
                  {w.number} · {w.plate}
                </Button>
              ))}
            </Group>
          </>
        )}
        <PartNoInput onPick={(part) => setLines((ls) => (ls.some((l) => l.part.id === part.id) ? ls : [...ls, { part, qty: 1 }]))} />
        {lines.map((l, i) => (
          <Group key={l.part.id}>
            <Text fw={700} w={140}>
              {l.part.partNo}
            </Text>
            <Text style={{ flex: 1 }}>
              {l.part.name} · {t('parts.available')} {l.part.available}
            </Text>
            <NumberInput
              w={110}
              aria-label={`${t('parts.qty')} ${l.part.partNo}`}
              min={1}
              allowDecimal={false}
              value={l.qty}
              onChange={(v) => setLines((ls) => ls.map((x, j) => (j === i ? { ...x, qty: Math.max(1, Number(v) || 1) } : x)))}
            />
            <ActionIcon variant="subtle" color="red" aria-label={t('common.cancel')} onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}>
              <IconTrash size={18} />
            </ActionIcon>
          </Group>
        ))}
        <TextInput label={t('parts.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void save()} disabled={!workOrder || lines.length === 0} loading={busy}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
