import { Alert, Badge, Button, Checkbox, Divider, Drawer, Group, NumberInput, SegmentedControl, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core'
import { IconPrinter } from '@tabler/icons-react'
import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { CHANNELS, LATE_CALL_RESULTS, REMIND_RESULTS, SERVICE_TYPES, TICK_TASKS } from '../../../../shared/contract/appointments'
import { PartsEditor } from './BookingForm'
import { call, showDocument } from '../../api/client'
import { useHasRole } from '../../app/session'
import { showError } from '../../lib/errors'
import { formatDateTime } from '../../lib/format'
import { navigate } from '../../lib/router'
import { addDays, toMinutes, timeOf } from './time'
import { OPEN_STATUSES, STATUS_COLOR, type BoardData, type Booking, type Task } from './types'

type Step = 'confirm' | 'remind' | 'lateCall' | 'cancel' | 'carry' | 'edit' | null

interface Props {
  booking: Booking
  board: BoardData
  onClose(): void
  onChanged(b: Booking): void
}

/** One booking: what was agreed, and the next step of its day (confirm, call, arrive, check in…). */
export function BookingDrawer({ booking: a, board, onClose, onChanged }: Props) {
  const { t } = useTranslation()
  const canAct = useHasRole('advisor', 'frontdesk_supervisor', 'service_director', 'admin')
  const isWorkshop = useHasRole('workshop_supervisor')
  const canCarry = canAct || isWorkshop
  const [step, setStep] = useState<Step>(null)
  const [kit, setKit] = useState<Task[]>([])
  const bayName = (id: number | null) => board.bays.find((b) => b.id === id)?.name ?? '—'
  const isOpen = OPEN_STATUSES.includes(a.status)
  const isToday = a.startsAt.slice(0, 10) === board.today
  const pastWindow = isToday && toMinutes(board.now) - toMinutes(a.startsAt) > board.settings.windowMinutes

  useEffect(() => {
    let live = true
    call('appointments.tasks', { date: a.startsAt.slice(0, 10) })
      .then((all) => live && setKit(all.filter((x) => x.appointmentId === a.id && (TICK_TASKS as readonly string[]).includes(x.task))))
      .catch(() => live && setKit([]))
    return () => {
      live = false
    }
  }, [a.id, a.startsAt, a.version])

  const run = async (fn: () => Promise<Booking>) => {
    try {
      onChanged(await fn())
      setStep(null)
    } catch (err) {
      showError(t, err)
    }
  }
  const print = async (name: 'appointments.print.slip' | 'appointments.print.windscreenCard') => {
    try {
      await showDocument(await call(name, { id: a.id }), 'print')
    } catch (err) {
      showError(t, err)
    }
  }
  const tick = async (task: Task, done: boolean) => {
    try {
      const next = await call('appointments.tasks.tick', { appointmentId: a.id, task: task.task as (typeof TICK_TASKS)[number], done })
      setKit((k) => k.map((x) => (x.task === next.task ? next : x)))
    } catch (err) {
      showError(t, err)
    }
  }
  const row = (label: string, value: ReactNode) => (
    <Table.Tr>
      <Table.Th w={130} fz="sm" c="dimmed">{label}</Table.Th>
      <Table.Td fz="md">{value}</Table.Td>
    </Table.Tr>
  )

  return (
    <Drawer opened onClose={onClose} position="right" size="lg" title={<Text fw={700} fz="xl">{t('board.detail.title', { number: a.number })}</Text>}>
      <Stack>
        <Group>
          <Text fz={32} fw={800} data-testid="drawer-plate">{a.plate}</Text>
          <Badge size="xl" color={STATUS_COLOR[a.status]} data-testid="drawer-status">{t(`board.status.${a.status}`)}</Badge>
        </Group>
        {a.status === 'late' && (
          <Alert color="orange">
            <Text>{t('board.discountKept')}</Text>
            {a.heldBayId && <Text>{t('board.lostBay', { bay: bayName(a.heldBayId) })}</Text>}
          </Alert>
        )}
        {a.lateCallResult && <Alert color="red">{t('board.lateCallShown', { result: t(`board.lateCallResult.${a.lateCallResult}`), minutes: a.lateCallDelay ?? '—' })}{a.lateCallNote ? ` · ${a.lateCallNote}` : ''}</Alert>}
        <Table>
          <Table.Tbody>
            {row(t('board.detail.when'), `${a.startsAt.slice(0, 10)} ${timeOf(a.startsAt)}–${timeOf(a.endsAt)}`)}
            {row(t('board.form.customer'), `${a.customerName} · ${a.phone}`)}
            {row(t('board.form.vehicle'), [a.plate, a.model].filter(Boolean).join(' '))}
            {row(t('board.form.advisor'), a.advisorName)}
            {row(t('board.form.bay'), bayName(a.bayId))}
            {row(t('board.form.serviceType'), t(`board.serviceType.${a.serviceType}`))}
            {row(t('board.form.channel'), t(`board.channel.${a.channel}`))}
            {row(t('board.form.complaint'), a.complaint ?? '—')}
            {row(t('board.form.parts'), a.parts.length ? a.parts.map((p) => `${p.description} ×${p.qty}`).join('，') : '—')}
            {a.notes && row(t('board.form.notes'), a.notes)}
            {a.confirmedBy && row(t('board.status.confirmed'), t('board.detail.confirmed', { name: a.confirmedBy }))}
            {a.remindedBy && row(t('board.detail.remind'), `${t('board.detail.reminded', { name: a.remindedBy, result: t(`board.remindResult.${a.remindResult}`) })}${a.remindNote ? ` · ${a.remindNote}` : ''}`)}
            {a.cancelReason && row(t('board.detail.cancelReason'), a.cancelReason)}
          </Table.Tbody>
        </Table>

        {canAct && (
          <Group gap="xs">
            {a.status === 'booked' && <Button size="md" onClick={() => setStep('confirm')}>{t('board.detail.confirm')}</Button>}
            {isOpen && <Button size="md" variant="light" onClick={() => setStep('remind')}>{t('board.detail.remind')}</Button>}
            {isOpen && isToday && <Button size="md" color="green" onClick={() => void run(() => call('appointments.arrive', { id: a.id, version: a.version }))}>{t('board.detail.arrive')}</Button>}
            {isOpen && pastWindow && <Button size="md" color="orange" variant="light" onClick={() => setStep('lateCall')}>{t('board.detail.lateCall')}</Button>}
            {isOpen && pastWindow && <Button size="md" color="red" variant="light" onClick={() => void run(() => call('appointments.noShow', { id: a.id, version: a.version }))}>{t('board.detail.noShow')}</Button>}
            {(a.status === 'arrived' || a.status === 'late' || (isOpen && isToday)) && (
              <Button size="md" color="grape" onClick={() => navigate('workorders', 'checkin', a.id)}>{t('board.detail.checkIn')}</Button>
            )}
            {isOpen && <Button size="md" color="red" variant="subtle" onClick={() => setStep('cancel')}>{t('board.detail.cancel')}</Button>}
            {(isOpen || a.status === 'arrived' || a.status === 'late') && <Button size="md" variant="default" onClick={() => setStep('edit')}>{t('board.detail.edit')}</Button>}
          </Group>
        )}
        {canCarry && a.status === 'checked_in' && (
          <Group gap="xs">
            <Button variant="light" onClick={() => setStep('carry')}>{t('board.detail.carryOver')}</Button>
            {a.heldUntil && <Button variant="subtle" onClick={() => void run(() => call('appointments.carryOver', { id: a.id, version: a.version, until: null }))}>{t('board.detail.release')}</Button>}
          </Group>
        )}
        <Group gap="xs">
          <Button variant="default" leftSection={<IconPrinter size={18} />} onClick={() => void print('appointments.print.slip')}>{t('board.detail.printSlip')}</Button>
          <Button variant="default" leftSection={<IconPrinter size={18} />} onClick={() => void print('appointments.print.windscreenCard')}>{t('board.detail.printCard')}</Button>
        </Group>

        {step === 'confirm' && <ConfirmStep onDone={(checks) => void run(() => call('appointments.confirm', { id: a.id, version: a.version, ...checks }))} />}
        {step === 'remind' && <CallStep results={REMIND_RESULTS} ns="remindResult" withDelay={false} onDone={(r) => void run(() => call('appointments.remind', { id: a.id, version: a.version, result: r.result as (typeof REMIND_RESULTS)[number], note: r.note }))} />}
        {step === 'lateCall' && <CallStep results={LATE_CALL_RESULTS} ns="lateCallResult" withDelay onDone={(r) => void run(() => call('appointments.lateCall', { id: a.id, version: a.version, result: r.result as (typeof LATE_CALL_RESULTS)[number], note: r.note, delayMinutes: r.delay }))} />}
        {step === 'edit' && (
          <EditStep
            booking={a}
            onDone={(f) => void run(() => call('appointments.update', { id: a.id, version: a.version, ...f }))}
          />
        )}
        {step === 'cancel' && <CancelStep onDone={(reason) => void run(() => call('appointments.cancel', { id: a.id, version: a.version, reason }))} />}
        {step === 'carry' && <CarryStep initial={a.heldUntil ?? `${addDays(a.startsAt.slice(0, 10), 1)}T12:00`} onDone={(until) => void run(() => call('appointments.carryOver', { id: a.id, version: a.version, until }))} />}

        {kit.length > 0 && (
          <>
            <Divider label={t('board.detail.kit')} labelPosition="left" />
            <Stack gap={6}>
              {kit.map((k) => (
                <Checkbox
                  key={k.task}
                  size="md"
                  checked={k.done}
                  disabled={!canAct}
                  onChange={(e) => void tick(k, e.currentTarget.checked)}
                  label={
                    <Text fz="md">
                      {t(`board.task.${k.task}`)}
                      {k.done && k.doneAt && <Text span c="dimmed" fz="sm"> · {t('board.doneBy', { name: k.doneBy, at: formatDateTime(k.doneAt) })}</Text>}
                    </Text>
                  }
                />
              ))}
            </Stack>
          </>
        )}
      </Stack>
    </Drawer>
  )
}

function ConfirmStep({ onDone }: { onDone(c: { bayChecked: true; partsChecked: true; timeChecked: true }): void }) {
  const { t } = useTranslation()
  const [c, setC] = useState({ bay: false, parts: false, time: false })
  return (
    <Stack gap="xs" p="sm" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}>
      <Text fw={700}>{t('board.detail.confirmTitle')}</Text>
      <Checkbox size="md" label={t('board.detail.bayChecked')} checked={c.bay} onChange={(e) => { const v = e.currentTarget.checked; setC((x) => ({ ...x, bay: v })) }} />
      <Checkbox size="md" label={t('board.detail.partsChecked')} checked={c.parts} onChange={(e) => { const v = e.currentTarget.checked; setC((x) => ({ ...x, parts: v })) }} />
      <Checkbox size="md" label={t('board.detail.timeChecked')} checked={c.time} onChange={(e) => { const v = e.currentTarget.checked; setC((x) => ({ ...x, time: v })) }} />
      <Group justify="flex-end">
        <Button disabled={!c.bay || !c.parts || !c.time} onClick={() => onDone({ bayChecked: true, partsChecked: true, timeChecked: true })}>{t('board.detail.confirm')}</Button>
      </Group>
    </Stack>
  )
}

