import { Button, Card, FileButton, Group, Image, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Settings } from '../../../../shared/contract/settings'
import { call } from '../../api/client'
import { LanguageSelect } from '../../app/LanguageSelect'
import { useHasRole, useSession } from '../../app/session'
import { fieldErrors, showError } from '../../lib/errors'
import { formatNumber } from '../../lib/format'
import { SETTINGS_PANELS } from './panels'

type Info = Awaited<ReturnType<typeof call<'system.info'>>>

export function SettingsPage() {
  const { t } = useTranslation()
  const { locale, setLocale } = useSession()
  const canEditShop = useHasRole('admin', 'service_director')
  const isAdmin = useHasRole('admin')
  const [settings, setSettings] = useState<Settings | null>(null)
  const [shop, setShop] = useState<Settings['shop'] | null>(null)
  const [info, setInfo] = useState<Info | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})

  const load = (): void => {
    call('settings.get', {}).then((s) => { setSettings(s); setShop(s.shop) }).catch((err: unknown) => showError(t, err))
    call('system.info', {}).then(setInfo).catch((err: unknown) => showError(t, err))
  }
  useEffect(load, [t])

  const saveShop = async (): Promise<void> => {
    if (!shop) return
    setErrors({})
    try {
      const s = await call('settings.updateShop', shop)
      setSettings(s)
      notifications.show({ color: 'teal', message: t('common.saved') })
    } catch (err) {
      setErrors(fieldErrors(t, err))
      showError(t, err)
    }
  }

  const pickLogo = (file: File | null): void => {
    if (!file) return
    const reader = new FileReader()
    reader.onload = () => shop && setShop({ ...shop, logo: String(reader.result) })
    reader.readAsDataURL(file)
  }

  const fillDemo = async (): Promise<void> => {
    try {
      const made = await call('demo.fill', { customers: 300 })
      notifications.show({ color: 'teal', message: t('settings.demoDone', made) })
      load()
    } catch (err) {
      showError(t, err)
    }
  }

  return (
    <Stack maw={900}>
      <Title order={2}>{t('settings.title')}</Title>
      <Card withBorder>
        <Title order={4} mb="xs">{t('common.language')}</Title>
        <Text c="dimmed" size="sm" mb="sm">{t('settings.languageHelp')}</Text>
        <LanguageSelect value={locale} onChange={setLocale} />
      </Card>
      {shop && (
        <Card withBorder>
          <Title order={4} mb="sm">{t('settings.letterhead')}</Title>
          <SimpleGrid cols={2}>
            <TextInput label={t('settings.shopName')} value={shop.name} onChange={(e) => setShop({ ...shop, name: e.currentTarget.value })} error={errors.name} disabled={!canEditShop} required />
            <TextInput label={t('settings.shopPhone')} value={shop.phone ?? ''} onChange={(e) => setShop({ ...shop, phone: e.currentTarget.value })} error={errors.phone} disabled={!canEditShop} />
          </SimpleGrid>
          <TextInput mt="sm" label={t('settings.shopAddress')} value={shop.address ?? ''} onChange={(e) => setShop({ ...shop, address: e.currentTarget.value })} error={errors.address} disabled={!canEditShop} />
          <Group mt="sm" align="end">
            {shop.logo && <Image src={shop.logo} h={48} w="auto" alt="logo" />}
            <FileButton onChange={pickLogo} accept="image/png,image/jpeg" disabled={!canEditShop}>
              {(props) => <Button variant="default" {...props}>{t('settings.logo')}</Button>}
            </FileButton>
            {shop.logo && <Button variant="subtle" color="red" onClick={() => setShop({ ...shop, logo: null })} disabled={!canEditShop}>{t('settings.removeLogo')}</Button>}
          </Group>
          {errors.logo && <Text c="red" size="sm">{errors.logo}</Text>}
          {canEditShop && <Group justify="flex-end" mt="md"><Button onClick={() => void saveShop()}>{t('common.save')}</Button></Group>}
        </Card>
      )}
      {SETTINGS_PANELS.map(({ key, Panel }) => (
        <Panel key={key} />
      ))}
      {info && settings && (
        <Card withBorder>
          <Title order={4} mb="sm">{t('settings.system')}</Title>
          <Table>
            <Table.Tbody>
              <Table.Tr><Table.Td>{t('settings.appVersion')}</Table.Td><Table.Td>{info.version}</Table.Td></Table.Tr>
              <Table.Tr><Table.Td>{t('settings.schemaVersion')}</Table.Td><Table.Td>{info.schemaVersion}</Table.Td></Table.Tr>
              <Table.Tr><Table.Td>{t('settings.dataFile')}</Table.Td><Table.Td style={{ wordBreak: 'break-all' }}>{info.dataFile}</Table.Td></Table.Tr>
              <Table.Tr><Table.Td>{t('customers.title')}</Table.Td><Table.Td>{formatNumber(info.counts.customers)} / {formatNumber(info.counts.vehicles)}</Table.Td></Table.Tr>
            </Table.Tbody>
          </Table>
        </Card>
      )}
      {isAdmin && info && info.counts.customers === 0 && (
        <Card withBorder>
          <Title order={4} mb="xs">{t('settings.demo')}</Title>
          <Text c="dimmed" size="sm" mb="sm">{t('settings.demoHelp')}</Text>
          <Button variant="light" onClick={() => void fillDemo()}>{t('settings.demoFill')}</Button>
        </Card>
      )}
    </Stack>
  )
}
