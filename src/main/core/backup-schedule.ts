import type { Core } from './context'
import { lastBackupAt, runBackup } from '../domain/backup/backup'

const HOUR = 3600_000
const DAY = 24 * HOUR

/**
 * Automatic backups: one at start, then whenever the last good one is a day old (checked hourly,
 * so a PC that sleeps overnight backs up soon after it wakes). A failure is logged and retried at
 * the next check; it never stops the app.
 */
export function startBackupSchedule(core: Core, log: (message: string) => void = console.log): () => void {
  let running = false
  const tick = async (force: boolean): Promise<void> => {
    if (running) return
    const last = lastBackupAt(core.db)
    if (!force && last && core.clock.now().getTime() - Date.parse(last) < DAY) return
    running = true
    try {
      const { file, deleted } = await runBackup(core, 'auto', null)
      log(`backup: ${file}${deleted.length ? `, rotated out ${deleted.length}` : ''}`)
    } catch (err) {
      log(`backup failed: ${(err as Error).message}`)
    } finally {
      running = false
    }
  }
  void tick(true)
  const timer = setInterval(() => void tick(false), HOUR)
  timer.unref()
  return () => clearInterval(timer)
}
