import { Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Switch, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FollowupSettings as Rules } from '../../../../shared/contract/followup'
import { call } from '../../api/client'
import { useHasRole } from '../../app/session'
import { fieldErrors, showError } from '../../lib/errors'

const NUMBERS = [
  'firstCallFromDays', 'firstCallByDays', 'secondCallByDays', 'noAnswerRetryHours', 'unreachableDays', 'reminderLeadDays',
  'reminderLookbackDays', 'kmPerDay', 'campaignNoticeDays', 'campaignLetterDays', 'requestDueHours', 'fileCompleteDays'
] as const

/** The follow-up rules on the Settings page: call windows, weekends, unreachable and request limits. */
export function FollowupSettings() {
  const { t } = useTranslation()
  const canEdit = useHasRole('frontdesk_supervisor', 'service_director', 'admin')
  const [rules, setRules] = useState<Rules | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  useEffect(() => {
    call('followup.settings.get', {}).then(setRules).catch(() => setRules(null))
  }, [])
  if (!rules) return null
  const save = async (): Promise<void> => {
    setErrors({})
    try {
      setRules(await call('followup.settings.update', rules))
      notifications.show({ color: 'teal', message: t('common.saved') })
    } catch (err) {
      setErrors(fieldErrors(t, err))
      showError(t, err)
    }
  }
  return (
    <Card withBorder>
      <Stack>
        <Title order={3}>{t('followup.settings.title')}</Title>
        <Switch size="md" label={t('followup.settings.skipWeekends')} checked={rules.skipWeekends} disabled={!canEdit}
          onChange={(e) => { const v = e.currentTarget.checked; setRules((r) => r && { ...r, skipWeekends: v }) }} />
        <Switch size="md" label={t('followup.settings.allowAdvisorCalls')} checked={rules.allowAdvisorCalls} disabled={!canEdit}
          onChange={(e) => { const v = e.currentTarget.checked; setRules((r) => r && { ...r, allowAdvisorCalls: v }) }} />
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          {NUMBERS.map((k) => (
            <NumberInput key={k} label={t(`followup.settings.${k}`)} value={rules[k]} disabled={!canEdit} error={errors[k]} min={0} allowDecimal={false}
              onChange={(v) => setRules((r) => r && { ...r, [k]: typeof v === 'number' ? v : 0 })} />
          ))}
          <Select label={t('followup.settings.unreachableFallback')} value={rules.unreachableFallback} disabled={!canEdit} allowDeselect={false}
            data={[{ value: 'sms', label: t('followup.settings.sms') }, { value: 'letter', label: t('followup.settings.letter') }]}
            onChange={(v) => setRules((r) => r && { ...r, unreachableFallback: v === 'letter' ? 'letter' : 'sms' })} />
        </SimpleGrid>
        {canEdit && (
          <Group justify="flex-end">
            <Button onClick={() => void save()}>{t('common.save')}</Button>
          </Group>
        )}
      </Stack>
    </Card>
  )
}
