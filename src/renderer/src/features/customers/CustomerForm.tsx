import { Button, Divider, Group, Modal, SegmentedControl, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Customer } from '../../../../shared/contract/customers'
import { call } from '../../api/client'
import { fieldErrors, showError } from '../../lib/errors'
import { emptyVehicle, VehicleFieldsEditor, vehiclePayload, type VehicleDraft } from './VehicleFields'

interface Props {
  opened: boolean
  onClose(): void
  /** Editing an existing customer; a new one when absent. */
  customer?: Customer
  onSaved(customer: Customer): void
}

export function CustomerForm({ opened, onClose, customer, onSaved }: Props) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState(() => ({
    name: customer?.name ?? '',
    phone: customer?.phone ?? '',
    phone2: customer?.phone2 ?? '',
    address: customer?.address ?? '',
    kind: (customer?.kind ?? 'person') as 'person' | 'company',
    wants: customer?.wants ?? '',
    notes: customer?.notes ?? ''
  }))
  const [vehicle, setVehicle] = useState<VehicleDraft>(emptyVehicle)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const set = (k: keyof typeof draft) => (e: { currentTarget: { value: string } }) => {
    // Read the value now: React clears currentTarget before a state updater runs.
    const value = e.currentTarget.value
    setDraft((d) => ({ ...d, [k]: value }))
  }

  const save = async (): Promise<void> => {
    setBusy(true)
    setErrors({})
    try {
      const saved = customer
        ? await call('customers.update', { ...draft, id: customer.id, version: customer.version })
        : await call('customers.create', { ...draft, ...(vehicle.plate.trim() ? { vehicle: vehiclePayload(vehicle) } : {}) })
      onSaved(saved)
    } catch (err) {
      setErrors({ ...fieldErrors(t, err), ...prefixed(fieldErrors(t, err, 'vehicle.')) })
      showError(t, err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} size="xl" title={customer ? t('customers.editCustomer') : t('customers.newCustomer')}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        <Stack>
          <SimpleGrid cols={2}>
            <TextInput label={t('customers.name')} value={draft.name} onChange={set('name')} error={errors.name} required data-autofocus />
            <TextInput label={t('customers.phone')} value={draft.phone} onChange={set('phone')} error={errors.phone} required inputMode="tel" />
            <TextInput label={t('customers.phone2')} value={draft.phone2} onChange={set('phone2')} error={errors.phone2} inputMode="tel" />
            <Stack gap={4}>
              <SegmentedControl
                value={draft.kind}
                onChange={(v) => setDraft((d) => ({ ...d, kind: v as 'person' | 'company' }))}
                data={[
                  { value: 'person', label: t('customers.kindPerson') },
                  { value: 'company', label: t('customers.kindCompany') }
                ]}
                mt={24}
              />
            </Stack>
          </SimpleGrid>
          <TextInput label={t('customers.address')} value={draft.address} onChange={set('address')} error={errors.address} />
          <Textarea label={t('customers.wants')} value={draft.wants} onChange={set('wants')} error={errors.wants} autosize minRows={1} />
          <Textarea label={t('customers.notes')} value={draft.notes} onChange={set('notes')} error={errors.notes} autosize minRows={1} />
          {!customer && (
            <>
              <Divider label={t('customers.firstVehicle')} labelPosition="left" />
              <VehicleFieldsEditor draft={vehicle} onChange={setVehicle} errors={errorsWithout(errors, 'v:')} />
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={busy}>{t('common.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

const prefixed = (errs: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(errs).map(([k, v]) => [`v:${k}`, v]))
const errorsWithout = (errs: Record<string, string>, prefix: string): Record<string, string> =>
  Object.fromEntries(Object.entries(errs).filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]))
