import { ComingLater } from '../ComingLater'

/** The board part's page; gets the rest of the hash route (#/board/…). */
export function BoardPage(_props: { route: string[] }) {
  return <ComingLater />
}
