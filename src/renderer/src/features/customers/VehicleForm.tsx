import { Button, Group, Modal, Stack } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Customer, Vehicle } from '../../../../shared/contract/customers'
import { call } from '../../api/client'
import { fieldErrors, showError } from '../../lib/errors'
import { draftOf, emptyVehicle, VehicleFieldsEditor, vehiclePayload, type VehicleDraft } from './VehicleFields'

interface Props {
  opened: boolean
  customerId: number
  vehicle?: Vehicle
  onClose(): void
  onSaved(customer: Customer): void
}

export function VehicleForm({ opened, customerId, vehicle, onClose, onSaved }: Props) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState<VehicleDraft>(() => (vehicle ? draftOf(vehicle) : emptyVehicle))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const save = async (): Promise<void> => {
    setBusy(true)
    setErrors({})
    try {
      const payload = vehiclePayload(draft)
      onSaved(
        vehicle
          ? await call('vehicles.update', { ...payload, id: vehicle.id, version: vehicle.version })
          : await call('vehicles.add', { ...payload, customerId })
      )
    } catch (err) {
      setErrors(fieldErrors(t, err))
      showError(t, err)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Modal opened={opened} onClose={onClose} size="xl" title={vehicle ? t('customers.editVehicle') : t('customers.addVehicle')}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        <Stack>
          <VehicleFieldsEditor draft={draft} onChange={setDraft} errors={errors} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={busy}>{t('common.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
