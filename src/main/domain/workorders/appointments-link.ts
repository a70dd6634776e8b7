import type { Db } from '../../db/types'
import type { Actor } from '../../core/context'
import { AppError } from '../../../shared/errors'

export interface AppointmentForCheckIn {
  id: number
  customerId: number
  vehicleId: number
  advisorId: number | null
  bayId: number | null
  startsAt: string
  complaint: string | null
}

/**
 * The appointment board's side of a check-in. The board is built alongside this part; until its
 * domain exports these two functions a booking cannot be checked in and the walk-in path is used.
 */
export function appointmentForCheckIn(_db: Db, appointmentId: number): AppointmentForCheckIn {
  throw new AppError('workorders.appointments_unavailable', `Booking ${appointmentId} cannot be checked in: the appointment board is not installed.`, {
    id: appointmentId
  })
}

export function markAppointmentCheckedIn(_db: Db, _actor: Actor, _at: Date, _appointmentId: number, _workOrderId: number): void {}
