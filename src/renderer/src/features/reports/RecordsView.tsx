import { Anchor, Badge, Button, Card, Group, Table, Text, Title } from '@mantine/core'
import { IconArrowLeft } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { FIGURES, type FigureKey, type PeriodKind, type RecordRow } from '../../../../shared/contract/reports'
import { call } from '../../api/client'
import { useSession } from '../../app/session'
import { showError } from '../../lib/errors'
import { formatDateTime } from '../../lib/format'
import { ExportButton } from './KpiView'

const LIMIT = 500

/** The records behind one figure: what it counted, misses first, each a link to the record itself. */
export function RecordsView({ period, date, figure }: { period: PeriodKind; date: string; figure: string }) {
  const { t } = useTranslation()
  const { locale } = useSession()
  const key = (FIGURES as readonly string[]).includes(figure) ? (figure as FigureKey) : 'timeliness'
  const [data, setData] = useState<{ rows: RecordRow[]; more: boolean } | null>(null)
  useEffect(() => {
    let live = true
    call('reports.records', { period, date, figure: key, limit: LIMIT })
      .then((r) => live && setData(r))
      .catch((err: unknown) => showError(t, err))
    return () => {
      live = false
    }
  }, [period, date, key, t])
  const when = (s: string | null) => (s === null ? '' : /T\d\d:\d\d:\d\d/.test(s) ? formatDateTime(s) : s.replace('T', ' '))
  const note = (r: RecordRow) => (r.note ?? '').split(' / ').map((part) => t(`reports.note.${part}`, { defaultValue: t(`reports.category.${part}`, { defaultValue: t(`reports.department.${part}`, { defaultValue: part }) }) })).join(' / ')
  return (
    <Card withBorder>
      <Group justify="space-between" mb="md">
        <Group>
          <Button variant="default" leftSection={<IconArrowLeft size={18} />} onClick={() => (window.location.hash = `#/reports/${period}/${date}`)}>
            {t('reports.back')}
          </Button>
          <Title order={2}>{t('reports.records.title', { figure: t(`reports.figure.${key}`) })}</Title>
        </Group>
        <ExportButton onExport={() => call('reports.export', { period, date, table: 'records', figure: key, locale })} />
      </Group>
      {data && data.rows.length === 0 && <Text size="lg" c="dimmed">{key === 'ledgerAgreement' ? t('reports.ledgerToday') : t('reports.noRecords')}</Text>}
      {data && data.rows.length > 0 && (
        <Table striped highlightOnHover verticalSpacing="sm" fz="md" data-testid="report-records">
          <Table.Thead>
            <Table.Tr>
              {['record', 'customer', 'staff', 'due', 'actual', 'value', 'note', 'result'].map((k) => (
                <Table.Th key={k}>{t(`reports.records.${k}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.rows.map((r) => (
              <Table.Tr key={`${r.kind}-${r.id}`}>
                <Table.Td>
                  <Anchor href={r.link}>{r.label}</Anchor>
                </Table.Td>
                <Table.Td>{r.customerId ? <Anchor href={`#/customers/${r.customerId}`}>{r.customerName}</Anchor> : r.customerName}</Table.Td>
                <Table.Td>{r.staffName}</Table.Td>
                <Table.Td>{when(r.due)}</Table.Td>
                <Table.Td>{when(r.actual)}</Table.Td>
                <Table.Td>{r.value ?? ''}</Table.Td>
                <Table.Td>{note(r)}</Table.Td>
                <Table.Td>{r.ok === null ? '' : <Badge color={r.ok ? 'teal' : 'red'} size="lg">{r.ok ? t('reports.met') : t('reports.missed')}</Badge>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {data?.more && <Text mt="sm" c="dimmed">{t('reports.moreRecords', { n: LIMIT })}</Text>}
    </Card>
  )
}
