/**
 * Run by host-crash.test.ts as the host PC: opens the shop's file in <dir>, serves the LAN on
 * 127.0.0.1:<port>, and on first start creates the administrator and prints a pairing code.
 */
import { createCore } from '../../../src/main/core/create'
import { insertStaff, staffCount } from '../../../src/main/domain/staff/staff'
import { writeLanSettings } from '../../../src/main/lan/host'

const [dir, port] = process.argv.slice(2)
if (!dir || !port) throw new Error('usage: host-process <dir> <port>')
const core = createCore({ dataDir: dir })
core.db.transaction(() => {
  if (staffCount(core.db) === 0) insertStaff(core.db, null, new Date(), '陈静', ['admin', 'advisor'], '2468')
  writeLanSettings(core.db, { enabled: true, address: '127.0.0.1', port: Number(port) })
})()
await core.lanHost!.apply({ enabled: true, address: '127.0.0.1', port: Number(port) })
const { code } = core.lanHost!.startPairing()
process.stdout.write(`READY ${code}\n`)
