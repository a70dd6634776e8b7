import { Anchor, Badge, Group, Stack, Tabs, Text, Title } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { navigate } from '../../lib/router'
import { CampaignsTab } from './CampaignsTab'
import { ComplaintDetail } from './ComplaintDetail'
import { ComplaintsTab } from './ComplaintsTab'
import { CustomerFollowupPanel } from './CustomerFollowupPanel'
import { FilesTab } from './FilesTab'
import { LettersTab } from './LettersTab'
import { RegisterTab } from './RegisterTab'
import { RequestsTab } from './RequestsTab'
import { TodayTab } from './TodayTab'

const TABS = ['today', 'register', 'requests', 'complaints', 'letters', 'campaigns', 'files'] as const
type Tab = (typeof TABS)[number]

/** The follow-up part's page: #/followup/<tab>, #/followup/complaints/<id>, #/followup/customer/<id>. */
export function FollowupPage({ route }: { route: string[] }) {
  const { t } = useTranslation()
  const tab: Tab = (TABS as readonly string[]).includes(route[0] ?? '') ? (route[0] as Tab) : 'today'
  const id = Number(route[1])
  const [openComplaints, setOpenComplaints] = useState<number | null>(null)
  useEffect(() => {
    call('followup.complaints.list', { view: 'open' }).then((l) => setOpenComplaints(l.length)).catch(() => setOpenComplaints(null))
  }, [route.join('/')])

  if (route[0] === 'customer' && Number.isInteger(id) && id > 0) {
    return (
      <Stack>
        <Group justify="space-between">
          <Title order={2}>{t('followup.title')}</Title>
          <Anchor href={`#/customers/${id}`}>{t('followup.file.openCustomer')}</Anchor>
        </Group>
        <CustomerFollowupPanel customerId={id} showIdentity />
      </Stack>
    )
  }
  return (
    <Stack>
      <Title order={2}>{t('followup.title')}</Title>
      <Tabs value={tab} onChange={(v) => navigate('followup', v ?? 'today')} keepMounted={false}>
        <Tabs.List>
          {TABS.map((k) => (
            <Tabs.Tab key={k} value={k} fz="md">
              <Group gap={6} wrap="nowrap">
                <Text inherit>{t(`followup.tabs.${k}`)}</Text>
                {k === 'complaints' && openComplaints ? <Badge color="red" size="sm" circle>{openComplaints}</Badge> : null}
              </Group>
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value={tab} pt="md">
          {tab === 'today' && <TodayTab />}
          {tab === 'register' && <RegisterTab />}
          {tab === 'requests' && <RequestsTab />}
          {tab === 'complaints' && (Number.isInteger(id) && id > 0 ? <ComplaintDetail id={id} /> : <ComplaintsTab />)}
          {tab === 'letters' && <LettersTab />}
          {tab === 'campaigns' && <CampaignsTab />}
          {tab === 'files' && <FilesTab />}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}
