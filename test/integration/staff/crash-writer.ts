/**
 * Run by crash.test.ts as a child process: writes customers as fast as it can through the real
 * dispatcher and prints `ACK <id> <name>` after each write has committed, until it is killed.
 */
import { createCore } from '../../../src/main/core/create'
import { dispatch } from '../../../src/main/core/dispatch'
import { insertStaff } from '../../../src/main/domain/staff/staff'

const dir = process.argv[2]
const round = process.argv[3] ?? '0'
if (!dir) throw new Error('usage: crash-writer <data dir> <round>')
const core = createCore({ dataDir: dir })
const actor = core.db.transaction(() => insertStaff(core.db, null, new Date(), `writer ${round}`, ['advisor'], '1234'))()
const token = core.sessions.open(actor).token

async function main(): Promise<void> {
  for (let i = 0; ; i++) {
    const name = `客户${round}-${i}`
    const phone = `139${String(Number(round) * 100000 + i).padStart(8, '0')}`
    const r = await dispatch(core, 'customers.create', { name, phone, vehicle: { plate: `粤B${String(Number(round) * 10000 + (i % 10000)).padStart(5, '0')}`.slice(0, 8) } }, token)
    if (r.ok) process.stdout.write(`ACK ${(r.value as { id: number }).id} ${name}\n`)
    else if (r.error.code !== 'duplicate_plate') process.stdout.write(`ERR ${r.error.code}\n`)
  }
}
void main()