function CallStep({ results, ns, withDelay, onDone }: { results: readonly string[]; ns: string; withDelay: boolean; onDone(r: { result: string; note: string; delay: number | null }): void }) {
  const { t } = useTranslation()
  const [result, setResult] = useState<string | null>(results[0] ?? null)
  const [note, setNote] = useState('')
  const [delay, setDelay] = useState<number | string>(15)
  return (
    <Stack gap="xs" p="sm" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}>
      <Select label={t('board.detail.result')} data={results.map((r) => ({ value: r, label: t(`board.${ns}.${r}`) }))} value={result} onChange={setResult} allowDeselect={false} />
      {withDelay && <NumberInput label={t('board.detail.delayMinutes')} min={0} max={600} value={delay} onChange={setDelay} />}
      <Textarea label={t('board.detail.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={1} />
      <Group justify="flex-end">
        <Button disabled={!result} onClick={() => result && onDone({ result, note, delay: withDelay ? Number(delay) || 0 : null })}>{t('board.detail.save')}</Button>
      </Group>
    </Stack>
  )
}

function CancelStep({ onDone }: { onDone(reason: string): void }) {
  const { t } = useTranslation()
  const [reason, setReason] = useState('')
  return (
    <Stack gap="xs" p="sm" style={{ border: '1px solid var(--mantine-color-red-3)', borderRadius: 8 }}>
      <TextInput label={t('board.detail.cancelReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required data-autofocus />
      <Group justify="flex-end">
        <Button color="red" disabled={!reason.trim()} onClick={() => onDone(reason)}>{t('board.detail.cancel')}</Button>
      </Group>
    </Stack>
  )
}

function CarryStep({ initial, onDone }: { initial: string; onDone(until: string): void }) {
  const { t } = useTranslation()
  const [until, setUntil] = useState(initial)
  return (
    <Group align="end" p="sm" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}>
      <TextInput type="datetime-local" label={t('board.detail.carryOver')} value={until} onChange={(e) => setUntil(e.currentTarget.value)} />
      <Button onClick={() => onDone(until)}>{t('board.detail.save')}</Button>
    </Group>
  )
}

type EditFields = {
  serviceType: (typeof SERVICE_TYPES)[number]
  channel: (typeof CHANNELS)[number]
  complaint: string
  notes: string
  parts: Array<{ partId: number | null; description: string; qty: number }>
}

function EditStep({ booking: a, onDone }: { booking: Booking; onDone(f: EditFields): void }) {
  const { t } = useTranslation()
  const [f, setF] = useState<EditFields>({
    serviceType: a.serviceType,
    channel: a.channel,
    complaint: a.complaint ?? '',
    notes: a.notes ?? '',
    parts: a.parts.map((p) => ({ partId: p.partId, description: p.description, qty: p.qty }))
  })
  return (
    <Stack gap="xs" p="sm" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}>
      <SegmentedControl value={f.serviceType} onChange={(v) => setF({ ...f, serviceType: v as EditFields['serviceType'] })} data={SERVICE_TYPES.map((s) => ({ value: s, label: t(`board.serviceType.${s}`) }))} />
      <SegmentedControl value={f.channel} onChange={(v) => setF({ ...f, channel: v as EditFields['channel'] })} data={CHANNELS.map((s) => ({ value: s, label: t(`board.channel.${s}`) }))} />
      <Textarea label={t('board.form.complaint')} value={f.complaint} onChange={(e) => { const v = e.currentTarget.value; setF((x) => ({ ...x, complaint: v })) }} autosize minRows={2} />
      <PartsEditor parts={f.parts} onChange={(parts) => setF((x) => ({ ...x, parts }))} />
      <Textarea label={t('board.form.notes')} value={f.notes} onChange={(e) => { const v = e.currentTarget.value; setF((x) => ({ ...x, notes: v })) }} autosize minRows={1} />
      <Group justify="flex-end">
        <Button onClick={() => onDone({ ...f, parts: f.parts.filter((p) => p.description.trim()) })}>{t('board.detail.save')}</Button>
      </Group>
    </Stack>
  )
}
