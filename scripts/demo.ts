/**
 * `npm run demo [-- --customers N] [--data-dir DIR]`: fills a database with a believable demo shop
 * (Chinese names, plates like 粤B·12345). Refuses a database that already has customers.
 */
import { createCore, resolveDataDir } from '../src/main/core/create'
import { generateCustomers } from '../src/main/domain/demo/generate'
import { writeSetting, readSettings } from '../src/main/domain/settings/settings'
import { insertStaff, staffCount } from '../src/main/domain/staff/staff'
import { defaultUserDataDir } from '../src/main/paths'

const args = process.argv.slice(2)
const at = args.indexOf('--customers')
const size = at >= 0 ? Number(args[at + 1]) : 300
if (!Number.isInteger(size) || size < 1) {
  console.error('--customers takes a whole number')
  process.exit(1)
}
const core = createCore({ dataDir: resolveDataDir(args, process.env, defaultUserDataDir()) })
const existing = (core.db.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n
if (existing > 0) {
  console.error(`${core.dbFile} already has ${existing} customers; demo data only fills an empty database.`)
  process.exit(1)
}
const t0 = performance.now()
const made = core.db.transaction(() => {
  if (!readSettings(core.db).shop.name) {
    writeSetting(core.db, 'shop', { name: '深圳鹏城汽车销售服务有限公司', address: '深圳市南山区科技园深南大道 9988 号', phone: '0755-8888 6666', logo: null })
  }
  // A demo shop needs someone to sign in: the administrator 陈静 with PIN 2468, if nobody exists yet.
  if (staffCount(core.db) === 0) insertStaff(core.db, null, new Date(), '陈静', ['admin', 'advisor', 'service_director'], '2468')
  return generateCustomers(core.db, new Date(), { customers: size })
})()
console.log(`${core.dbFile}: ${made.customers} customers, ${made.vehicles} vehicles in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
console.log('Sign in as 陈静 with PIN 2468.')
core.db.close()
