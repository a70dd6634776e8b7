import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, signIn, test } from './fixtures'

/** The first day of last month on this PC's calendar, as the page's "last month" button counts it. */
function lastMonth(): { first: string; mid: (day: number, hm: string) => string } {
  const d = new Date()
  const y = d.getMonth() === 0 ? d.getFullYear() - 1 : d.getFullYear()
  const m = d.getMonth() === 0 ? 12 : d.getMonth()
  const ym = `${y}-${String(m).padStart(2, '0')}`
  return { first: `${ym}-01`, mid: (day, hm) => new Date(`${ym}-${String(day).padStart(2, '0')}T${hm}:00+08:00`).toISOString() }
}

test.describe('reports, end to end', () => {
  test('open Reports, pick last month, click the missed timeliness target and land on its records', async ({ page, shop }) => {
    const admin = await shop.setupAdmin()
    await shop.api('staff.create', { name: '王总监', roles: ['service_director'], pin: '1357' }, admin)
    await shop.api('demo.fill', { customers: 5 }, admin)
    // Last month's deliveries, written straight into the shop's file: the work-order screens that
    // would record them are another part's, and the clock of a running server cannot be wound back.
    const lm = lastMonth()
    const db = new Database(join(shop.dataDir, 'frontdesk.sqlite3'))
    const cars = db.prepare('SELECT id, customer_id AS customerId FROM vehicles ORDER BY id LIMIT 3').all() as Array<{ id: number; customerId: number }>
    const ins = db.prepare(
      `INSERT INTO work_orders (number, customer_id, vehicle_id, kind, status, opened_at, promised_at, done_at, delivered_at, created_at, updated_at)
       VALUES (?, ?, ?, 'shop', 'delivered', ?, ?, ?, ?, ?, ?)`
    )
    const late = Number(ins.run('E2E-LATE', cars[0]!.customerId, cars[0]!.id, lm.mid(10, '08:00'), lm.mid(10, '12:00'), lm.mid(10, '15:00'), lm.mid(10, '16:00'), lm.mid(10, '08:00'), lm.mid(10, '08:00')).lastInsertRowid)
    ins.run('E2E-OK1', cars[1]!.customerId, cars[1]!.id, lm.mid(12, '08:00'), lm.mid(12, '12:00'), lm.mid(12, '10:00'), lm.mid(12, '11:00'), lm.mid(12, '08:00'), lm.mid(12, '08:00'))
    ins.run('E2E-OK2', cars[2]!.customerId, cars[2]!.id, lm.mid(14, '08:00'), lm.mid(14, '12:00'), lm.mid(14, '10:00'), lm.mid(14, '11:30'), lm.mid(14, '08:00'), lm.mid(14, '08:00'))
    db.close()

    await signIn(page, shop, '王总监', '1357')
    await page.getByRole('link', { name: '报表' }).click()
    await expect(page.getByRole('heading', { name: '考核与报表' })).toBeVisible()
    await page.getByRole('button', { name: '上月' }).click()
    await expect(page).toHaveURL(new RegExp(`#/reports/month/${lm.first}$`))

    const row = page.locator('tr[data-figure="timeliness"]')
    await expect(row).toHaveAttribute('data-missed', 'yes')
    await expect(row).toContainText('66.7 %')
    await expect(row).toContainText('未达标')
    // A period without complaints data says so rather than showing 0.
    await expect(page.locator('tr[data-figure="satisfaction"]')).toContainText('无数据')
    mkdirSync('test-results/screens', { recursive: true })
    await page.screenshot({ path: 'test-results/screens/reports-zh-CN.png', fullPage: true })

    await row.getByRole('link', { name: '66.7 %' }).click()
    await expect(page).toHaveURL(new RegExp(`#/reports/month/${lm.first}/records/timeliness$`))
    const records = page.getByTestId('report-records')
    await expect(records.getByRole('row')).toHaveCount(4)
    const first = records.getByRole('row').nth(1)
    await expect(first).toContainText('E2E-LATE')
    await expect(first).toContainText('未达标')
    await page.screenshot({ path: 'test-results/screens/reports-records-zh-CN.png', fullPage: true })
    await first.getByRole('link', { name: 'E2E-LATE' }).click()
    await expect(page).toHaveURL(new RegExp(`#/workorders/${late}$`))
  })

  test('an advisor sees only their own staff figures, not the shop’s targets', async ({ page, shop }) => {
    const admin = await shop.setupAdmin()
    await shop.api('staff.create', { name: '李顾问', roles: ['advisor'], pin: '1357' }, admin)
    await shop.api('staff.create', { name: '赵顾问', roles: ['advisor'], pin: '2468' }, admin)
    await signIn(page, shop, '李顾问', '1357')
    await page.goto(`${shop.url}/#/reports/month/2026-11-01`)
    await expect(page.getByText('您只能看到自己的数据')).toBeVisible()
    const staff = page.getByTestId('staff-figures')
    await expect(staff).toContainText('李顾问')
    await expect(staff).not.toContainText('赵顾问')
    await expect(page.locator('tr[data-figure="timeliness"]')).toHaveCount(0)
  })
})
