import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore } from '../../src/main/core/create'
import { dispatch } from '../../src/main/core/dispatch'
import { generateCustomers, rng } from '../../src/main/domain/demo/generate'
import { planFollowups } from '../../src/main/domain/followup/plan'
import { todaySql } from '../../src/main/domain/followup/tasks'
import { insertStaff } from '../../src/main/domain/staff/staff'
import { addDays, fromLocal, toLocalDate } from '../../src/shared/time'
import type { Suite } from '../harness'

const DAY = 86_400_000

/**
 * followup-today-100k: today's list (the plan brought up to date, then what is due, overdue
 * first) on 100,000 customers, ~150,000 vehicles and 400,000 past work orders.
 * call-record: recording a follow-up call (the call, the task, the audit row, in one transaction).
 */
export const followupSuite: Suite = {
  name: 'followup',
  async setup({ quick }) {
    const dir = mkdtempSync(join(tmpdir(), 'frontdesk-bench-'))
    const core = createCore({ dataDir: dir })
    const db = core.db
    const now = new Date()
    const customers = quick ? 10_000 : 100_000
    const orders = quick ? 40_000 : 400_000
    generateCustomers(db, now, { customers, seed: 11 })
    const agent = db.transaction(() => insertStaff(db, null, now, 'bench agent', ['followup_agent'], '1234'))()
    const advisors = db.transaction(() => [1, 2, 3, 4, 5].map((i) => insertStaff(db, null, now, `advisor ${i}`, ['advisor'], '1234').id))()
    const token = core.sessions.open(agent).token

    // Past work orders: three years of visits, delivered, each vehicle's mileage rising visit by visit.
    const vehicles = db.prepare('SELECT id, customer_id AS customerId, mileage_km AS km FROM vehicles').all() as Array<{ id: number; customerId: number; km: number }>
    const rand = rng(99)
    const insert = db.prepare(
      `INSERT INTO work_orders (number, customer_id, vehicle_id, advisor_id, status, complaint, mileage_km, opened_at, delivered_at, total_cents, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'delivered', '常规保养', ?, ?, ?, ?, ?, ?)`
    )
    db.transaction(() => {
      for (let i = 0; i < orders; i++) {
        const v = vehicles[Math.floor(rand() * vehicles.length)] as (typeof vehicles)[number]
        const daysAgo = Math.floor(rand() * 3 * 365)
        const delivered = new Date(now.getTime() - daysAgo * DAY - Math.floor(rand() * 8) * 3_600_000)
        const opened = new Date(delivered.getTime() - 5 * 3_600_000).toISOString()
        insert.run(`B${String(i).padStart(7, '0')}`, v.customerId, v.id, advisors[i % advisors.length], Math.max(0, v.km - daysAgo * 40),
          opened, delivered.toISOString(), 30_000 + Math.floor(rand() * 200_000), opened, opened)
      }
    })()
    // The first plan on a file with history (backfill of every vehicle's next service) happens once.
    db.transaction(() => planFollowups(db, now))()
    const open = db.prepare("SELECT count(*) FROM followup_tasks WHERE status = 'open'").pluck().get() as number

    const tz = 'Asia/Shanghai'
    const today = toLocalDate(now, tz)
    const end = fromLocal(addDays(today, 1), tz).toISOString()
    const sql = todaySql('all')
    const bareList = db.prepare(sql.list)
    const bareCount = db.prepare(sql.count)

    // Calls are recorded on tasks not yet called, one each; the bare side writes the same rows on its own tasks.
    const phoneTasks = db.prepare("SELECT id, version FROM followup_tasks WHERE status = 'open' AND channel = 'phone' ORDER BY id").all() as Array<{ id: number; version: number }>
    const half = Math.floor(phoneTasks.length / 2)
    const appTasks = phoneTasks.slice(0, half)
    const bareTasks = phoneTasks.slice(half)
    let a = 0
    let b = 0
    const insertCall = db.prepare(
      `INSERT INTO followup_calls (direction, task_id, purpose, customer_id, phone, staff_id, staff_name, at, outcome, satisfaction, customer_words)
       SELECT 'out', t.id, t.kind, t.customer_id, c.phone, ?, 'bench agent', ?, 'reached', 5, '很满意' FROM followup_tasks t JOIN customers c ON c.id = t.customer_id WHERE t.id = ?`
    )
    const closeTask = db.prepare("UPDATE followup_tasks SET status = 'done', attempts = attempts + 1, closed_at = ?, version = version + 1 WHERE id = ?")
    const audit = db.prepare("INSERT INTO audit_log (at, staff_id, staff_name, action, entity, entity_id, changes) VALUES (?, ?, 'bench agent', 'create', 'followup_call', ?, '{}')")
    const bareRecord = db.transaction((id: number) => {
      const at = new Date().toISOString()
      const callId = insertCall.run(agent.id, at, id).lastInsertRowid
      closeTask.run(at, id)
      audit.run(at, agent.id, String(callId))
    })
    const size = `${customers.toLocaleString()} customers, ${vehicles.length.toLocaleString()} vehicles, ${orders.toLocaleString()} work orders, ${open.toLocaleString()} open tasks`
    return {
      figures: [
        {
          name: 'followup-today-100k',
          target_ms: 100,
          note: `followup.today (plan update + 300 rows, overdue first) on ${size}; bare = the list and count SQL`,
          app: async () => {
            const r = await dispatch(core, 'followup.today', { assigned: 'all', limit: 300 }, token)
            if (!r.ok) throw new Error(r.error.message)
          },
          bare: () => {
            bareList.all({ today, end, me: 0, limit: 300 })
            bareCount.get({ today, end, me: 0 })
          },
          iterations: 200
        },
        {
          name: 'call-record',
          target_ms: 10,
          note: 'followup.calls.record, reached with a rating; bare = insert call, close task, audit row in one transaction',
          app: async () => {
            const task = appTasks[a++ % appTasks.length] as { id: number; version: number }
            const r = await dispatch(core, 'followup.calls.record', { taskId: task.id, taskVersion: task.version, outcome: 'reached', satisfaction: 5, customerWords: '很满意' }, token)
            if (!r.ok) throw new Error(r.error.message)
          },
          bare: () => bareRecord((bareTasks[b++ % bareTasks.length] as { id: number }).id),
          iterations: Math.min(1000, half - 10)
        }
      ],
      cleanup() {
        core.db.close()
        rmSync(dir, { recursive: true, force: true })
      }
    }
  }
}
