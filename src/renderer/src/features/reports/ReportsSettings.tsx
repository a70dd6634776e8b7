/** The reports part's panel on the Settings page (nothing yet). */
export function ReportsSettings() {
  return null
}
