import { Alert, Badge, Button, Card, Group, Modal, SegmentedControl, SimpleGrid, Stack, Table, Tabs, Text, TextInput, Textarea, Title } from '@mantine/core'
import { IconArrowLeft } from '@tabler/icons-react'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { WorkOrder, WoSettings } from '../../../../shared/contract/workorders'
import { call } from '../../api/client'
import { showError } from '../../lib/errors'
import { formatDateTime, formatNumber } from '../../lib/format'
import { useLiveChanges } from '../../lib/live'
import { navigate } from '../../lib/router'
import { InspectionTab } from './InspectionTab'
import { OrderTab } from './OrderTab'
import { ReportTab } from './ReportTab'
import { SignatureBox } from './SignatureBox'
import { Photos } from './Photos'
import { PrintMenu, StatusBadge } from './shared'
import { VehicleOutline, type Mark } from './VehicleOutline'

const NEXT: Record<string, Array<'in_progress' | 'waiting_parts' | 'done' | 'delivered' | 'cancelled'>> = {
  open: ['cancelled'],
  approved: ['in_progress', 'cancelled'],
  in_progress: ['waiting_parts', 'done'],
  waiting_parts: ['in_progress', 'done'],
  done: ['delivered']
}

export function OrderDetail({ id }: { id: number }) {
  const { t } = useTranslation()
  const [o, setO] = useState<WorkOrder | null>(null)
  const [settings, setSettings] = useState<WoSettings | null>(null)
  const [tab, setTab] = useState<string | null>('checkin')
  const load = useCallback(() => {
    call('workorders.get', { id }).then(setO).catch((err: unknown) => showError(t, err))
  }, [id, t])
  useEffect(load, [load])
  useEffect(() => {
    call('workorders.settings.get', {}).then(setSettings).catch((err: unknown) => showError(t, err))
  }, [t])
  useLiveChanges(['workorders.'], load)

  /** Every write returns the order as it now stands; the page shows exactly that (no toast to cover the buttons). */
  const run = async (fn: () => Promise<WorkOrder>): Promise<boolean> => {
    try {
      setO(await fn())
      return true
    } catch (err) {
      showError(t, err)
      load()
      return false
    }
  }

  if (!o) return <Text c="dimmed">{t('common.loading')}</Text>
  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          <Button variant="subtle" leftSection={<IconArrowLeft size={18} />} onClick={() => navigate('workorders')}>{t('workorders.back')}</Button>
          <Title order={2} data-testid="order-number">{o.number}</Title>
          <StatusBadge status={o.status} />
          {o.needsApproval && o.status !== 'open' && <Badge color="orange" size="lg">{t('workorders.needsApproval')}</Badge>}
          {o.late && <Badge color="red" size="lg" variant="filled">{t('workorders.late')}</Badge>}
        </Group>
        <Group>
          {(NEXT[o.status] ?? []).map((to) => (
            <Button key={to} variant={to === 'cancelled' ? 'default' : 'filled'} color={to === 'cancelled' ? 'gray' : 'blue'} onClick={() => void run(() => call('workorders.setStatus', { id: o.id, version: o.version, to }))}>
              {t('workorders.moveTo')}: {t(`workorders.status.${to}`)}
            </Button>
          ))}
        </Group>
      </Group>
      <Card withBorder>
        <SimpleGrid cols={{ base: 2, md: 6 }}>
          <Field label={t('workorders.f.plate')} value={o.plate} big />
          <Field label={t('workorders.f.customer')} value={`${o.customerName} ${o.customerPhone}`} />
          <Field label={t('workorders.f.model')} value={[o.make, o.model].filter(Boolean).join(' ')} />
          <Field label={t('workorders.f.mileage')} value={o.mileageKm === null ? null : formatNumber(o.mileageKm)} />
          <Field label={t('workorders.f.advisor')} value={o.advisorName} />
          <Field label={t('workorders.f.promisedAt')} value={o.promisedAt ? formatDateTime(o.promisedAt) : null} />
        </SimpleGrid>
      </Card>
      {o.kind === 'onsite' && <OnsiteCard o={o} run={run} />}
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="checkin">{t('workorders.tabs.checkin')}</Tabs.Tab>
          <Tabs.Tab value="inspection">{t('workorders.tabs.inspection')}</Tabs.Tab>
          <Tabs.Tab value="order">{t('workorders.tabs.order')}</Tabs.Tab>
          <Tabs.Tab value="report">{t('workorders.tabs.report')}</Tabs.Tab>
          <Tabs.Tab value="warranty">{t('workorders.tabs.warranty')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="checkin" pt="md"><CheckinTab o={o} run={run} /></Tabs.Panel>
        <Tabs.Panel value="inspection" pt="md"><InspectionTab o={o} run={run} /></Tabs.Panel>
        <Tabs.Panel value="order" pt="md"><OrderTab o={o} settings={settings} run={run} /></Tabs.Panel>
        <Tabs.Panel value="report" pt="md"><ReportTab o={o} run={run} /></Tabs.Panel>
        <Tabs.Panel value="warranty" pt="md"><WarrantyTab o={o} /></Tabs.Panel>
      </Tabs>
      <Card withBorder>
        <Title order={4} mb="xs">{t('workorders.statusLog')}</Title>
        <Table fz="sm">
          <Table.Tbody>
            {o.statusLog.map((s, i) => (
              <Table.Tr key={i}>
                <Table.Td w={170}>{formatDateTime(s.at)}</Table.Td>
                <Table.Td w={160}>{t(`workorders.status.${s.to}`)}</Table.Td>
                <Table.Td w={120}>{s.staffName}</Table.Td>
                <Table.Td>{noteText(t, s.note)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </Stack>
  )
}

/** Notes the app writes itself are codes; what a person typed shows as typed. */
function noteText(t: (k: string, p?: Record<string, unknown>) => string, note: string | null): string | null {
  const m = /^(revision|appointment):(\d+)$/.exec(note ?? '')
  if (!m) return note
  return m[1] === 'revision' ? `${t('workorders.approve')} · ${t('workorders.revisionN', { revision: m[2] })}` : t('workorders.fromBooking', { id: m[2] })
}

export type Run = (fn: () => Promise<WorkOrder>) => Promise<boolean>

function Field({ label, value, big }: { label: string; value: string | null; big?: boolean }) {
  return (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size={big ? 'xl' : 'md'} fw={big ? 700 : 400}>{value || '—'}</Text>
    </div>
  )
}

function OnsiteCard({ o, run }: { o: WorkOrder; run: Run }) {
  const { t } = useTranslation()
  const log = (event: 'answered' | 'departed' | 'arrived') => run(() => call('workorders.onsite.log', { id: o.id, version: o.version, event }))
  return (
    <Card withBorder style={o.late ? { borderColor: 'var(--mantine-color-red-6)', borderWidth: 2 } : undefined}>
      <Group justify="space-between">
        <Title order={4}>{t('workorders.onsite')} · {o.onsiteAddress} · {o.onsiteDistanceKm ?? '—'} km</Title>
        <Group>
          <Button variant="light" disabled={!!o.answeredAt} onClick={() => void log('answered')}>{t('workorders.answered')}</Button>
          <Button variant="light" disabled={!!o.departedAt} onClick={() => void log('departed')}>{t('workorders.departed')}</Button>
          <Button variant="light" disabled={!!o.arrivedAt} onClick={() => void log('arrived')}>{t('workorders.arrived')}</Button>
        </Group>
      </Group>
      <SimpleGrid cols={5} mt="sm">
        <Field label={t('workorders.f.responseDue')} value={o.responseDueAt ? formatDateTime(o.responseDueAt) : null} />
        <Field label={t('workorders.f.writtenDue')} value={o.writtenDueAt ? formatDateTime(o.writtenDueAt) : null} />
        <Field label={t('workorders.answered')} value={o.answeredAt ? formatDateTime(o.answeredAt) : null} />
        <Field label={t('workorders.departed')} value={o.departedAt ? formatDateTime(o.departedAt) : null} />
        <Field label={t('workorders.arrived')} value={o.arrivedAt ? formatDateTime(o.arrivedAt) : null} />
      </SimpleGrid>
    </Card>
  )
}

function CheckinTab({ o, run }: { o: WorkOrder; run: Run }) {
  const { t } = useTranslation()
  const c = o.checkin
  const [marks, setMarks] = useState<Mark[]>(o.damages as Mark[])
  const [kind, setKind] = useState<Mark['kind']>('scratch')
  const [signing, setSigning] = useState<'customer' | 'advisor' | null>(null)
  const [sig, setSig] = useState<string | null>(null)
  useEffect(() => setMarks(o.damages as Mark[]), [o.damages])
  const editable = o.status === 'open'
  return (
    <Stack>
      <Group justify="flex-end">
        <PrintMenu workOrderId={o.id} sheet="checkin" label={t('workorders.pr.checkinTitle')} a5 />
      </Group>
      {c && (
        <Card withBorder>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Field label={t('workorders.f.fuel')} value={`${c.fuelEighths}/8`} />
            <Field label={t('workorders.f.warningLights')} value={c.warningLights.map((l) => t(`workorders.light.${l}`)).join('、')} />
            <Field label={t('workorders.f.protectiveKit')} value={c.protectiveKit.map((k) => t(`workorders.kit.${k}`)).join('、')} />
            <Field label={t('workorders.f.tyres')} value={c.tyres} />
            <Field label={t('workorders.f.spareWheel')} value={t(c.spareWheel ? 'workorders.f.yes' : 'workorders.f.no')} />
            <Field label={t('workorders.f.tools')} value={t(c.tools ? 'workorders.f.yes' : 'workorders.f.no')} />
            <Field label={t('workorders.f.valuables')} value={c.valuables} />
            <Field label={t('workorders.f.arrivalMode')} value={t(`workorders.arrival.${o.arrivalMode}`)} />
          </SimpleGrid>
          <Field label={t('workorders.f.customerWords')} value={c.customerWords} />
          {c.mileageLowerConfirmed && <Alert color="orange" mt="sm">{t('workorders.confirmLowerMileage')} ({formatNumber(c.previousMileageKm ?? 0)} km)</Alert>}
        </Card>
      )}
      <Card withBorder>
        <Title order={4} mb="sm">{t('workorders.f.damages')}</Title>
        <VehicleOutline marks={marks} kind={kind} onKind={setKind} {...(editable ? { onChange: setMarks } : {})} />
        {editable && JSON.stringify(marks) !== JSON.stringify(o.damages) && (
          <Group justify="flex-end" mt="sm">
            <Button onClick={() => void run(() => call('workorders.damages.set', { id: o.id, version: o.version, damages: marks }))}>{t('workorders.save')}</Button>
          </Group>
        )}
      </Card>
      <Card withBorder>
        <Group>
          <Text>{t('workorders.customerSignature')}: {c?.customerSigned ? t('workorders.signed') : t('workorders.notSigned')}</Text>
          {c && !c.customerSigned && <Button variant="light" onClick={() => setSigning('customer')}>{t('workorders.signCustomer')}</Button>}
          <Text ml="xl">{t('workorders.advisorSignature')}: {c?.advisorSigned ? t('workorders.signed') : t('workorders.notSigned')}</Text>
          {c && !c.advisorSigned && <Button variant="light" onClick={() => setSigning('advisor')}>{t('workorders.signAdvisor')}</Button>}
        </Group>
        <Group mt="sm">
          <Text>{t('workorders.photos')}</Text>
          <Photos o={o} subject="checkin" subjectId={null} run={run} />
        </Group>
        {o.damages.length > 0 && (
          <Stack gap={4} mt="sm">
            {o.damages.map((d, i) => (
              <Group key={d.id}>
                <Text w={220}>{i + 1}. {t(`workorders.view.${d.view}`)} · {t(`workorders.damage.${d.kind}`)}</Text>
                <Photos o={o} subject="damage" subjectId={d.id} run={run} />
              </Group>
            ))}
          </Stack>
        )}
      </Card>
      <Modal opened={signing !== null} onClose={() => setSigning(null)} title={signing === 'customer' ? t('workorders.signCustomer') : t('workorders.signAdvisor')} size="lg">
        <SignatureBox label={t('workorders.signHere')} onChange={setSig} />
        <Group justify="flex-end" mt="md">
          <Button
            disabled={!sig}
            onClick={async () => {
              if (signing && sig && (await run(() => call('workorders.checkin.sign', { id: o.id, version: o.version, who: signing, signature: sig })))) setSigning(null)
            }}
          >
            {t('workorders.confirm')}
          </Button>
        </Group>
      </Modal>
    </Stack>
  )
}

function WarrantyTab({ o }: { o: WorkOrder }) {
  const { t } = useTranslation()
  const [items, setItems] = useState<Awaited<ReturnType<typeof call<'workorders.warrantyForVehicle'>>>>([])
  useEffect(() => {
    call('workorders.warrantyForVehicle', { vehicleId: o.vehicleId }).then(setItems).catch((err: unknown) => showError(t, err))
  }, [o.vehicleId, o.status, t])
  return (
    <Stack>
      <Group justify="flex-end">
        <PrintMenu workOrderId={o.id} sheet="warranty" label={t('workorders.pr.warrantyTitle')} a5 />
      </Group>
      <Title order={4}>{t('workorders.underWarranty')} · {o.plate}</Title>
      <Table fz="md" data-testid="warranty-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('workorders.f.number')}</Table.Th>
            <Table.Th>{t('workorders.f.description')}</Table.Th>
            <Table.Th>{t('workorders.f.months')}</Table.Th>
            <Table.Th>{t('workorders.f.until')}</Table.Th>
            <Table.Th>{t('workorders.f.untilKm')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((w) => (
            <Table.Tr key={w.id}>
              <Table.Td>{w.number}</Table.Td>
              <Table.Td>{w.description}</Table.Td>
              <Table.Td>{w.months}</Table.Td>
              <Table.Td>{w.endsOn}</Table.Td>
              <Table.Td>{w.untilKm === null ? '—' : formatNumber(w.untilKm)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {items.length === 0 && <Text c="dimmed">{t('workorders.pr.noItems')}</Text>}
    </Stack>
  )
}

export function ApproveModal({ o, opened, onClose, run }: { o: WorkOrder; opened: boolean; onClose(): void; run: Run }) {
  const { t } = useTranslation()
  const [method, setMethod] = useState<'signature' | 'paper'>('signature')
  const [name, setName] = useState(o.customerName)
  const [sig, setSig] = useState<string | null>(null)
  return (
    <Modal opened={opened} onClose={onClose} size="lg" title={t('workorders.approveRevision', { revision: o.revision })}>
      <Stack>
        <SegmentedControl value={method} onChange={(v) => setMethod(v as 'paper')} data={[{ value: 'signature', label: t('workorders.methodSignature') }, { value: 'paper', label: t('workorders.methodPaper') }]} />
        <TextInput label={t('workorders.signerName')} value={name} onChange={(e) => setName(e.currentTarget.value)} />
        {method === 'signature' && <SignatureBox label={t('workorders.customerSignature')} onChange={setSig} testId="sig-approve" />}
        <Group justify="flex-end">
          <Button
            size="md"
            onClick={async () => {
              if (await run(() => call('workorders.approve', { id: o.id, version: o.version, method, signerName: name, signature: method === 'signature' ? sig : null }))) onClose()
            }}
          >
            {t('workorders.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

export function DeclineModal({ o, opened, onClose, run }: { o: WorkOrder; opened: boolean; onClose(): void; run: Run }) {
  const { t } = useTranslation()
  const [reason, setReason] = useState('')
  return (
    <Modal opened={opened} onClose={onClose} title={t('workorders.declineRepair')}>
      <Stack>
        <Text>{t('workorders.declineHelp')}</Text>
        <Textarea label={t('workorders.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button color="red" onClick={async () => (await run(() => call('workorders.decline', { id: o.id, version: o.version, reason }))) && onClose()}>
            {t('workorders.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
