import '@mantine/charts/styles.css'
import { Button, Group, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core'
import { IconChevronLeft, IconChevronRight, IconPrinter } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { PERIODS, type PeriodKind } from '../../../../shared/contract/reports'
import { call, showDocument } from '../../api/client'
import { useHasRole, useSession } from '../../app/session'
import { showError } from '../../lib/errors'
import { navigate } from '../../lib/router'
import { KpiView } from './KpiView'
import { RecordsView } from './RecordsView'
import { StaffTable } from './StaffTable'
import { shiftPeriod, todayLocal } from './util'

const MANAGERS = ['admin', 'service_director', 'frontdesk_supervisor', 'workshop_supervisor'] as const

/** #/reports/<period>/<date>[/records/<figure>]: the targets of a period, or the records behind one figure. */
export function ReportsPage({ route }: { route: string[] }) {
  const period: PeriodKind = (PERIODS as readonly string[]).includes(route[0] ?? '') ? (route[0] as PeriodKind) : 'month'
  const date = /^\d{4}-\d\d-\d\d$/.test(route[1] ?? '') ? route[1]! : todayLocal()
  const figure = route[2] === 'records' ? route[3] : undefined
  const manager = useHasRole(...MANAGERS)
  if (figure && manager) return <RecordsView period={period} date={date} figure={figure} />
  return (
    <Stack gap="lg">
      <PeriodBar period={period} date={date} manager={manager} />
      {manager && <KpiView period={period} date={date} />}
      <StaffTable period={period} date={date} manager={manager} />
    </Stack>
  )
}

function PeriodBar({ period, date, manager }: { period: PeriodKind; date: string; manager: boolean }) {
  const { t } = useTranslation()
  const { locale } = useSession()
  const canWeekly = useHasRole(...MANAGERS, 'followup_agent')
  const go = (p: PeriodKind, d: string) => navigate('reports', p, d)
  const print = async (name: 'reports.print.weekly' | 'reports.print.monthly' | 'reports.print.year') => {
    try {
      await showDocument(await call(name, { date, locale }), 'print')
    } catch (err) {
      showError(t, err)
    }
  }
  const lastMonth = shiftPeriod('month', todayLocal(), -1)
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2}>{t('reports.title')}</Title>
        <Group gap="xs">
          {canWeekly && (
            <Button variant="default" leftSection={<IconPrinter size={18} />} onClick={() => void print('reports.print.weekly')}>
              {t('reports.printWeekly')}
            </Button>
          )}
          {manager && (
            <>
              <Button variant="default" leftSection={<IconPrinter size={18} />} onClick={() => void print('reports.print.monthly')}>
                {t('reports.printMonthly')}
              </Button>
              <Button variant="default" leftSection={<IconPrinter size={18} />} onClick={() => void print('reports.print.year')}>
                {t('reports.printYear')}
              </Button>
            </>
          )}
        </Group>
      </Group>
      <Group gap="sm" align="end">
        <SegmentedControl
          size="md"
          value={period}
          onChange={(p) => go(p as PeriodKind, date)}
          data={PERIODS.map((p) => ({ value: p, label: t(`reports.period.${p}`) }))}
          aria-label={t('reports.period.month')}
        />
        <Button variant="default" size="md" aria-label={t('reports.previous')} onClick={() => go(period, shiftPeriod(period, date, -1))}>
          <IconChevronLeft size={18} />
        </Button>
        <TextInput
          size="md"
          type="date"
          aria-label={t('reports.pickDate')}
          value={date}
          onChange={(e) => {
            const v = e.currentTarget.value
            if (v) go(period, v)
          }}
        />
        <Button variant="default" size="md" aria-label={t('reports.next')} onClick={() => go(period, shiftPeriod(period, date, 1))}>
          <IconChevronRight size={18} />
        </Button>
        <Button variant="light" size="md" onClick={() => go('month', todayLocal())}>
          {t('reports.thisMonth')}
        </Button>
        <Button variant="light" size="md" onClick={() => go('month', lastMonth)}>
          {t('reports.lastMonth')}
        </Button>
      </Group>
      {!manager && <Text c="dimmed">{t('reports.staffOwnOnly')}</Text>}
    </Stack>
  )
}
