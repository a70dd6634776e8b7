import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Chip,
  Group,
  List,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Slider,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
  Title
} from '@mantine/core'
import { IconArrowLeft } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { KIT, PAY_TYPES, WARNING_LIGHTS, type DeclinedItem, type WarrantyItem, type WoSettings } from '../../../../shared/contract/workorders'
import type { Vehicle } from '../../../../shared/contract/customers'
import { ApiError, call } from '../../api/client'
import { fieldErrors, showError } from '../../lib/errors'
import { formatDate, formatNumber } from '../../lib/format'
import { navigate } from '../../lib/router'
import { SignatureBox } from './SignatureBox'
import { VehicleOutline, type Mark } from './VehicleOutline'

interface Booking {
  id: number
  customerId: number
  vehicleId: number
  plate: string
  customerName: string
  complaint: string | null
}

interface Context {
  lastMileageKm: number | null
  declined: DeclinedItem[]
  warranty: WarrantyItem[]
}

/** Check-in (接車): from a booking (#/workorders/checkin/<appointmentId>) or a walk-in found by plate. */
export function CheckInForm({ appointmentId }: { appointmentId?: number }) {
  const { t } = useTranslation()
  const [booking, setBooking] = useState<Booking | null>(null)
  const [plate, setPlate] = useState('')
  const [vehicle, setVehicle] = useState<{ vehicle: Vehicle; customerName: string } | null>(null)
  const [notFound, setNotFound] = useState(false)
  const [ctx, setCtx] = useState<Context | null>(null)
  const [settings, setSettings] = useState<WoSettings | null>(null)
  const [mileage, setMileage] = useState<number | ''>('')
  const [confirmLower, setConfirmLower] = useState(false)
  const [askLower, setAskLower] = useState(false)
  const [fuel, setFuel] = useState(4)
  const [lights, setLights] = useState<string[]>([])
  const [kit, setKit] = useState<string[]>(['seat', 'wheel', 'mat'])
  const [tyres, setTyres] = useState('')
  const [spare, setSpare] = useState(true)
  const [tools, setTools] = useState(true)
  const [valuables, setValuables] = useState('')
  const [words, setWords] = useState('')
  const [arrival, setArrival] = useState('driven')
  const [payType, setPayType] = useState('customer')
  const [bay, setBay] = useState<string | null>(null)
  const [kind, setKind] = useState<'shop' | 'onsite'>('shop')
  const [address, setAddress] = useState('')
  const [distance, setDistance] = useState<number | ''>('')
  const [supplier, setSupplier] = useState(false)
  const [fault, setFault] = useState('other')
  const [marks, setMarks] = useState<Mark[]>([])
  const [markKind, setMarkKind] = useState<Mark['kind']>('scratch')
  const [customerSig, setCustomerSig] = useState<string | null>(null)
  const [advisorSig, setAdvisorSig] = useState<string | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    call('workorders.settings.get', {}).then(setSettings).catch((err: unknown) => showError(t, err))
    if (!appointmentId) return
    call('appointments.get', { id: appointmentId })
      .then((a) => {
        const b = a as unknown as Booking
        setBooking(b)
        setWords(b.complaint ?? '')
      })
      .catch((err: unknown) => showError(t, err))
  }, [appointmentId, t])

  const vehicleId = booking?.vehicleId ?? vehicle?.vehicle.id
  useEffect(() => {
    if (!vehicleId) return
    call('workorders.vehicleContext', { vehicleId }).then(setCtx).catch((err: unknown) => showError(t, err))
  }, [vehicleId, t])

  const find = async (): Promise<void> => {
    try {
      const r = await call('vehicles.findByPlate', { plate })
      setNotFound(!r.vehicle)
      setVehicle(r.vehicle ? { vehicle: r.vehicle, customerName: r.customerName ?? '' } : null)
    } catch (err) {
      setErrors(fieldErrors(t, err))
      showError(t, err)
    }
  }

  const submit = async (): Promise<void> => {
    setBusy(true)
    setErrors({})
    try {
      const r = await call('workorders.checkIn', {
        ...(booking ? { appointmentId: booking.id } : { vehicleId: vehicleId as number }),
        mileageKm: mileage === '' ? -1 : mileage,
        confirmLowerMileage: confirmLower,
        fuelEighths: fuel,
        warningLights: lights as never,
        tyres,
        spareWheel: spare,
        tools,
        valuables,
        customerWords: words,
        protectiveKit: kit as never,
        arrivalMode: arrival as 'driven',
        payType: payType as 'customer',
        bay,
        kind,
        onsiteAddress: address,
        onsiteDistanceKm: distance === '' ? null : distance,
        supplierInvolved: supplier,
        faultSystem: fault as 'other',
        damages: marks,
        customerSignature: customerSig,
        advisorSignature: advisorSig
      })
      navigate('workorders', r.id)
    } catch (err) {
      if (err instanceof ApiError && err.body.code === 'workorders.mileage_lower') setAskLower(true)
      setErrors(fieldErrors(t, err))
      showError(t, err)
    } finally {
      setBusy(false)
    }
  }

  const who = booking ? `${booking.plate} · ${booking.customerName}` : vehicle ? `${vehicle.vehicle.plate} · ${vehicle.customerName}` : null
  return (
    <Stack>
      <Group>
        <Button variant="subtle" leftSection={<IconArrowLeft size={18} />} onClick={() => navigate('workorders')}>{t('workorders.back')}</Button>
        <Title order={2}>{t('workorders.checkIn')}</Title>
        <Text c="dimmed">{booking ? t('workorders.fromBooking', { id: booking.id }) : t('workorders.walkIn')}</Text>
      </Group>
      {!booking && (
        <Group align="flex-end">
          <TextInput
            size="lg"
            label={t('workorders.findVehicle')}
            value={plate}
            error={errors.plate}
            onChange={(e) => setPlate(e.currentTarget.value)}
            onKeyDown={(e) => e.key === 'Enter' && void find()}
            autoFocus
          />
          <Button size="lg" onClick={() => void find()}>{t('common.search')}</Button>
        </Group>
      )}
      {notFound && (
        <Alert color="yellow">
          {t('workorders.vehicleNotFound')} <Anchor onClick={() => navigate('customers')}>{t('workorders.addCustomer')}</Anchor>
        </Alert>
      )}
      {who && vehicleId && (
        <>
          <Title order={3} data-testid="checkin-vehicle">{who}</Title>
          {ctx && ctx.declined.length > 0 && (
            <Alert color="orange" title={t('workorders.declinedBefore')} data-testid="declined-before">
              <List>
                {ctx.declined.map((d, i) => (
                  <List.Item key={i}>
                    {formatDate(d.openedAt)} · {d.label} ({t(`workorders.result.${d.result ?? 'na'}`)}){d.note ? ` — ${d.note}` : ''}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          {ctx && ctx.warranty.length > 0 && (
            <Alert color="teal" title={t('workorders.underWarranty')}>
              {ctx.warranty.map((w) => `${w.description} (${t('workorders.f.until')} ${w.endsOn})`).join(' · ')}
            </Alert>
          )}
          <Card withBorder>
            <SimpleGrid cols={{ base: 1, md: 3 }}>
              <Stack gap={4}>
                <NumberInput
                  size="lg"
                  label={t('workorders.f.mileage')}
                  value={mileage}
                  min={0}
                  max={2_000_000}
                  thousandSeparator=","
                  error={errors.mileageKm}
                  onChange={(v) => {
                    setMileage(typeof v === 'number' ? v : '')
                    setAskLower(false)
                    setConfirmLower(false)
                  }}
                  required
                />
                {ctx?.lastMileageKm != null && <Text size="sm" c="dimmed">{t('workorders.lastMileage', { km: formatNumber(ctx.lastMileageKm) })}</Text>}
                {askLower && <Checkbox color="red" label={t('workorders.confirmLowerMileage')} checked={confirmLower} onChange={(e) => setConfirmLower(e.currentTarget.checked)} />}
              </Stack>
              <Stack gap={4}>
                <Text size="sm" fw={500}>{t('workorders.f.fuel')}: {fuel}/8</Text>
                <Slider aria-label={t('workorders.f.fuel')} min={0} max={8} step={1} value={fuel} onChange={setFuel} marks={[0, 2, 4, 6, 8].map((v) => ({ value: v, label: `${v}/8` }))} mb="lg" />
              </Stack>
              <Select label={t('workorders.f.arrivalMode')} value={arrival} onChange={(v) => setArrival(v ?? 'driven')} data={['driven', 'towed', 'accident'].map((v) => ({ value: v, label: t(`workorders.arrival.${v}`) }))} />
            </SimpleGrid>
            <Text size="sm" fw={500} mt="md">{t('workorders.f.warningLights')}</Text>
            <Chip.Group multiple value={lights} onChange={setLights}>
              <Group gap="xs">{WARNING_LIGHTS.map((l) => <Chip key={l} value={l} color="red">{t(`workorders.light.${l}`)}</Chip>)}</Group>
            </Chip.Group>
            <Text size="sm" fw={500} mt="md">{t('workorders.f.protectiveKit')}</Text>
            <Chip.Group multiple value={kit} onChange={setKit}>
              <Group gap="xs">{KIT.map((k) => <Chip key={k} value={k}>{t(`workorders.kit.${k}`)}</Chip>)}</Group>
            </Chip.Group>
            <SimpleGrid cols={{ base: 1, md: 2 }} mt="md">
              <TextInput label={t('workorders.f.tyres')} value={tyres} onChange={(e) => setTyres(e.currentTarget.value)} />
              <TextInput label={t('workorders.f.valuables')} value={valuables} onChange={(e) => setValuables(e.currentTarget.value)} />
              <Group mt="md">
                <Switch label={t('workorders.f.spareWheel')} checked={spare} onChange={(e) => setSpare(e.currentTarget.checked)} />
                <Switch label={t('workorders.f.tools')} checked={tools} onChange={(e) => setTools(e.currentTarget.checked)} />
              </Group>
              <Group grow>
                <Select label={t('workorders.f.payType')} value={payType} onChange={(v) => setPayType(v ?? 'customer')} data={PAY_TYPES.map((p) => ({ value: p, label: t(`workorders.pay.${p}`) }))} />
                <Select label={t('workorders.f.bay')} value={bay} onChange={setBay} clearable data={settings?.bays ?? []} />
              </Group>
            </SimpleGrid>
            <Textarea mt="md" label={t('workorders.f.customerWords')} value={words} onChange={(e) => setWords(e.currentTarget.value)} autosize minRows={2} />
          </Card>
          <Card withBorder>
            <Group mb="sm">
              <Title order={4}>{t('workorders.f.kind')}</Title>
              <SegmentedControl value={kind} onChange={(v) => setKind(v as 'shop')} data={(['shop', 'onsite'] as const).map((k) => ({ value: k, label: t(`workorders.kind.${k}`) }))} />
            </Group>
            {kind === 'onsite' && (
              <SimpleGrid cols={{ base: 1, md: 4 }}>
                <TextInput label={t('workorders.f.address')} value={address} onChange={(e) => setAddress(e.currentTarget.value)} />
                <NumberInput label={t('workorders.f.distance')} value={distance} min={0} max={5000} onChange={(v) => setDistance(typeof v === 'number' ? v : '')} />
                <Select label={t('workorders.f.faultSystem')} value={fault} onChange={(v) => setFault(v ?? 'other')} data={['engine', 'chassis', 'electrical', 'body', 'other'].map((f) => ({ value: f, label: t(`workorders.fault.${f}`) }))} />
                <Switch mt="xl" label={t('workorders.f.supplier')} checked={supplier} onChange={(e) => setSupplier(e.currentTarget.checked)} />
              </SimpleGrid>
            )}
          </Card>
          <Card withBorder>
            <Title order={4} mb="sm">{t('workorders.f.damages')}</Title>
            <VehicleOutline marks={marks} onChange={setMarks} kind={markKind} onKind={setMarkKind} />
          </Card>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <SignatureBox label={t('workorders.customerSignature')} onChange={setCustomerSig} testId="sig-customer" />
            <SignatureBox label={t('workorders.advisorSignature')} onChange={setAdvisorSig} testId="sig-advisor" />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button size="lg" loading={busy} onClick={() => void submit()}>{t('workorders.checkIn')}</Button>
          </Group>
        </>
      )}
    </Stack>
  )
}
