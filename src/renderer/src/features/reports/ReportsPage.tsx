import { ComingLater } from '../ComingLater'

/** The reports part's page; gets the rest of the hash route (#/reports/…). */
export function ReportsPage(_props: { route: string[] }) {
  return <ComingLater />
}
