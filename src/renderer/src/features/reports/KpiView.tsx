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
import { download, targetText, todayLocal, valueText } from './util'

const APPOINTMENT_FIGURES: FigureKey[] = ['bookingRate', 'onTimeArrival', 'noShow']
/** Charts grouped so each has one scale: percentages that must reach a target, those that must stay low, and hours. */
/** One small chart a figure, so each target line is labelled on its own scale. */
const CHARTS: FigureKey[] = ['timeliness', 'satisfaction', 'serviceFaultComplaints', 'warrantyFollowup', 'requisitionAccuracy', 'countVariance', 'solveMedian']

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
      .then(async (r) => {
        if (!live) return
        setReport(r)
        // Today's ledger check is slow on a big journal: it fills in once the rest is on screen.
        const today = todayLocal()
        if (r.from <= today && today <= r.to) {
          const ledger = await call('reports.ledger', {})
          if (live) setReport({ ...r, figures: r.figures.map((f) => (f.key === 'ledgerAgreement' ? ledger : f)) })
        }
      })
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
        <SimpleGrid cols={{ base: 1, md: 2, xl: 4 }} spacing="lg">
          {CHARTS.map((key) => (
            <TrendChart key={key} report={report} figureKey={key} />
          ))}
        </SimpleGrid>
      </Card>
      <FigureTable title={t('reports.serviceTargets')} figures={service} period={period} date={date} onExport={() => exportTable('figures')} />
      <FigureTable title={t('reports.appointmentFigures')} figures={appts} period={period} date={date} onExport={() => exportTable('figures')} />
    </>
  )
}

function TrendChart({ report, figureKey }: { report: KpiReport; figureKey: FigureKey }) {
  const { t } = useTranslation()
  const rule = FIGURE_RULES[figureKey]
  const target = report.figures.find((f) => f.key === figureKey)!
  const data = report.trend.map((p) => ({ month: t('reports.monthShort', { m: Number(p.month.slice(5)) }), [figureKey]: p.values[figureKey] ?? null }))
  const top = Math.max(target.target * 1.5, ...data.map((d) => (d[figureKey] as number | null) ?? 0))
  return (
    <div data-chart={figureKey}>
      <Text fw={600} mb={4}>{t(`reports.figureShort.${figureKey}`)}</Text>
      <LineChart
        h={180}
        data={data}
        dataKey="month"
        connectNulls={false}
        withDots
        yAxisProps={{ domain: rule.unit === 'percent' && rule.comparator === 'gte' ? [0, 100] : [0, Math.ceil(top)] }}
        valueFormatter={(v) => (rule.unit === 'percent' ? `${v} %` : t('reports.hours', { n: v }))}
        series={[{ name: figureKey, label: t(`reports.figureShort.${figureKey}`), color: 'blue.6' }]}
        referenceLines={[{ y: target.target, color: 'red.6', label: t('reports.chartTarget', { target: targetText(t, target) }), labelPosition: 'insideBottomRight', strokeDasharray: '5 3' }]}
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
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Anchor href={href} fz="xl" fw={700} c={missed ? 'red.7' : f.met ? 'teal.8' : 'dimmed'}>
                    {valueText(t, f)}
                  </Anchor>
                </Table.Td>
                <Table.Td fz="md" style={{ whiteSpace: 'nowrap' }}>{targetText(t, f)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {f.met === null ? <Badge color="gray" size="lg" miw={84} styles={{ label: { overflow: 'visible' } }}>{t('reports.noData')}</Badge> : <Badge color={f.met ? 'teal' : 'red'} size="lg" miw={84} styles={{ label: { overflow: 'visible' } }}>{f.met ? t('reports.met') : t('reports.missed')}</Badge>}
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


