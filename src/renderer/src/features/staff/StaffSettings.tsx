/** Staff, roles, audit and backups on the Settings page (nothing yet). */
export function StaffSettings() {
  return null
}
