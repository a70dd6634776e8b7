import { Accordion } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Customer } from '../../../../shared/contract/customers'
import type { AuditRow } from '../../../../shared/contract/staff'
import { call } from '../../api/client'
import { HistoryTable } from '../staff/HistoryTable'

/** Who changed this customer's file and vehicles, when, and what from and to. */
export function CustomerHistory({ customer }: { customer: Customer }) {
  const { t } = useTranslation()
  const [rows, setRows] = useState<AuditRow[]>([])
  useEffect(() => {
    const lookups = [
      call('audit.history', { entity: 'customer', entityId: customer.id }),
      ...customer.vehicles.map((v) => call('audit.history', { entity: 'vehicle', entityId: v.id }))
    ]
    Promise.all(lookups)
      .then((lists) => setRows(lists.flat().sort((a, b) => b.id - a.id)))
      .catch(() => setRows([]))
  }, [customer])
  return (
    <Accordion variant="contained">
      <Accordion.Item value="history">
        <Accordion.Control>{t('staff.history')} ({rows.length})</Accordion.Control>
        <Accordion.Panel>
          <HistoryTable rows={rows} />
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  )
}
