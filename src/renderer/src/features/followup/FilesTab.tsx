import { Anchor, Badge, Group, Stack, Table, Text } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { showError } from '../../lib/errors'
import { formatDateTime } from './util'

type Row = Awaited<ReturnType<typeof call<'followup.filesToComplete'>>>[number]

/** Files still missing required items two days after a visit. */
export function FilesTab() {
  const { t } = useTranslation()
  const [rows, setRows] = useState<Row[] | null>(null)
  useEffect(() => {
    call('followup.filesToComplete', { limit: 200 }).then(setRows).catch((err: unknown) => showError(t, err))
  }, [t])
  return (
    <Stack>
      <Text c="dimmed">{t('followup.files.help')}</Text>
      {rows && rows.length === 0 && <Text fz="lg">{t('followup.files.empty')}</Text>}
      {rows && rows.length > 0 && (
        <Table striped verticalSpacing="sm" fz="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('followup.today.customer')}</Table.Th>
              <Table.Th>{t('followup.today.vehicle')}</Table.Th>
              <Table.Th>{t('followup.files.visited')}</Table.Th>
              <Table.Th>{t('followup.files.missing')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={`${r.customerId}-${r.vehicleId}`} data-testid="file-row">
                <Table.Td><Anchor href={`#/customers/${r.customerId}`} fw={600}>{r.customerName}</Anchor></Table.Td>
                <Table.Td>{r.plate}</Table.Td>
                <Table.Td>{formatDateTime(r.visitedAt)} · {r.workOrderNumber}</Table.Td>
                <Table.Td>
                  <Group gap={4}>{r.missing.map((m) => <Badge key={m} color="orange" variant="light">{t(`followup.missing.${m}`)}</Badge>)}</Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  )
}
