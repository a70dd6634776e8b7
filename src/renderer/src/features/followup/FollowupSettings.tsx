/** The followup part's panel on the Settings page (nothing yet). */
export function FollowupSettings() {
  return null
}
