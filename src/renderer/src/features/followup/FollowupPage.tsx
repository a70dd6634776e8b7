import { ComingLater } from '../ComingLater'

/** The followup part's page; gets the rest of the hash route (#/followup/…). */
export function FollowupPage(_props: { route: string[] }) {
  return <ComingLater />
}
