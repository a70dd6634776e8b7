import { Button, Card, Group, NumberInput, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { useHasRole } from '../../app/session'
import { showError } from '../../lib/errors'
import { AuditView } from './AuditView'
import { BackupPanel } from './BackupPanel'
import { StaffList } from './StaffList'

/** Staff and roles, the idle lock, backups (administrator) and the audit trail (managers). */
export function StaffSettings() {
  const isAdmin = useHasRole('admin')
  const isManager = useHasRole('admin', 'service_director', 'frontdesk_supervisor')
  return (
    <>
      {isAdmin && <StaffList />}
      {isAdmin && <IdleLock />}
      {isAdmin && <BackupPanel />}
      {isManager && <AuditView />}
    </>
  )
}

function IdleLock() {
  const { t } = useTranslation()
  const [minutes, setMinutes] = useState<number>(10)
  useEffect(() => {
    call('settings.get', {}).then((s) => setMinutes(s.idleLockMinutes)).catch(() => undefined)
  }, [])
  const save = async (): Promise<void> => {
    try {
      await call('settings.setIdleLock', { minutes })
      notifications.show({ color: 'teal', message: t('common.saved') })
    } catch (err) {
      showError(t, err)
    }
  }
  return (
    <Card withBorder>
      <Title order={4} mb="xs">{t('staff.idleLock')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('staff.idleLockHelp')}</Text>
      <Group align="end">
        <NumberInput w={120} value={minutes} min={1} max={240} allowDecimal={false} onChange={(v) => setMinutes(typeof v === 'number' ? v : Number(v) || 1)} aria-label={t('staff.idleLock')} />
        <Button variant="default" onClick={() => void save()}>{t('common.save')}</Button>
      </Group>
    </Card>
  )
}
