import { Anchor, List, Text } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { WarrantyItem } from '../../../../shared/contract/workorders'
import { call } from '../../api/client'
import { formatDate, formatNumber } from '../../lib/format'
import { navigate } from '../../lib/router'

/** What on this vehicle is still under warranty: each repaired item or part, until when and how far. */
export function VehicleWarranty({ vehicleId }: { vehicleId: number }) {
  const { t } = useTranslation()
  const [items, setItems] = useState<WarrantyItem[] | null>(null)
  useEffect(() => {
    call('workorders.warrantyForVehicle', { vehicleId }).then(setItems).catch(() => setItems([]))
  }, [vehicleId])
  if (!items || items.length === 0) return null
  return (
    <div>
      <Text size="xs" c="dimmed" mt="xs">{t('customers.underWarranty')}</Text>
      <List size="sm" spacing={2}>
        {items.map((w) => (
          <List.Item key={w.id}>
            {w.description} · {t('customers.warrantyUntil', { date: formatDate(w.endsOn) })}
            {w.untilKm !== null && ` / ${formatNumber(w.untilKm)} km`}{' '}
            <Anchor size="sm" onClick={() => navigate('workorders', w.workOrderId)}>{w.number}</Anchor>
          </List.Item>
        ))}
      </List>
    </div>
  )
}
