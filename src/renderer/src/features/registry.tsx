import type { ComponentType } from 'react'
import type { Role } from '../../../shared/roles'
import {
  IconCalendarTime,
  IconCar,
  IconChartBar,
  IconPackage,
  IconPhoneCall,
  IconSettings,
  IconUsers
} from '@tabler/icons-react'
import { BoardPage } from './board/BoardPage'
import { CustomersPage } from './customers/CustomersPage'
import { FollowupPage } from './followup/FollowupPage'
import { PartsPage } from './parts/PartsPage'
import { ReportsPage } from './reports/ReportsPage'
import { SettingsPage } from './settings/SettingsPage'
import { WorkOrdersPage } from './workorders/WorkOrdersPage'

export interface Feature {
  /** The first part of the hash route, and the nav key under `nav.`. */
  key: string
  icon: ComponentType<{ size?: number }>
  /** Gets the rest of the route: #/customers/12 → ['12']. */
  Page: ComponentType<{ route: string[] }>
}

/** The app's parts in navigation order. */
export const FEATURES: Feature[] = [
  { key: 'board', icon: IconCalendarTime, Page: BoardPage },
  { key: 'workorders', icon: IconCar, Page: WorkOrdersPage },
  { key: 'customers', icon: IconUsers, Page: CustomersPage },
  { key: 'parts', icon: IconPackage, Page: PartsPage },
  { key: 'followup', icon: IconPhoneCall, Page: FollowupPage },
  { key: 'reports', icon: IconChartBar, Page: ReportsPage },
  { key: 'settings', icon: IconSettings, Page: SettingsPage }
]

/** Where a person lands after signing in: the screen their role works from all day. */
export function defaultFeatureFor(roles: readonly Role[]): string {
  if (roles.includes('advisor') || roles.includes('frontdesk_supervisor') || roles.includes('workshop_supervisor') || roles.includes('service_director')) return 'board'
  if (roles.includes('warehouse_clerk')) return 'parts'
  if (roles.includes('followup_agent')) return 'followup'
  return 'settings'
}
