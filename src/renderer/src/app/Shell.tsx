import { AppShell, Badge, Button, Group, NavLink, ScrollArea, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { defaultFeatureFor, FEATURES } from '../features/registry'
import { HostBanner } from '../features/lan/HostBanner'
import { navigate, useRoute } from '../lib/router'
import { LanguageSelect } from './LanguageSelect'
import { useSession } from './session'

export function Shell() {
  const { t } = useTranslation()
  const { staff, locale, setLocale, signOut } = useSession()
  const route = useRoute()
  const current = FEATURES.find((f) => f.key === route[0]) ?? FEATURES.find((f) => f.key === defaultFeatureFor(staff.roles))!
  const Page = current.Page
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 250, breakpoint: 0 }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="xs">
            <Title order={3}>{t('app.title')}</Title>
            <Text c="dimmed" size="sm">{t('app.subtitle')}</Text>
          </Group>
          <Group gap="sm">
            <LanguageSelect value={locale} onChange={setLocale} />
            <Stack gap={0} align="flex-end">
              <Text fw={600} data-testid="signed-in-as">{staff.name}</Text>
              <Group gap={4}>
                {staff.roles.map((r) => (
                  <Badge key={r} size="xs" variant="light">{t(`roles.${r}`)}</Badge>
                ))}
              </Group>
            </Stack>
            <Button variant="default" size="xs" onClick={signOut}>{t('common.switchUser')}</Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <ScrollArea>
          {FEATURES.map((f) => (
            <NavLink
              key={f.key}
              href={`#/${f.key}`}
              label={t(`nav.${f.key}`)}
              leftSection={<f.icon size={22} />}
              active={f.key === current.key}
              onClick={(e) => {
                e.preventDefault()
                navigate(f.key)
              }}
              styles={{ label: { fontSize: 17 } }}
            />
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        <HostBanner />
        <Page route={route.slice(1)} />
      </AppShell.Main>
    </AppShell>
  )
}
