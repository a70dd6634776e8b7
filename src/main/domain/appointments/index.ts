/** The appointments part as other parts see it: the check-in flow takes a booking from here. */
export { getAppointmentForCheckIn, markCheckedIn, getAppointment, listDay } from './appointments'
export { figures } from './figures'
export { appointmentNumber } from './clash'
