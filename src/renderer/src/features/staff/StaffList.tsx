import { Badge, Button, Card, Checkbox, Group, Modal, PasswordInput, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { StaffRecord } from '../../../../shared/contract/staff'
import { ROLES, type Role } from '../../../../shared/roles'
import { call } from '../../api/client'
import { fieldErrors, showError } from '../../lib/errors'
import { formatDateTime } from '../../lib/format'

type Editing = { staff: StaffRecord | null } | null

export function StaffList() {
  const { t } = useTranslation()
  const [staff, setStaff] = useState<StaffRecord[]>([])
  const [editing, setEditing] = useState<Editing>(null)
  const [pinFor, setPinFor] = useState<StaffRecord | null>(null)
  const load = useCallback(() => {
    call('staff.list', { includeInactive: true }).then(setStaff).catch((err: unknown) => showError(t, err))
  }, [t])
  useEffect(load, [load])
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('staff.title')}</Title>
        <Button onClick={() => setEditing({ staff: null })}>{t('staff.add')}</Button>
      </Group>
      <Table verticalSpacing="xs" data-testid="staff-table">
        <Table.Tbody>
          {staff.map((s) => (
            <Table.Tr key={s.id} style={{ opacity: s.active ? 1 : 0.5 }}>
              <Table.Td fw={600}>{s.name}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {s.roles.map((r) => (
                    <Badge key={r} variant="light">{t(`roles.${r}`)}</Badge>
                  ))}
                  {!s.active && <Badge color="gray">{t('staff.inactive')}</Badge>}
                  {s.lockedUntil && <Badge color="red">{t('staff.locked', { until: formatDateTime(s.lockedUntil) })}</Badge>}
                </Group>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end">
                  <Button size="xs" variant="default" onClick={() => setEditing({ staff: s })}>{t('common.edit')}</Button>
                  <Button size="xs" variant="default" onClick={() => setPinFor(s)}>{t('staff.setPin')}</Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing && <StaffForm staff={editing.staff} onClose={() => setEditing(null)} onSaved={() => (setEditing(null), load())} />}
      {pinFor && <PinForm staff={pinFor} onClose={() => setPinFor(null)} onSaved={() => (setPinFor(null), load())} />}
    </Card>
  )
}

function StaffForm({ staff, onClose, onSaved }: { staff: StaffRecord | null; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation()
  const [name, setName] = useState(staff?.name ?? '')
  const [roles, setRoles] = useState<Role[]>(staff?.roles ?? ['advisor'])
  const [active, setActive] = useState(staff?.active ?? true)
  const [pin, setPin] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const save = async (): Promise<void> => {
    setErrors({})
    try {
      if (staff) await call('staff.update', { id: staff.id, version: staff.version, name, roles, active })
      else await call('staff.create', { name, roles, pin })
      notifications.show({ color: 'teal', message: t('common.saved') })
      onSaved()
    } catch (err) {
      setErrors(fieldErrors(t, err))
      showError(t, err)
    }
  }
  return (
    <Modal opened onClose={onClose} title={staff ? t('staff.edit', { name: staff.name }) : t('staff.add')}>
      <form onSubmit={(e) => (e.preventDefault(), void save())}>
        <Stack>
          <TextInput label={t('staff.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} required data-autofocus />
          <Checkbox.Group label={t('staff.roles')} value={roles} onChange={(v) => setRoles(v as Role[])} error={errors.roles}>
            <Stack gap={6} mt={6}>
              {ROLES.map((r) => (
                <Checkbox key={r} value={r} label={t(`roles.${r}`)} />
              ))}
            </Stack>
          </Checkbox.Group>
          {staff ? (
            <Switch label={t('staff.active')} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
          ) : (
            <PasswordInput label={t('staff.pin')} value={pin} onChange={(e) => setPin(e.currentTarget.value)} error={errors.pin} inputMode="numeric" required />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit">{t('common.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

function PinForm({ staff, onClose, onSaved }: { staff: StaffRecord; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation()
  const [pin, setPin] = useState('')
  const [error, setError] = useState<string | undefined>()
  const save = async (): Promise<void> => {
    try {
      await call('staff.setPin', { id: staff.id, pin })
      notifications.show({ color: 'teal', message: t('staff.pinSet') })
      onSaved()
    } catch (err) {
      setError(fieldErrors(t, err).pin)
      showError(t, err)
    }
  }
  return (
    <Modal opened onClose={onClose} title={t('staff.newPin', { name: staff.name })}>
      <form onSubmit={(e) => (e.preventDefault(), void save())}>
        <Stack>
          <PasswordInput label={t('staff.pin')} value={pin} onChange={(e) => setPin(e.currentTarget.value)} error={error} inputMode="numeric" data-autofocus />
          <Text size="sm" c="dimmed">{t('validation.pin')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit">{t('common.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
