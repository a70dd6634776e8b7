import { LineChart } from '@mantine/charts'
import { Anchor, Badge, Button, Card, Group, SimpleGrid, Table, Text, Title } from '@mantine/core'
import { IconFileSpreadsheet } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { FIGURE_RULES, type Figure, type FigureKey, type KpiReport, type PeriodKind } from '../../../../shared/contract/reports'
import { call } from '../../api/client'
import { useSession } from '../../app/session'
import { showError } from '../../lib/errors'
import { formatDateTime } from '../../lib/format'
import { useLiveChanges } from '../../lib/live'
import { download, targetText, valueText } from './util'

const APPOINTMENT_FIGURES: FigureKey[] = ['bookingRate', 'onTimeArrival', 'noShow']
/** Charts grouped so each has one scale: percentages that must reach a target, those that must stay low, and hours. */
const CHARTS: FigureKey[][] = [['timeliness', 'satisfaction', 'warrantyFollowup', 'requisitionAccuracy'], ['serviceFaultComplaints', 'countVariance'], ['solveMedian']]
const COLOURS = ['blue.6', 'teal.6', 'grape.6', 'orange.6']

export function ExportButton({ onExport }: { onExport: () => Promise<{ fileName: string; mime: string; base64: string }> }) {
  const { t } = useTranslation()
  return (
    <Button
      variant="subtle"
      leftSection={<IconFileSpreadsheet size={18} />}
      onClick={() => {
        onExport().then(download, (err: unknown) => showError(t, err))
      }}
    >
      {t('reports.exportXlsx')}
    </Button>
  )
}

export function KpiView({ period, date }: { period: PeriodKind; date: string }) {
  const { t } = useTranslation()
  const { locale } = useSession()
  const [report, setReport] = useState<KpiReport | null>(null)
  const [reloads, setReloads] = useState(0)
  useLiveChanges(['workorders.', 'followup.', 'parts.', 'appointments.', 'reports.settings'], () => setReloads((n) => n + 1))
  useEffect(() => {
    let live = true
    call('reports.kpi', { period, date })
      .then((r) => live && setReport(r))
      .catch((err: unknown) => showError(t, err))
    return () => {
      live = false
    }
  }, [period, date, reloads, t])
  if (!report) return null
  const service = report.figures.filter((f) => !APPOINTMENT_FIGURES.includes(f.key))
  const appts = report.figures.filter((f) => APPOINTMENT_FIGURES.includes(f.key))
  const exportTable = (table: 'figures' | 'trend') => call('reports.export', { period, date, table, locale })
  return (
    <>
      <Text size="lg">
        {t('reports.periodLine', { from: report.from, to: report.to })} · <Text span c="dimmed">{t('reports.asOf', { at: formatDateTime(report.asOf) })}</Text>
      </Text>
      <Card withBorder>
        <Group justify="space-between" mb="sm">
          <Title order={3}>{t('reports.trendTitle')}</Title>
          <ExportButton onExport={() => exportTable('trend')} />
        </Group>
        <SimpleGrid cols={{ base: 1, lg: 3 }}>
          {CHARTS.map((keys) => (
            <TrendChart key={keys[0]} report={report} keys={keys} />
          ))}
        </SimpleGrid>
      </Card>
      <FigureTable title={t('reports.serviceTargets')} figures={service} period={period} date={date} onExport={() => exportTable('figures')} />
      <FigureTable title={t('reports.appointmentFigures')} figures={appts} period={period} date={date} onExport={() => exportTable('figures')} />
    </>
  )
}

function TrendChart({ report, keys }: { report: KpiReport; keys: FigureKey[] }) {
  const { t } = useTranslation()
  const unit = FIGURE_RULES[keys[0]!].unit
  const data = report.trend.map((p) => ({ month: t('reports.monthShort', { m: Number(p.month.slice(5)) }), ...Object.fromEntries(keys.map((k) => [k, p.values[k] ?? null])) }))
  const targets = report.figures.filter((f) => keys.includes(f.key))
  return (
    <div>
      <LineChart
        h={240}
        data={data}
        dataKey="month"
        connectNulls={false}
        withLegend
        legendProps={{ verticalAlign: 'bottom' }}
        yAxisProps={unit === 'percent' && FIGURE_RULES[keys[0]!].comparator === 'gte' ? { domain: [0, 100] } : {}}
        valueFormatter={(v) => (unit === 'percent' ? `${v} %` : t('reports.hours', { n: v }))}
        series={keys.map((k, i) => ({ name: k, label: t(`reports.figureShort.${k}`), color: COLOURS[i] ?? 'gray.6' }))}
        referenceLines={targets.map((f, i) => ({ y: f.target, color: i === 0 ? 'red.6' : 'red.3', label: `${t(`reports.figureShort.${f.key}`)} ${targetText(t, f)}`, strokeDasharray: '5 3' }))}
      />
    </div>
  )
}

function FigureTable({ title, figures, period, date, onExport }: { title: string; figures: Figure[]; period: PeriodKind; date: string; onExport: () => Promise<{ fileName: string; mime: string; base64: string }> }) {
  const { t } = useTranslation()
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={3}>{title}</Title>
        <ExportButton onExport={onExport} />
      </Group>
      <Table verticalSpacing="sm" fz="md" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reports.table.figure')}</Table.Th>
            <Table.Th>{t('reports.table.value')}</Table.Th>
            <Table.Th>{t('reports.table.target')}</Table.Th>
            <Table.Th>{t('reports.table.result')}</Table.Th>
            <Table.Th>{t('reports.table.basis')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {figures.map((f) => {
            const href = `#/reports/${period}/${date}/records/${f.key}`
            const missed = f.met === false
            return (
              <Table.Tr key={f.key} data-figure={f.key} data-missed={missed ? 'yes' : 'no'}>
                <Table.Td>
                  <Anchor href={href} title={t('reports.openRecords')} fz="md">
                    {t(`reports.figure.${f.key}`)}
                  </Anchor>
                  {f.key === 'ledgerAgreement' && f.value === null && (
                    <Text size="sm" c="dimmed">{t('reports.ledgerToday')}</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Anchor href={href} fz="xl" fw={700} c={missed ? 'red.7' : f.met ? 'teal.8' : 'dimmed'}>
                    {valueText(t, f)}
                  </Anchor>
                </Table.Td>
                <Table.Td fz="md">{targetText(t, f)}</Table.Td>
                <Table.Td>
                  {f.met === null ? <Badge color="gray" size="lg">{t('reports.noData')}</Badge> : <Badge color={f.met ? 'teal' : 'red'} size="lg">{f.met ? t('reports.met') : t('reports.missed')}</Badge>}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {f.numerator !== null && f.denominator ? `${f.numerator} / ${f.denominator}` : f.denominator ? t('reports.basisCount', { n: f.denominator }) : ''}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {Object.entries(f.parts)
                      .filter(([k]) => t(`reports.part.${k}`, { defaultValue: '' }))
                      .map(([k, v]) => `${t(`reports.part.${k}`)} ${v ?? '—'}`)
                      .join(' · ')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
    </Card>
  )
}


