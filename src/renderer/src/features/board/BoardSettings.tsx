/** The board part's panel on the Settings page (nothing yet). */
export function BoardSettings() {
  return null
}
