import { Button, Card, Group, NumberInput, SimpleGrid, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { FIGURE_RULES, FIGURES, type Targets } from '../../../../shared/contract/reports'
import { call } from '../../api/client'
import { useHasRole } from '../../app/session'
import { fieldErrors, showError } from '../../lib/errors'

/** The targets each figure on the Reports page is measured against; main lets only the director or an admin save them. */
export function ReportsSettings() {
  const { t } = useTranslation()
  const canEdit = useHasRole('service_director', 'admin')
  const canRead = useHasRole('service_director', 'admin', 'frontdesk_supervisor', 'workshop_supervisor')
  const [state, setState] = useState<{ targets: Targets; version: number } | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  useEffect(() => {
    if (canRead) call('reports.settings.get', {}).then(setState, (err: unknown) => showError(t, err))
  }, [canRead, t])
  if (!canRead || !state) return null
  const save = async (): Promise<void> => {
    try {
      setState(await call('reports.settings.update', state))
      setErrors({})
      notifications.show({ color: 'teal', message: t('reports.settings.saved') })
    } catch (err) {
      setErrors(fieldErrors(t, err))
      showError(t, err)
    }
  }
  return (
    <Card withBorder>
      <Title order={3}>{t('reports.settings.title')}</Title>
      <Text c="dimmed" mb="md">{canEdit ? t('reports.settings.help') : t('reports.settings.readOnly')}</Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {FIGURES.map((k) => {
          const rule = FIGURE_RULES[k]
          return (
            <NumberInput
              key={k}
              size="md"
              label={t(`reports.figure.${k}`)}
              leftSection={<Text size="sm">{t(`reports.comparator.${rule.comparator}`)}</Text>}
              rightSection={<Text size="sm">{t(`reports.unit.${rule.unit}`)}</Text>}
              rightSectionWidth={50}
              min={0}
              max={rule.unit === 'percent' ? 100 : 10000}
              decimalScale={1}
              disabled={!canEdit}
              value={state.targets[k]}
              error={errors[`targets.${k}`]}
              onChange={(v) => {
                const n = typeof v === 'number' ? v : Number(v)
                if (Number.isFinite(n)) setState((s) => (s ? { ...s, targets: { ...s.targets, [k]: n } } : s))
              }}
            />
          )
        })}
      </SimpleGrid>
      {canEdit && (
        <Group justify="flex-end" mt="md">
          <Button size="md" onClick={() => void save()}>{t('reports.settings.save')}</Button>
        </Group>
      )}
    </Card>
  )
}
