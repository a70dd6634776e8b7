import { Badge, Button, Card, Group, NumberInput, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { OutputOf } from '../../../../shared/contract/define'
import type { AppContract } from '../../../../shared/contract'
import { call, showDocument } from '../../api/client'
import { fieldErrors, showError } from '../../lib/errors'
import { formatDateTime, formatNumber } from '../../lib/format'
import { useSession } from '../../app/session'

type Status = OutputOf<AppContract['backup.status']>

export function BackupPanel() {
  const { t } = useTranslation()
  const { signOut } = useSession()
  const [status, setStatus] = useState<Status | null>(null)
  const [folder, setFolder] = useState('')
  const [rotation, setRotation] = useState({ daily: 7, weekly: 4, monthly: 12 })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const load = useCallback(() => {
    call('backup.status', {})
      .then((s) => {
        setStatus(s)
        setFolder(s.customFolder ?? '')
        setRotation(s.rotation)
      })
      .catch((err: unknown) => showError(t, err))
  }, [t])
  useEffect(load, [load])

  const saveSettings = async (): Promise<void> => {
    setErrors({})
    try {
      await call('backup.configure', { folder: folder || null, rotation })
      notifications.show({ color: 'teal', message: t('common.saved') })
      load()
    } catch (err) {
      setErrors(fieldErrors(t, err))
      showError(t, err)
    }
  }
  const backupNow = async (): Promise<void> => {
    setBusy(true)
    try {
      const r = await call('backup.now', {})
      notifications.show({ color: 'teal', message: t('staff.backup.done', { file: r.file }) })
      load()
    } catch (err) {
      showError(t, err)
    } finally {
      setBusy(false)
    }
  }
  const restore = (file: string): void => {
    modals.openConfirmModal({
      title: t('staff.backup.restoreConfirmTitle', { file }),
      children: <Text>{t('staff.backup.restoreConfirm')}</Text>,
      labels: { confirm: t('staff.backup.restore'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => {
        call('backup.restore', { file })
          .then((r) => {
            modals.open({
              title: t('staff.backup.restore'),
              children: <Text>{t('staff.backup.restoreDone', { file: r.restored, safetyCopy: r.safetyCopy })}</Text>,
              onClose: signOut
            })
          })
          .catch((err: unknown) => showError(t, err))
      }
    })
  }
  const exportAll = async (): Promise<void> => {
    try {
      const r = await call('backup.export', {})
      notifications.show({ color: 'teal', message: t('staff.backup.exportDone', { path: r.path }) })
      await showDocument({ documentId: r.documentId, fileName: r.fileName, pages: 0, bytes: r.bytes }, 'save')
      load()
    } catch (err) {
      showError(t, err)
    }
  }

  if (!status) return null
  return (
    <Card withBorder>
      <Title order={4} mb="xs">{t('staff.backup.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('staff.backup.help')}</Text>
      <Stack>
        <Group>
          <Badge size="lg" color={status.lastBackupAt ? 'teal' : 'red'} variant="light">
            {status.lastBackupAt ? t('staff.backup.last', { at: formatDateTime(status.lastBackupAt) }) : t('staff.backup.never')}
          </Badge>
          <Button onClick={() => void backupNow()} loading={busy}>{t('staff.backup.now')}</Button>
        </Group>
        <TextInput
          label={t('staff.backup.folder')}
          description={t('staff.backup.folderDefault', { folder: status.folder })}
          value={folder}
          onChange={(e) => setFolder(e.currentTarget.value)}
          error={errors.folder}
          placeholder={status.folder}
        />
        <Group align="end">
          <Text fw={500}>{t('staff.backup.rotation')}</Text>
          {(['daily', 'weekly', 'monthly'] as const).map((k) => (
            <NumberInput
              key={k}
              w={110}
              label={t(`staff.backup.${k}`)}
              value={rotation[k]}
              min={k === 'daily' ? 1 : 0}
              max={120}
              allowDecimal={false}
              onChange={(v) => setRotation((r) => ({ ...r, [k]: typeof v === 'number' ? v : Number(v) || 0 }))}
            />
          ))}
          <Button variant="default" onClick={() => void saveSettings()}>{t('staff.backup.saveSettings')}</Button>
        </Group>
        <Title order={5}>{t('staff.backup.files')}</Title>
        <Table verticalSpacing={4} fz="sm" data-testid="backup-files">
          <Table.Tbody>
            {status.files.map((f) => (
              <Table.Tr key={f.file}>
                <Table.Td>{f.file}</Table.Td>
                <Table.Td>{formatDateTime(f.at)}</Table.Td>
                <Table.Td>{formatNumber(Math.round(f.bytes / 1024))} KB</Table.Td>
                <Table.Td>{!f.kept && <Badge color="gray">{t('staff.backup.willDelete')}</Badge>}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="light" color="red" onClick={() => restore(f.file)}>{t('staff.backup.restore')}</Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group>
          <Button variant="default" onClick={() => void exportAll()}>{t('staff.backup.export')}</Button>
          <Text size="sm" c="dimmed">{t('staff.backup.exportHelp')}</Text>
        </Group>
      </Stack>
    </Card>
  )
}
