import { ActionIcon, Alert, Button, Group, Modal, NumberInput, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput, UnstyledButton } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconPlus, IconSearch, IconTrash } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CHANNELS, SERVICE_TYPES } from '../../../../shared/contract/appointments'
import type { Customer, CustomerSummary } from '../../../../shared/contract/customers'
import { ApiError, call } from '../../api/client'
import { errorMessage, fieldErrors, showError } from '../../lib/errors'
import { timeOf } from './time'
import type { BoardData, Booking } from './types'

export interface BookingDraftStart {
  date: string
  time: string
  bayId: number | null
  advisorId: number | null
}

interface PartLine {
  partId: number | null
  description: string
  qty: number
}

interface Props {
  board: BoardData
  start: BookingDraftStart
  onClose(): void
  onBooked(b: Booking): void
}

const DURATIONS = [30, 45, 60, 90, 120, 180, 240, 300, 360, 480]

/** A new booking: find the customer (or create them on the spot), their vehicle, then when and where. */
export function BookingForm({ board, start, onClose, onBooked }: Props) {
  const { t } = useTranslation()
  const [customer, setCustomer] = useState<Customer | null>(null)
  const [vehicleId, setVehicleId] = useState<string | null>(null)
  const [advisorId, setAdvisorId] = useState<string | null>(start.advisorId ? String(start.advisorId) : board.advisors[0] ? String(board.advisors[0].id) : null)
  const [bayId, setBayId] = useState<string | null>(start.bayId ? String(start.bayId) : board.bays[0] ? String(board.bays[0].id) : null)
  const [date, setDate] = useState(start.date)
  const [time, setTime] = useState(start.time)
  const [duration, setDuration] = useState(String(board.settings.defaultDurationMinutes))
  const [serviceType, setServiceType] = useState<string>('maintenance')
  const [channel, setChannel] = useState<string>('phone')
  const [complaint, setComplaint] = useState('')
  const [notes, setNotes] = useState('')
  const [parts, setParts] = useState<PartLine[]>([])
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [clash, setClash] = useState<{ message: string; slots: Array<{ startsAt: string; bayId: number; bayName: string }> } | null>(null)
  const [busy, setBusy] = useState(false)

  const book = async (): Promise<void> => {
    if (!customer || !vehicleId || !advisorId || !bayId) return
    setBusy(true)
    setErrors({})
    setClash(null)
    try {
      const saved = await call('appointments.book', {
        customerId: customer.id,
        vehicleId: Number(vehicleId),
        advisorId: Number(advisorId),
        bayId: Number(bayId),
        startsAt: `${date}T${time}`,
        durationMinutes: Number(duration),
        serviceType: serviceType as (typeof SERVICE_TYPES)[number],
        channel: channel as (typeof CHANNELS)[number],
        complaint,
        notes,
        parts: parts.filter((p) => p.description.trim()).map((p) => ({ partId: p.partId, description: p.description, qty: p.qty }))
      })
      onBooked(saved)
    } catch (err) {
      if (err instanceof ApiError && err.body.code.startsWith('board.clash_')) {
        const raw = (err.body.params?.slots ?? []) as string[]
        setClash({
          message: errorMessage(t, err),
          slots: raw.map((s) => {
            const [startsAt = '', bay = '0', bayName = ''] = s.split('|')
            return { startsAt, bayId: Number(bay), bayName }
          })
        })
      } else {
        setErrors(fieldErrors(t, err))
        showError(t, err)
      }
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal opened onClose={onClose} size="xl" title={t('board.form.title')}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void book()
        }}
      >
        <Stack>
          {customer ? (
            <Paper withBorder p="sm">
              <Group justify="space-between">
                <Text fz="lg" fw={700} data-testid="booking-customer">{customer.name} · {customer.phone}</Text>
                <Button variant="subtle" onClick={() => { setCustomer(null); setVehicleId(null) }}>{t('board.form.change')}</Button>
              </Group>
              <VehiclePicker customer={customer} value={vehicleId} onChange={setVehicleId} onCustomer={setCustomer} />
            </Paper>
          ) : (
            <CustomerPicker onPicked={(c) => { setCustomer(c); setVehicleId(c.vehicles[0] ? String(c.vehicles[0].id) : null) }} />
          )}
          <SimpleGrid cols={2}>
            <Select label={t('board.form.advisor')} data={board.advisors.map((a) => ({ value: String(a.id), label: a.name }))} value={advisorId} onChange={setAdvisorId} allowDeselect={false} required />
            <Select label={t('board.form.bay')} data={board.bays.map((b) => ({ value: String(b.id), label: b.name }))} value={bayId} onChange={setBayId} allowDeselect={false} required />
            <TextInput type="date" label={t('board.form.date')} value={date} onChange={(e) => setDate(e.currentTarget.value)} error={errors.startsAt} required />
            <Group grow align="end">
              <TextInput type="time" step={board.settings.slotMinutes * 60} label={t('board.form.time')} value={time} onChange={(e) => setTime(e.currentTarget.value)} required />
              <Select label={t('board.form.duration')} data={DURATIONS.map((n) => ({ value: String(n), label: t('board.form.minutes', { n }) }))} value={duration} onChange={(v) => v && setDuration(v)} allowDeselect={false} />
            </Group>
          </SimpleGrid>
          <Group grow>
            <Stack gap={4}>
              <Text fz="sm" fw={500}>{t('board.form.serviceType')}</Text>
              <SegmentedControl value={serviceType} onChange={setServiceType} data={SERVICE_TYPES.map((s) => ({ value: s, label: t(`board.serviceType.${s}`) }))} />
            </Stack>
            <Stack gap={4}>
              <Text fz="sm" fw={500}>{t('board.form.channel')}</Text>
              <SegmentedControl value={channel} onChange={setChannel} data={CHANNELS.map((s) => ({ value: s, label: t(`board.channel.${s}`) }))} />
            </Stack>
          </Group>
          <Textarea label={t('board.form.complaint')} value={complaint} onChange={(e) => setComplaint(e.currentTarget.value)} error={errors.complaint} autosize minRows={2} />
          <PartsEditor parts={parts} onChange={setParts} />
          <Textarea label={t('board.form.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} autosize minRows={1} />
          {clash && (
            <Alert color="red" title={t('board.form.clashTitle')} data-testid="clash">
              <Text fz="md" mb="xs">{clash.message}</Text>
              {clash.slots.length > 0 && <Text fz="sm" fw={600}>{t('board.form.nextSlots')}</Text>}
              <Group gap="xs" mt={4}>
                {clash.slots.map((s) => {
                  const label = `${s.startsAt.slice(5, 10)} ${timeOf(s.startsAt)} ${s.bayName}`
                  return (
                    <Button key={`${s.startsAt}${s.bayId}`} variant="light" onClick={() => { setDate(s.startsAt.slice(0, 10)); setTime(timeOf(s.startsAt)); setBayId(String(s.bayId)); setClash(null) }}>
                      {t('board.form.useSlot', { slot: label })}
                    </Button>
                  )
                })}
              </Group>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" size="md" loading={busy} disabled={!customer || !vehicleId}>{t('board.form.book')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

function CustomerPicker({ onPicked }: { onPicked(c: Customer): void }) {
  const { t } = useTranslation()
  const [query, setQuery] = useState('')
  const [debounced] = useDebouncedValue(query, 150)
  const [found, setFound] = useState<CustomerSummary[]>([])
  const [creating, setCreating] = useState(false)
  const [draft, setDraft] = useState({ name: '', phone: '', plate: '', make: '', model: '' })
  const [errors, setErrors] = useState<Record<string, string>>({})

  useEffect(() => {
    if (!debounced.trim()) return setFound([])
    let live = true
    call('customers.search', { query: debounced, limit: 8 })
      .then((r) => live && setFound(r.items))
      .catch((err: unknown) => showError(t, err))
    return () => {
      live = false
    }
  }, [debounced, t])

  const pick = async (id: number) => {
    try {
      onPicked(await call('customers.get', { id }))
    } catch (err) {
      showError(t, err)
    }
  }
  const create = async () => {
    setErrors({})
    try {
      const c = await call('customers.create', {
        name: draft.name,
        phone: draft.phone,
        ...(draft.plate.trim() ? { vehicle: { plate: draft.plate, make: draft.make || null, model: draft.model || null } } : {})
      })
      onPicked(c)
    } catch (err) {
      setErrors({ ...fieldErrors(t, err), ...Object.fromEntries(Object.entries(fieldErrors(t, err, 'vehicle.')).map(([k, v]) => [`v.${k}`, v])) })
      showError(t, err)
    }
  }
  const set = (k: keyof typeof draft) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value
    setDraft((d) => ({ ...d, [k]: value }))
  }

  if (creating) {
    return (
      <Paper withBorder p="sm">
        <Text fw={700} mb="xs">{t('board.form.newCustomer')}</Text>
        <SimpleGrid cols={2}>
          <TextInput label={t('board.form.customerName')} value={draft.name} onChange={set('name')} error={errors.name} required data-autofocus />
          <TextInput label={t('board.form.phone')} value={draft.phone} onChange={set('phone')} error={errors.phone} required inputMode="tel" />
          <TextInput label={t('board.form.plate')} value={draft.plate} onChange={set('plate')} error={errors['v.plate']} required />
          <Group grow>
            <TextInput label={t('board.form.make')} value={draft.make} onChange={set('make')} />
            <TextInput label={t('board.form.model')} value={draft.model} onChange={set('model')} />
          </Group>
        </SimpleGrid>
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={() => setCreating(false)}>{t('common.cancel')}</Button>
          <Button onClick={() => void create()}>{t('common.save')}</Button>
        </Group>
      </Paper>
    )
  }
  return (
    <Stack gap="xs">
      <Group align="end">
        <TextInput
          style={{ flex: 1 }}
          size="md"
          label={t('board.form.customer')}
          placeholder={t('board.form.searchCustomer')}
          leftSection={<IconSearch size={18} />}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          data-autofocus
        />
        <Button variant="light" size="md" leftSection={<IconPlus size={18} />} onClick={() => setCreating(true)}>{t('board.form.newCustomer')}</Button>
      </Group>
      {found.map((c) => (
        <UnstyledButton key={c.id} onClick={() => void pick(c.id)} p="xs" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 6 }} aria-label={`${c.name} ${c.plates.join(' ')}`}>
          <Text fz="md"><b>{c.name}</b> · {c.phone} · {c.plates.join('  ')}</Text>
        </UnstyledButton>
      ))}
    </Stack>
  )
}

function VehiclePicker({ customer, value, onChange, onCustomer }: { customer: Customer; value: string | null; onChange(v: string | null): void; onCustomer(c: Customer): void }) {
  const { t } = useTranslation()
  const [adding, setAdding] = useState(false)
  const [plate, setPlate] = useState('')
  const [model, setModel] = useState('')
  const [error, setError] = useState<string | undefined>()
  const add = async () => {
    setError(undefined)
    try {
      const c = await call('vehicles.add', { customerId: customer.id, plate, model: model || null })
      onCustomer(c)
      const v = c.vehicles[c.vehicles.length - 1]
      onChange(v ? String(v.id) : null)
      setAdding(false)
    } catch (err) {
      setError(fieldErrors(t, err).plate)
      showError(t, err)
    }
  }
  return (
    <Group align="end" mt="xs">
      <Select
        style={{ flex: 1 }}
        label={t('board.form.vehicle')}
        data={customer.vehicles.map((v) => ({ value: String(v.id), label: [v.plate, v.make, v.model].filter(Boolean).join(' ') }))}
        value={value}
        onChange={onChange}
        allowDeselect={false}
        required
      />
      {adding ? (
        <>
          <TextInput label={t('board.form.plate')} value={plate} onChange={(e) => setPlate(e.currentTarget.value)} error={error} />
          <TextInput label={t('board.form.model')} value={model} onChange={(e) => setModel(e.currentTarget.value)} />
          <Button onClick={() => void add()}>{t('common.add')}</Button>
        </>
      ) : (
        <Button variant="subtle" leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>{t('board.form.addVehicle')}</Button>
      )}
    </Group>
  )
}

/** Parts needed: picked from the parts master when it knows them, or written as free text. */
export function PartsEditor({ parts, onChange }: { parts: PartLine[]; onChange(p: PartLine[]): void }) {
  const { t } = useTranslation()
  const update = (i: number, p: Partial<PartLine>) => onChange(parts.map((x, j) => (j === i ? { ...x, ...p } : x)))
  return (
    <Stack gap={6}>
      <Text fz="sm" fw={500}>{t('board.form.parts')}</Text>
      {parts.map((p, i) => (
        <Group key={i} align="start" wrap="nowrap">
          <PartInput value={p.description} onText={(description) => update(i, { description, partId: null })} onPick={(partId, description) => update(i, { partId, description })} />
          <NumberInput aria-label={t('board.form.qty')} w={90} min={1} max={999} value={p.qty} onChange={(v) => update(i, { qty: Number(v) || 1 })} />
          <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('board.form.removePart')} onClick={() => onChange(parts.filter((_, j) => j !== i))}>
            <IconTrash size={18} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button variant="subtle" size="compact-md" leftSection={<IconPlus size={16} />} onClick={() => onChange([...parts, { partId: null, description: '', qty: 1 }])}>
          {t('board.form.addPart')}
        </Button>
      </Group>
    </Stack>
  )
}

function PartInput({ value, onText, onPick }: { value: string; onText(s: string): void; onPick(id: number, description: string): void }) {
  const { t } = useTranslation()
  const [debounced] = useDebouncedValue(value, 200)
  const [options, setOptions] = useState<Array<{ id: number; label: string }>>([])
  const [open, setOpen] = useState(false)
  useEffect(() => {
    if (debounced.trim().length < 2) return setOptions([])
    let live = true
    // The parts master, once the warehouse has one; free text still works without it.
    call('parts.search', { query: debounced, limit: 6 })
      .then((r) => live && setOptions(r.items.map((p) => ({ id: p.id, label: [p.partNo, p.name, p.spec].filter(Boolean).join(' ') }))))
      .catch(() => live && setOptions([]))
    return () => {
      live = false
    }
  }, [debounced])
  return (
    <Stack gap={2} style={{ flex: 1 }}>
      <TextInput aria-label={t('board.form.partDescription')} placeholder={t('board.form.partDescription')} value={value} onChange={(e) => { onText(e.currentTarget.value); setOpen(true) }} onBlur={() => setTimeout(() => setOpen(false), 150)} />
      {open && options.length > 0 && (
        <Paper withBorder shadow="sm" p={4}>
          {options.map((o) => (
            <UnstyledButton key={o.id} display="block" p={4} onMouseDown={(e) => { e.preventDefault(); onPick(o.id, o.label); setOpen(false) }}>
              <Text fz="sm">{o.label}</Text>
            </UnstyledButton>
          ))}
        </Paper>
      )}
    </Stack>
  )
}
