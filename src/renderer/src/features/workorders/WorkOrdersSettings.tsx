/** The workorders part's panel on the Settings page (nothing yet). */
export function WorkOrdersSettings() {
  return null
}
