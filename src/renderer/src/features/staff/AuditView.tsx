import { Button, Card, Group, Select, Text, TextInput, Title } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AuditRow, StaffRecord } from '../../../../shared/contract/staff'
import { call } from '../../api/client'
import { showError } from '../../lib/errors'
import { HistoryTable } from './HistoryTable'

const ENTITIES = ['customer', 'vehicle', 'staff', 'settings', 'database', 'appointment', 'work_order', 'part', 'movement', 'requisition', 'call', 'complaint']

/** The searchable audit trail in Settings (managers only; main checks the role). */
export function AuditView() {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  const [debounced] = useDebouncedValue(text, 250)
  const [staffId, setStaffId] = useState<string | null>(null)
  const [entity, setEntity] = useState<string | null>(null)
  const [staff, setStaff] = useState<StaffRecord[]>([])
  const [rows, setRows] = useState<AuditRow[]>([])
  const [more, setMore] = useState(false)

  useEffect(() => {
    call('staff.list', { includeInactive: true }).then(setStaff).catch(() => undefined)
  }, [])
  useEffect(() => {
    call('audit.search', {
      ...(debounced ? { text: debounced } : {}),
      ...(staffId ? { staffId: Number(staffId) } : {}),
      ...(entity ? { entity } : {}),
      limit: 50
    })
      .then((r) => {
        setRows(r.rows)
        setMore(r.more)
      })
      .catch((err: unknown) => showError(t, err))
  }, [debounced, staffId, entity, t])

  const older = (): void => {
    const last = rows[rows.length - 1]
    if (!last) return
    call('audit.search', { ...(debounced ? { text: debounced } : {}), ...(staffId ? { staffId: Number(staffId) } : {}), ...(entity ? { entity } : {}), beforeId: last.id, limit: 50 })
      .then((r) => {
        setRows((prev) => [...prev, ...r.rows])
        setMore(r.more)
      })
      .catch((err: unknown) => showError(t, err))
  }

  return (
    <Card withBorder>
      <Title order={4} mb="xs">{t('staff.audit.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('staff.audit.help')}</Text>
      <Group mb="sm">
        <TextInput placeholder={t('staff.audit.search')} value={text} onChange={(e) => setText(e.currentTarget.value)} aria-label={t('common.search')} />
        <Select placeholder={t('staff.audit.who')} clearable value={staffId} onChange={setStaffId} data={staff.map((s) => ({ value: String(s.id), label: s.name }))} />
        <Select placeholder={t('staff.audit.kind')} clearable value={entity} onChange={setEntity} data={ENTITIES} />
      </Group>
      <HistoryTable rows={rows} showRecord />
      {more && (
        <Button variant="subtle" mt="sm" onClick={older}>{t('staff.audit.more')}</Button>
      )}
    </Card>
  )
}
