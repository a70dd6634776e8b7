import { ActionIcon, Button, Card, Group, MultiSelect, NumberInput, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PartsSettings as Settings } from '../../../../shared/contract/parts'
import { ROLES, type Role } from '../../../../shared/roles'
import { call } from '../../api/client'
import { useHasRole } from '../../app/session'
import { showError } from '../../lib/errors'
import { categoryName, locationName, useLookups } from './shared'

/** The parts panel on the Settings page: approval thresholds, old-part period, stations, categories, suppliers. */
export function PartsSettings() {
  const { t } = useTranslation()
  const look = useLookups()
  const canTiers = useHasRole('service_director', 'admin')
  const canMaster = useHasRole('warehouse_clerk', 'service_director', 'admin')
  const canCatalog = useHasRole('warehouse_clerk', 'service_director')
  const [s, setS] = useState<Settings | null>(null)
  const [station, setStation] = useState({ code: '', name: '' })
  const [category, setCategory] = useState({ code: '', name: '' })
  const [supplier, setSupplier] = useState('')
  useEffect(() => {
    call('parts.settings.get', {}).then(setS).catch((err: unknown) => showError(t, err))
  }, [t])
  const run = (fn: () => Promise<unknown>, then?: () => void) =>
    void fn()
      .then(() => {
        notifications.show({ color: 'green', message: t('common.saved') })
        look.reload()
        then?.()
      })
      .catch((err: unknown) => showError(t, err))
  if (!s) return null
  const roleOptions = ROLES.filter((r) => r !== 'admin').map((r) => ({ value: r, label: t(`roles.${r}`) }))
  const setTier = (i: number, patch: Partial<Settings['approvalTiers'][number]>) =>
    setS((x) => (x ? { ...x, approvalTiers: x.approvalTiers.map((tier, j) => (j === i ? { ...tier, ...patch } : tier)) } : x))
  return (
    <Card withBorder>
      <Title order={3} mb="sm">
        {t('parts.settings.title')}
      </Title>
      <Stack>
        <Title order={5}>{t('parts.settings.tiers')}</Title>
        {s.approvalTiers.map((tier, i) => {
          const last = i === s.approvalTiers.length - 1
          return (
            <Group key={i} align="flex-end">
              {last ? (
                <Text w={200} pb={8}>
                  {t('parts.settings.tierAbove')}
                </Text>
              ) : (
                <NumberInput
                  w={200}
                  label={t('parts.settings.tierUpTo')}
                  prefix="¥"
                  min={0}
                  value={(tier.upToCents ?? 0) / 100}
                  onChange={(v) => setTier(i, { upToCents: Math.round((Number(v) || 0) * 100) })}
                  disabled={!canTiers}
                />
              )}
              <MultiSelect w={420} label={t('parts.settings.tierRoles')} data={roleOptions} value={tier.roles} onChange={(v) => setTier(i, { roles: v as Role[] })} disabled={!canTiers} />
              {canTiers && !last && (
                <ActionIcon variant="subtle" color="red" aria-label={t('common.cancel')} onClick={() => setS((x) => (x ? { ...x, approvalTiers: x.approvalTiers.filter((_, j) => j !== i) } : x))}>
                  <IconTrash size={18} />
                </ActionIcon>
              )}
            </Group>
          )
        })}
        {canTiers && (
          <Group>
            <Button
              variant="subtle"
              leftSection={<IconPlus size={16} />}
              onClick={() =>
                setS((x) => {
                  if (!x) return x
                  const tiers = [...x.approvalTiers]
                  const prev = tiers.length > 1 ? (tiers[tiers.length - 2]?.upToCents ?? 0) : 0
                  tiers.splice(tiers.length - 1, 0, { upToCents: prev + 100_000, roles: ['service_director'] })
                  return { ...x, approvalTiers: tiers }
                })
              }
            >
              {t('parts.settings.addTier')}
            </Button>
          </Group>
        )}
        <NumberInput w={260} label={t('parts.settings.oldPartDays')} min={1} max={90} value={s.oldPartDueDays} onChange={(v) => setS((x) => (x ? { ...x, oldPartDueDays: Number(v) || 14 } : x))} disabled={!canTiers} />
        {canTiers && (
          <Group>
            <Button onClick={() => run(() => call('parts.settings.update', s).then(setS))}>{t('common.save')}</Button>
          </Group>
        )}

        <Title order={5} mt="md">
          {t('parts.settings.locations')}
        </Title>
        <Table fz="md">
          <Table.Tbody>
            {look.locations.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td fw={700}>{l.code}</Table.Td>
                <Table.Td>{locationName(t, l)}</Table.Td>
                <Table.Td>
                  {l.code !== 'MAIN' && canMaster && (
                    <Switch
                      label={t('parts.active')}
                      checked={l.active}
                      onChange={(e) => {
                        const active = e.currentTarget.checked
                        run(() => call('parts.locations.save', { id: l.id, version: l.version, code: l.code, name: l.name, active }))
                      }}
                    />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {canMaster && (
          <Group align="flex-end">
            <TextInput w={120} label={t('parts.code')} value={station.code} onChange={(e) => { const code = e.currentTarget.value; setStation((x) => ({ ...x, code })) }} />
            <TextInput w={240} label={t('parts.name')} value={station.name} onChange={(e) => { const name = e.currentTarget.value; setStation((x) => ({ ...x, name })) }} />
            <Button variant="light" disabled={!station.code || !station.name} onClick={() => run(() => call('parts.locations.save', { ...station, active: true }), () => setStation({ code: '', name: '' }))}>
              {t('parts.settings.addLocation')}
            </Button>
          </Group>
        )}

        <Title order={5} mt="md">
          {t('parts.settings.categories')}
        </Title>
        <Group gap="lg">
          {look.categories.map((c) => (
            <Switch
              key={c.id}
              label={`${categoryName(t, c)} · ${t('parts.watched')}`}
              checked={c.watched}
              disabled={!canCatalog}
              onChange={(e) => {
                const watched = e.currentTarget.checked
                run(() => call('parts.categories.save', { id: c.id, code: c.code, name: c.name, watched }))
              }}
            />
          ))}
        </Group>
        {canCatalog && (
          <Group align="flex-end">
            <TextInput w={140} label={t('parts.code')} value={category.code} onChange={(e) => { const code = e.currentTarget.value; setCategory((x) => ({ ...x, code })) }} />
            <TextInput w={200} label={t('parts.name')} value={category.name} onChange={(e) => { const name = e.currentTarget.value; setCategory((x) => ({ ...x, name })) }} />
            <Button variant="light" disabled={!category.code || !category.name} onClick={() => run(() => call('parts.categories.save', { ...category, watched: false }), () => setCategory({ code: '', name: '' }))}>
              {t('parts.settings.addCategory')}
            </Button>
          </Group>
        )}

        <Title order={5} mt="md">
          {t('parts.settings.suppliers')}
        </Title>
        <Text>{look.suppliers.map((x) => x.name).join(' · ') || '—'}</Text>
        {canCatalog && (
          <Group align="flex-end">
            <TextInput w={320} label={t('parts.supplier')} value={supplier} onChange={(e) => setSupplier(e.currentTarget.value)} />
            <Button variant="light" disabled={!supplier.trim()} onClick={() => run(() => call('parts.suppliers.save', { name: supplier }), () => setSupplier(''))}>
              {t('parts.settings.addSupplier')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  )
}
