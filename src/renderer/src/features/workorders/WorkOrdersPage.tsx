import { ComingLater } from '../ComingLater'

/** The workorders part's page; gets the rest of the hash route (#/workorders/…). */
export function WorkOrdersPage(_props: { route: string[] }) {
  return <ComingLater />
}
