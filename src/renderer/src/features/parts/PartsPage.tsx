import { ComingLater } from '../ComingLater'

/** The parts part's page; gets the rest of the hash route (#/parts/…). */
export function PartsPage(_props: { route: string[] }) {
  return <ComingLater />
}
