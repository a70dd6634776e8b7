import { NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Vehicle, VehicleFields } from '../../../../shared/contract/customers'

export const VEHICLE_TYPES = ['car', 'suv', 'mpv', 'van', 'truck', 'bus', 'ev', 'motorcycle', 'other'] as const

export interface VehicleDraft {
  plate: string
  vin: string
  make: string
  model: string
  colour: string
  vehicleType: (typeof VEHICLE_TYPES)[number]
  year: number | null
  mileageKm: number | null
  serviceIntervalKm: number | null
  serviceIntervalMonths: number | null
}

export const emptyVehicle: VehicleDraft = {
  plate: '', vin: '', make: '', model: '', colour: '', vehicleType: 'car', year: null, mileageKm: null,
  serviceIntervalKm: 5000, serviceIntervalMonths: 6
}

export const draftOf = (v: Vehicle): VehicleDraft => ({
  plate: v.plate, vin: v.vin ?? '', make: v.make ?? '', model: v.model ?? '', colour: v.colour ?? '',
  vehicleType: (VEHICLE_TYPES as readonly string[]).includes(v.vehicleType) ? (v.vehicleType as VehicleDraft['vehicleType']) : 'other',
  year: v.year, mileageKm: v.mileageKm, serviceIntervalKm: v.serviceIntervalKm, serviceIntervalMonths: v.serviceIntervalMonths
})

export const vehiclePayload = (d: VehicleDraft): VehicleFields => ({ ...d, vin: d.vin || null })

const num = (v: string | number): number | null => (typeof v === 'number' ? v : v === '' ? null : Number(v))

export function VehicleFieldsEditor({ draft, onChange, errors }: { draft: VehicleDraft; onChange(d: VehicleDraft): void; errors: Record<string, string> }) {
  const { t } = useTranslation()
  const set = <K extends keyof VehicleDraft>(k: K, v: VehicleDraft[K]) => onChange({ ...draft, [k]: v })
  return (
    <SimpleGrid cols={3}>
      <TextInput label={t('customers.plate')} value={draft.plate} onChange={(e) => set('plate', e.currentTarget.value)} error={errors.plate} placeholder={t('customers.platePlaceholder')} />
      <TextInput label={t('customers.vin')} value={draft.vin} onChange={(e) => set('vin', e.currentTarget.value.toUpperCase())} error={errors.vin} maxLength={20} />
      <Select
        label={t('customers.vehicleType')}
        value={draft.vehicleType}
        onChange={(v) => v && set('vehicleType', v as VehicleDraft['vehicleType'])}
        data={VEHICLE_TYPES.map((v) => ({ value: v, label: t(`vehicleTypes.${v}`) }))}
        allowDeselect={false}
      />
      <TextInput label={t('customers.make')} value={draft.make} onChange={(e) => set('make', e.currentTarget.value)} error={errors.make} />
      <TextInput label={t('customers.model')} value={draft.model} onChange={(e) => set('model', e.currentTarget.value)} error={errors.model} />
      <TextInput label={t('customers.colour')} value={draft.colour} onChange={(e) => set('colour', e.currentTarget.value)} error={errors.colour} />
      <NumberInput label={t('customers.year')} value={draft.year ?? ''} onChange={(v) => set('year', num(v))} error={errors.year} min={1950} max={2100} allowDecimal={false} />
      <NumberInput label={t('customers.mileage')} value={draft.mileageKm ?? ''} onChange={(v) => set('mileageKm', num(v))} error={errors.mileageKm} min={0} allowDecimal={false} thousandSeparator="," />
      <SimpleGrid cols={2} spacing="xs">
        <NumberInput label={t('customers.intervalKm')} value={draft.serviceIntervalKm ?? ''} onChange={(v) => set('serviceIntervalKm', num(v))} error={errors.serviceIntervalKm} min={500} step={1000} allowDecimal={false} />
        <NumberInput label={t('customers.intervalMonths')} value={draft.serviceIntervalMonths ?? ''} onChange={(v) => set('serviceIntervalMonths', num(v))} error={errors.serviceIntervalMonths} min={1} max={36} allowDecimal={false} />
      </SimpleGrid>
    </SimpleGrid>
  )
}
