import { Tabs, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { navigate } from '../../lib/router'
import { ClaimsTab } from './ClaimsTab'
import { CountsTab } from './CountsTab'
import { MovesTab } from './MovesTab'
import { ReceiveTab } from './ReceiveTab'
import { ReconcileTab } from './ReconcileTab'
import { ReportsTab } from './ReportsTab'
import { RequisitionsTab } from './RequisitionsTab'
import { StockTab } from './StockTab'

const TABS = ['stock', 'receive', 'requisitions', 'moves', 'counts', 'reconcile', 'claims', 'reports'] as const
type Tab = (typeof TABS)[number]

/** The warehouse: #/parts/<tab>[/id]. */
export function PartsPage({ route }: { route: string[] }) {
  const { t } = useTranslation()
  const tab: Tab = (TABS as readonly string[]).includes(route[0] ?? '') ? (route[0] as Tab) : 'stock'
  const id = Number(route[1]) || null
  return (
    <>
      <Title order={2} mb="sm">
        {t('parts.title')}
      </Title>
      <Tabs value={tab} onChange={(v) => v && navigate('parts', v)} keepMounted={false}>
        <Tabs.List mb="md">
          {TABS.map((k) => (
            <Tabs.Tab key={k} value={k} fz="md">
              {t(`parts.tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="stock">{tab === 'stock' && <StockTab partId={id} />}</Tabs.Panel>
        <Tabs.Panel value="receive">{tab === 'receive' && <ReceiveTab />}</Tabs.Panel>
        <Tabs.Panel value="requisitions">{tab === 'requisitions' && <RequisitionsTab openId={id} />}</Tabs.Panel>
        <Tabs.Panel value="moves">{tab === 'moves' && <MovesTab />}</Tabs.Panel>
        <Tabs.Panel value="counts">{tab === 'counts' && <CountsTab countId={id} />}</Tabs.Panel>
        <Tabs.Panel value="reconcile">{tab === 'reconcile' && <ReconcileTab />}</Tabs.Panel>
        <Tabs.Panel value="claims">{tab === 'claims' && <ClaimsTab oldPartId={id} />}</Tabs.Panel>
        <Tabs.Panel value="reports">{tab === 'reports' && <ReportsTab />}</Tabs.Panel>
      </Tabs>
    </>
  )
}
