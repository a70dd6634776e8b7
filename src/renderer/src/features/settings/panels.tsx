import type { ComponentType } from 'react'
import { BoardSettings } from '../board/BoardSettings'
import { FollowupSettings } from '../followup/FollowupSettings'
import { LanSettings } from '../lan/LanSettings'
import { PartsSettings } from '../parts/PartsSettings'
import { ReportsSettings } from '../reports/ReportsSettings'
import { StaffSettings } from '../staff/StaffSettings'
import { WorkOrdersSettings } from '../workorders/WorkOrdersSettings'

/** Each part's panel on the Settings page, in this order. */
export const SETTINGS_PANELS: Array<{ key: string; Panel: ComponentType }> = [
  { key: 'staff', Panel: StaffSettings },
  { key: 'board', Panel: BoardSettings },
  { key: 'workorders', Panel: WorkOrdersSettings },
  { key: 'parts', Panel: PartsSettings },
  { key: 'followup', Panel: FollowupSettings },
  { key: 'reports', Panel: ReportsSettings },
  { key: 'lan', Panel: LanSettings }
]

