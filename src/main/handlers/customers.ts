import { customersContract } from '../../shared/contract/customers'
import type { HandlerMap } from '../core/dispatch'
import {
  addVehicle,
  createCustomer,
  findVehicleByPlate,
  getCustomer,
  searchCustomers,
  updateCustomer,
  updateVehicle
} from '../domain/customers/customers'
import { inTx } from '../domain/tx'

export const customersHandlers: HandlerMap<typeof customersContract> = {
  'customers.search': ({ query, limit }, { db }) => searchCustomers(db, query, limit),
  'customers.get': ({ id }, { db }) => getCustomer(db, id),
  'customers.create': ({ vehicle, ...fields }, { db, actor, clock }) =>
    inTx(db, () => getCustomer(db, createCustomer(db, actor, clock.now(), fields, vehicle))),
  'customers.update': ({ id, version, ...fields }, { db, actor, clock }) =>
    inTx(db, () => {
      updateCustomer(db, actor, clock.now(), id, version, fields)
      return getCustomer(db, id)
    }),
  'vehicles.add': ({ customerId, ...fields }, { db, actor, clock }) =>
    inTx(db, () => {
      addVehicle(db, actor, clock.now(), customerId, fields)
      return getCustomer(db, customerId)
    }),
  'vehicles.update': ({ id, version, ...fields }, { db, actor, clock }) =>
    inTx(db, () => getCustomer(db, updateVehicle(db, actor, clock.now(), id, version, fields))),
  'vehicles.findByPlate': ({ plate }, { db }) => findVehicleByPlate(db, plate)
}
