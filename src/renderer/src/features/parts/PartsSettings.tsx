/** The parts part's panel on the Settings page (nothing yet). */
export function PartsSettings() {
  return null
}
