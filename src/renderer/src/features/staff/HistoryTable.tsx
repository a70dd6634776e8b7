import { Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { AuditRow } from '../../../../shared/contract/staff'
import { formatDateTime } from '../../lib/format'

const show = (v: unknown): string => (v === null || v === undefined || v === '' ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v))

/** Audit rows as a table: when, who, what happened, and each changed field before → after. */
export function HistoryTable({ rows, showRecord = false }: { rows: AuditRow[]; showRecord?: boolean }) {
  const { t } = useTranslation()
  if (rows.length === 0) return <Text c="dimmed">{t('staff.noHistory')}</Text>
  return (
    <Table striped verticalSpacing="xs" fz="sm" data-testid="history-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('staff.when')}</Table.Th>
          <Table.Th>{t('staff.by')}</Table.Th>
          <Table.Th>{t('staff.action')}</Table.Th>
          {showRecord && <Table.Th>{t('staff.record')}</Table.Th>}
          <Table.Th>{t('staff.field')}: {t('staff.before')} → {t('staff.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.at)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.staffName ?? '—'}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`staff.actions.${r.action}`, { defaultValue: r.action })}</Table.Td>
            {showRecord && <Table.Td>{r.entity} {r.entityId}</Table.Td>}
            <Table.Td>
              {Object.entries(r.changes).map(([field, value]) =>
                Array.isArray(value) && value.length === 2 && r.action === 'update' ? (
                  <div key={field}>
                    <b>{field}</b>: {show(value[0])} → {show(value[1])}
                  </div>
                ) : (
                  <div key={field}>
                    <b>{field}</b>: {show(Array.isArray(value) && value.length === 2 ? value[1] : value)}
                  </div>
                )
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
