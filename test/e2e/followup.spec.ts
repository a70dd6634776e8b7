import Database from 'better-sqlite3'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, signIn, startShop, test } from './fixtures'

/**
 * A second browser-mode server on the same data folder at a later --clock: how "the next day"
 * happens end to end without a test-only clock call. It is stopped without removing the folder.
 */
async function serverAt(dataDir: string, clock: string): Promise<{ url: string; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, ['out/main/web.js', '--data-dir', dataDir, '--port', '0', '--clock', clock], { stdio: ['ignore', 'pipe', 'pipe'] })
  let log = ''
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 20_000)
    child.stdout?.on('data', (chunk: Buffer) => {
      log += chunk.toString()
      const m = /LISTENING (\d+)/.exec(log)
      if (m) {
        clearTimeout(timer)
        resolve(Number(m[1]))
      }
    })
    child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()))
    child.on('exit', (code) => reject(new Error(`server exited ${code}:\n${log}`)))
  })
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      child.kill('SIGTERM')
      await new Promise((r) => child.once('exit', r))
    }
  }
}

/** The work-order part's "delivered" state, written into the data file as that part leaves it (WAL lets two writers take turns). */
function deliver(dataDir: string, o: { customerId: number; vehicleId: number; advisorId: number; deliveredAt: string }): void {
  const db = new Database(join(dataDir, 'frontdesk.sqlite3'))
  db.pragma('busy_timeout = 5000')
  const opened = new Date(Date.parse(o.deliveredAt) - 5 * 3_600_000).toISOString()
  db.prepare(
    `INSERT INTO work_orders (number, customer_id, vehicle_id, advisor_id, status, complaint, mileage_km, opened_at, delivered_at, total_cents, created_at, updated_at)
     VALUES ('WO-E2E-001', ?, ?, ?, 'delivered', '更换机油机滤、检查刹车', 45210, ?, ?, 68000, ?, ?)`
  ).run(o.customerId, o.vehicleId, o.advisorId, opened, o.deliveredAt, opened, opened)
  db.close()
}

async function pick(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('dialog').getByLabel(label, { exact: false }).first().click()
  await page.getByRole('option', { name: option, exact: true }).click()
}

