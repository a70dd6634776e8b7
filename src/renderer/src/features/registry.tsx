import type { ComponentType } from 'react'
import {
  IconCalendarTime,
  IconCar,
  IconChartBar,
  IconPackage,
  IconPhoneCall,
  IconSettings,
  IconUsers
} from '@tabler/icons-react'
import { CustomersPage } from './customers/CustomersPage'
import { SettingsPage } from './settings/SettingsPage'
import { ComingLater } from './ComingLater'

export interface Feature {
  /** The first part of the hash route, and the nav key under `nav.`. */
  key: string
  icon: ComponentType<{ size?: number }>
  /** Gets the rest of the route: #/customers/12 → ['12']. */
  Page: ComponentType<{ route: string[] }>
}

/** The app's parts in navigation order. A part that is not built yet says so. */
export const FEATURES: Feature[] = [
  { key: 'board', icon: IconCalendarTime, Page: ComingLater },
  { key: 'workorders', icon: IconCar, Page: ComingLater },
  { key: 'customers', icon: IconUsers, Page: CustomersPage },
  { key: 'parts', icon: IconPackage, Page: ComingLater },
  { key: 'followup', icon: IconPhoneCall, Page: ComingLater },
  { key: 'reports', icon: IconChartBar, Page: ComingLater },
  { key: 'settings', icon: IconSettings, Page: SettingsPage }
]

export const DEFAULT_FEATURE = 'customers'
