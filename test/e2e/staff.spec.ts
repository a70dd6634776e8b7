import { mkdirSync } from 'node:fs'
import { expect, signIn, test } from './fixtures'

test.describe('staff, audit and backups, end to end', () => {
  test('an administrator creates staff with roles; the advisor signs in with a PIN; the history shows who changed a phone', async ({ page, shop }) => {
    const admin = await shop.setupAdmin('陈静', '2468')
    await signIn(page, shop, '陈静', '2468')
    await page.getByRole('link', { name: '设置' }).click()
    await page.getByRole('button', { name: '添加员工' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel(/^姓名/).fill('刘洋')
    await dialog.getByLabel(/PIN/).fill('1357')
    await dialog.getByRole('button', { name: '保存' }).click()
    await expect(page.getByTestId('staff-table')).toContainText('刘洋')
    await expect(page.getByTestId('staff-table')).toContainText('服务顾问')

    const c = await shop.api<{ id: number; version: number }>('customers.create', { name: '张伟', phone: '13812345678' }, admin)
    // Switch user in two clicks: "switch user", then the name.
    await page.getByRole('button', { name: '切换用户' }).click()
    await page.getByRole('button', { name: '刘洋', exact: true }).click()
    await page.getByLabel(/PIN/).fill('1357')
    await page.getByLabel(/PIN/).press('Enter')
    await expect(page.getByTestId('signed-in-as')).toHaveText('刘洋')
    await page.goto(`${shop.url}/#/customers/${c.id}`)
    await page.getByRole('button', { name: '编辑' }).first().click()
    await page.getByRole('dialog').getByLabel(/^电话/).fill('13900000000')
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click()
    await page.getByRole('button', { name: /修改记录/ }).click()
    const history = page.getByTestId('history-table')
    await expect(history).toContainText('刘洋')
    await expect(history).toContainText('13812345678 → 13900000000')
  })

  test('back up to a folder and restore from it', async ({ page, shop }) => {
    const admin = await shop.setupAdmin('陈静', '2468')
    await shop.api('customers.create', { name: '张伟', phone: '13812345678' }, admin)
    await signIn(page, shop, '陈静', '2468')
    await page.getByRole('link', { name: '设置' }).click()
    await page.getByRole('button', { name: '立即备份' }).click()
    await expect(page.getByText(/已完成备份/)).toBeVisible()
    await shop.api('customers.create', { name: '李娜', phone: '13900001111' }, admin)
    await page.getByTestId('backup-files').getByRole('button', { name: '恢复…' }).first().click()
    await page.getByRole('dialog').getByRole('button', { name: '恢复…' }).click()
    await expect(page.getByText(/已恢复/)).toBeVisible()
    mkdirSync('test-results/screens', { recursive: true })
    await page.screenshot({ path: 'test-results/screens/settings-restore.png', fullPage: true })
    await page.keyboard.press('Escape')
    // Restoring signs everyone out; the restored data has 张伟 but not 李娜.
    await expect(page.getByRole('heading', { name: '谁在前台？' })).toBeVisible()
    const token = (await shop.api<{ token: string }>('auth.signIn', { staffId: 1, pin: '2468' })).token
    const found = await shop.api<{ items: Array<{ name: string }> }>('customers.search', { query: '' }, token)
    expect(found.items.map((i) => i.name)).toEqual(['张伟'])
  })
})
