/**
 * One of two processes racing for the same slot (see race.test.ts): opens the shop's file, waits
 * for the agreed instant, books, and prints the result as one JSON line.
 */
import { TestClock } from '../../../src/main/core/clock'
import { createCore } from '../../../src/main/core/create'
import { dispatch } from '../../../src/main/core/dispatch'
import { actorOf } from '../../../src/main/domain/staff/staff'

const [dataDir, staffId, at, input] = process.argv.slice(2) as [string, string, string, string]
const core = createCore({ dataDir, clock: new TestClock(new Date('2026-12-04T01:00:00Z')) })
const row = core.db.prepare('SELECT id, name, roles FROM staff WHERE id = ?').get(Number(staffId)) as { id: number; name: string; roles: string }
const token = core.sessions.open(actorOf(row)).token
const go = Number(at)
while (Date.now() < go) {
  // spin: both processes leave this loop within a millisecond of each other
}
const result = await dispatch(core, 'appointments.book', JSON.parse(input), token)
process.stdout.write(JSON.stringify(result.ok ? { ok: true } : { ok: false, code: result.error.code }) + '\n')
core.db.close()
