import type { Db } from '../../db/types'
import type { Actor } from '../../core/context'
import { getAppointmentForCheckIn, markCheckedIn } from '../appointments'

export interface AppointmentForCheckIn {
  id: number
  customerId: number
  vehicleId: number
  advisorId: number | null
  bayId: number | null
  bayName: string | null
  startsAt: string
  complaint: string | null
}

/** The appointment board's side of a check-in: the booking's customer, car, advisor, bay and words. */
export function appointmentForCheckIn(db: Db, appointmentId: number): AppointmentForCheckIn {
  const a = getAppointmentForCheckIn(db, appointmentId)
  const bay = a.bayId === null ? undefined : (db.prepare('SELECT name FROM appointment_bays WHERE id = ?').get(a.bayId) as { name: string } | undefined)
  return { ...a, bayName: bay?.name ?? null }
}

/** Marks the booking checked in, in the check-in's own transaction (refused if the booking cannot be). */
export function markAppointmentCheckedIn(db: Db, actor: Actor, at: Date, appointmentId: number, workOrderId: number): void {
  markCheckedIn(db, actor, at, appointmentId, workOrderId)
}
