import type { call } from '../../api/client'

export type BoardData = Awaited<ReturnType<typeof call<'appointments.board'>>>
export type Booking = BoardData['appointments'][number]
export type Task = Awaited<ReturnType<typeof call<'appointments.tasks'>>>[number]
export type View = 'bays' | 'advisors'

/** Mantine colours by status, so the counter reads the state of the day at a glance. */
export const STATUS_COLOR: Record<Booking['status'], string> = {
  booked: 'blue',
  confirmed: 'teal',
  reminded: 'cyan',
  arrived: 'green',
  late: 'orange',
  checked_in: 'grape',
  no_show: 'red',
  cancelled: 'gray'
}

export const OPEN_STATUSES: ReadonlyArray<Booking['status']> = ['booked', 'confirmed', 'reminded']
