import { Card, Group, Table, Text, Title } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PeriodKind, StaffRow } from '../../../../shared/contract/reports'
import { call } from '../../api/client'
import { useSession } from '../../app/session'
import { showError } from '../../lib/errors'
import { ExportButton } from './KpiView'

const COLUMNS = ['jobsDone', 'onsiteVisits', 'onsiteDays', 'calls', 'callsReached'] as const

/** Each person's work in the period; main decides whose rows come back (managers: everyone). */
export function StaffTable({ period, date }: { period: PeriodKind; date: string; manager: boolean }) {
  const { t } = useTranslation()
  const { locale } = useSession()
  const [rows, setRows] = useState<StaffRow[] | null>(null)
  useEffect(() => {
    let live = true
    call('reports.staff', { period, date })
      .then((r) => live && setRows(r))
      .catch((err: unknown) => showError(t, err))
    return () => {
      live = false
    }
  }, [period, date, t])
  if (!rows) return null
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={3}>{t('reports.staffTitle')}</Title>
        <ExportButton onExport={() => call('reports.export', { period, date, table: 'staff', locale })} />
      </Group>
      <Table striped verticalSpacing="sm" fz="md" data-testid="staff-figures">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reports.staff.name')}</Table.Th>
            {COLUMNS.map((k) => (
              <Table.Th key={k}>{t(`reports.staff.${k}`)}</Table.Th>
            ))}
            <Table.Th>{t('reports.staff.satisfaction')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.staffId}>
              <Table.Td fw={600}>{r.name}</Table.Td>
              {COLUMNS.map((k) => (
                <Table.Td key={k}>{r[k]}</Table.Td>
              ))}
              <Table.Td>
                {r.satisfaction === null ? (
                  <Text c="dimmed">{t('reports.noData')}</Text>
                ) : (
                  `${r.satisfaction.toFixed(1)} % (${r.satisfiedCalls}/${r.scoredCalls})`
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  )
}
