/** Host / workstation settings on the Settings page (nothing yet). */
export function LanSettings() {
  return null
}
