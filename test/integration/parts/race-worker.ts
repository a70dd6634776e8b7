/**
 * One of two processes scrapping from the same shelf at once (see race.test.ts): opens the shop's
 * file, waits for the agreed instant, scraps one unit at a time, and prints what happened as JSON.
 */
import { TestClock } from '../../../src/main/core/clock'
import { createCore } from '../../../src/main/core/create'
import { dispatch } from '../../../src/main/core/dispatch'
import { actorOf } from '../../../src/main/domain/staff/staff'

const [dataDir, staffId, at, partId, times] = process.argv.slice(2) as [string, string, string, string, string]
const core = createCore({ dataDir, clock: new TestClock(new Date('2026-12-04T01:00:00Z')) })
const row = core.db.prepare('SELECT id, name, roles FROM staff WHERE id = ?').get(Number(staffId)) as { id: number; name: string; roles: string }
const token = core.sessions.open(actorOf(row)).token
const go = Number(at)
while (Date.now() < go) {
  // spin: both processes leave this loop within a millisecond of each other
}
const codes: Record<string, number> = {}
for (let i = 0; i < Number(times); i++) {
  const r = await dispatch(core, 'parts.scrap', { locationId: 1, lines: [{ partId: Number(partId), qty: 1 }], reason: 'race' }, token)
  const code = r.ok ? 'ok' : r.error.code
  codes[code] = (codes[code] ?? 0) + 1
}
process.stdout.write(JSON.stringify(codes) + '\n')
core.db.close()
