import { CheckInForm } from './CheckInForm'
import { OrderDetail } from './OrderDetail'
import { OrderList } from './OrderList'

/** #/workorders → open orders; #/workorders/checkin[/<appointmentId>] → check-in; #/workorders/<id> → the order. */
export function WorkOrdersPage({ route }: { route: string[] }) {
  if (route[0] === 'checkin') {
    const appointmentId = Number(route[1])
    return <CheckInForm key={route.join('/')} {...(Number.isInteger(appointmentId) && appointmentId > 0 ? { appointmentId } : {})} />
  }
  const id = Number(route[0])
  if (Number.isInteger(id) && id > 0) return <OrderDetail key={id} id={id} />
  return <OrderList />
}
