/** The check-in and work-order part: what other parts of the app may call. */
export { declinedItemsForVehicle } from './inspection'
export { warrantyForVehicle } from './warranty'
export { getWorkOrder, listWorkOrders } from './read'
export { readWoSettings } from './settings'