test.describe('follow-up, end to end', () => {
  test('deliver an order, next week the first call is due; record it with a complaint, escalate, resolve, confirm', async ({ page }) => {
    // Friday 4 December 2026, 10:00 in Shenzhen.
    const shop = await startShop({ clock: '2026-12-04T02:00:00Z' })
    let later: { url: string; stop(): Promise<void> } | null = null
    try {
      const admin = await shop.setupAdmin('陈静', '2468')
      await shop.api('staff.create', { name: '王芳', roles: ['followup_agent'], pin: '1357' }, admin)
      const advisor = await shop.api<{ id: number }>('staff.create', { name: '刘洋', roles: ['advisor'], pin: '1470' }, admin)
      const c = await shop.api<{ id: number; vehicles: Array<{ id: number }> }>(
        'customers.create',
        { name: '张伟', phone: '13812345678', address: '深圳市南山区深南大道 1 号', wants: '希望周末取车', vehicle: { plate: '粤B·12345', make: '大众', model: '朗逸' } },
        admin
      )
      deliver(shop.dataDir, { customerId: c.id, vehicleId: c.vehicles[0]!.id, advisorId: advisor.id, deliveredAt: '2026-12-04T01:30:00Z' })

      // The day it left: nothing to call yet.
      await signIn(page, shop, '王芳', '1357')
      await page.getByRole('link', { name: '回访' }).click()
      await expect(page.getByTestId('today-heading')).toHaveText('今日应办 0 项，逾期 0 项')
      await expect(page.getByText('今日没有待办回访。')).toBeVisible()

      // Monday 7 December: three days on, the first call is due, with why.
      later = await serverAt(shop.dataDir, '2026-12-07T01:30:00Z')
      await signIn(page, { ...shop, url: later.url }, '王芳', '1357')
      await page.getByRole('link', { name: '回访' }).click()
      await expect(page.getByTestId('today-heading')).toHaveText('今日应办 1 项，逾期 0 项')
      const row = page.getByTestId('followup-task')
      await expect(row).toContainText('张伟')
      await expect(row).toContainText('首次回访')
      await expect(row).toContainText('交车（WO-E2E-001）：交车后 3–7 天首次回访')
      await expect(row).toContainText('服务顾问：刘洋')
      mkdirSync('test-results/screens', { recursive: true })
      await page.screenshot({ path: 'test-results/screens/followup-today-zh-CN.png', fullPage: true })

      await row.getByRole('button', { name: '记录通话' }).click()
      const dialog = page.getByRole('dialog')
      await expect(dialog.getByTestId('call-phone')).toHaveText('13812345678')
      await dialog.getByText('有故障').click()
      await dialog.getByLabel('客户原话').fill('换完机油后发动机还是有异响。')
      await dialog.getByLabel('客户有投诉').check()
      await pick(page, '类别', '维修质量')
      await dialog.getByLabel('投诉内容（客户原话）').fill('修完还有异响，白跑一趟')
      await page.screenshot({ path: 'test-results/screens/followup-call-zh-CN.png', fullPage: true })
      await dialog.getByRole('button', { name: '保存通话' }).click()
      await expect(dialog).toBeHidden()
      await expect(page.getByText('今日没有待办回访。')).toBeVisible()

      // The complaint: one click away with its age and due times.
      await page.getByRole('tab', { name: /投诉/ }).click()
      const complaintRow = page.getByTestId('complaint-row')
      await expect(complaintRow).toContainText('张伟')
      await expect(complaintRow).toContainText('维修质量')
      await complaintRow.click()
      await expect(page.getByTestId('complaint-status')).toHaveText('新登记')
      await expect(page.getByText('WO-E2E-001')).toBeVisible()

      await page.getByRole('button', { name: '确认受理' }).click()
      await expect(page.getByTestId('complaint-status')).toHaveText('已受理')
      await page.getByRole('button', { name: '上报' }).click()
      await page.getByRole('dialog').getByLabel('说明').fill('客户要求车间主管亲自检查')
      await page.getByRole('dialog').getByRole('button', { name: '保存' }).click()
      await expect(page.getByText('前台主管').first()).toBeVisible()

      await page.getByRole('button', { name: '记录调查' }).click()
      await pick(page, '责任部门', '车间')
      await page.getByRole('dialog').getByText('是', { exact: true }).click()
      await page.getByRole('dialog').getByLabel('调查结果').fill('机油滤清器未拧紧，有轻微渗漏')
      await page.getByRole('dialog').getByRole('button', { name: '保存' }).click()
      await expect(page.getByTestId('complaint-status')).toHaveText('已调查')

      await page.getByRole('button', { name: '处理完毕' }).click()
      await page.getByRole('dialog').getByLabel('处理结果').fill('免费重新紧固并更换滤清器，赠送一次保养')
      await page.getByRole('dialog').getByRole('button', { name: '保存' }).click()
      await expect(page.getByTestId('complaint-status')).toHaveText('已处理')

      await page.getByRole('button', { name: '客户满意' }).click()
      await expect(page.getByTestId('complaint-status')).toHaveText('客户已确认')
      await page.screenshot({ path: 'test-results/screens/followup-complaint-zh-CN.png', fullPage: true })

      // The call is in the register, and the customer's file shows the visit, call and complaint.
      await page.getByRole('tab', { name: '电话登记表' }).click()
      await expect(page.getByTestId('register-row')).toContainText('换完机油后发动机还是有异响。')
      await page.goto(`${later.url}/#/followup/customer/${c.id}`)
      const history = page.getByTestId('followup-history')
      await expect(history).toContainText('WO-E2E-001')
      await expect(history).toContainText('首次回访')
      await expect(history).toContainText('客户已确认')
      await page.screenshot({ path: 'test-results/screens/followup-file-zh-CN.png', fullPage: true })
    } finally {
      await later?.stop()
      await shop.stop()
    }
  })

  test('in English: log an incoming call, find it in the call register, export it to XLSX', async ({ page, shop }) => {
    const admin = await shop.setupAdmin('Chen Jing', '2468')
    await shop.api('settings.setLocale', { locale: 'en' }, admin)
    await shop.api('staff.create', { name: 'Zhao Min', roles: ['frontdesk_supervisor'], pin: '1357' }, admin)
    await shop.api('customers.create', { name: '王芳', phone: '13600001234', vehicle: { plate: '京AD12345' } }, admin)
    await signIn(page, shop, 'Zhao Min', '1357')
    await page.getByRole('link', { name: 'Follow-up' }).click()
    await page.getByRole('button', { name: 'Log a call' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('Customer on file').fill('1234')
    await page.getByRole('option', { name: /王芳/ }).click()
    await dialog.getByLabel('Phone', { exact: false }).last().fill('136 0000 1234')
    await dialog.getByLabel('What the customer said (their words)').fill('Asked whether the winter check is free')
    await dialog.getByRole('button', { name: 'Save call' }).click()
    await expect(dialog).toBeHidden()
    await page.getByRole('tab', { name: 'Call register' }).click()
    const row = page.getByTestId('register-row')
    await expect(row).toContainText('王芳')
    await expect(row).toContainText('13600001234')
    await expect(row).toContainText('Enquiry')
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export XLSX' }).click()
    expect((await download).suggestedFilename()).toMatch(/^call-register-\d{4}-\d{2}-\d{2}\.xlsx$/)
    mkdirSync('test-results/screens', { recursive: true })
    await page.screenshot({ path: 'test-results/screens/followup-register-en.png', fullPage: true })

    // The supervisor decides that weekends are not counted.
    await page.getByRole('link', { name: 'Settings' }).click()
    await page.getByLabel('Skip weekends when counting due days').check({ force: true })
    await page.getByRole('heading', { name: 'Follow-up' }).locator('xpath=ancestor::div[contains(@class, "mantine-Card-root")]').getByRole('button', { name: 'Save' }).click()
    await expect.poll(async () => (await shop.api<{ skipWeekends: boolean }>('followup.settings.get', {}, admin)).skipWeekends).toBe(true)
  })
})
