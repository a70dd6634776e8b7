import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, signIn, test } from './fixtures'

test.describe('the parts ledger, end to end', () => {
  test('receive parts, approve and issue a requisition for a work order, count with one variance, post it, see the ledger card', async ({ page, browser, shop }) => {
    const admin = await shop.setupAdmin('陈静', '2468')
    const clerk = await shop.api<{ id: number }>('staff.create', { name: '王库管', roles: ['warehouse_clerk'], pin: '1357' }, admin)
    await shop.api('staff.create', { name: '赵主管', roles: ['workshop_supervisor'], pin: '2580' }, admin)
    const advisor = await shop.api<{ id: number }>('staff.create', { name: '刘顾问', roles: ['advisor'], pin: '1470' }, admin)
    const clerkToken = (await shop.api<{ token: string }>('auth.signIn', { staffId: clerk.id, pin: '1357' })).token
    const advisorToken = (await shop.api<{ token: string }>('auth.signIn', { staffId: advisor.id, pin: '1470' })).token
    const c = await shop.api<{ id: number; vehicles: Array<{ id: number }> }>(
      'customers.create',
      { name: '黄晓明', phone: '13712345678', vehicle: { plate: '粤B·D12345' } },
      admin
    )
    // The work order the workshop has open (the work-order part makes these; here it goes straight in).
    const db = new Database(join(shop.dataDir, 'frontdesk.sqlite3'))
    const now = new Date().toISOString()
    const workOrderId = Number(
      db
        .prepare("INSERT INTO work_orders (number, customer_id, vehicle_id, status, opened_at, created_at, updated_at) VALUES ('WO-E2E-001', ?, ?, 'in_progress', ?, ?, ?)")
        .run(c.id, c.vehicles[0]!.id, now, now, now).lastInsertRowid
    )
    db.close()
    const brakes = (await shop.api<Array<{ id: number; code: string }>>('parts.categories.list', {}, clerkToken)).find((x) => x.code === 'brakes')!.id
    await shop.api('parts.create', { partNo: 'BP-F-2041', name: '前刹车片', spec: '陶瓷', unit: '套', categoryId: brakes, bin: 'A-01', costCents: 12_800, priceCents: 18_000, reorderLevel: 2 }, clerkToken)
    await shop.api('parts.create', { partNo: 'OF-06J115', name: '机油滤清器', unit: '个', categoryId: brakes, bin: 'A-02', costCents: 3_200 }, clerkToken)

    // The clerk receives a delivery, typing (or scanning) part nos.
    await signIn(page, shop, '王库管', '1357')
    await page.getByRole('link', { name: '备件台账' }).click()
    await page.getByRole('tab', { name: '入库接收' }).click()
    const partNo = page.getByLabel('输入零件号后回车')
    await partNo.fill('BP-F-2041')
    await partNo.press('Enter')
    await page.getByLabel('数量 BP-F-2041').fill('10')
    await partNo.fill('of-06j115')
    await partNo.press('Enter')
    await page.getByLabel('数量 OF-06J115').fill('6')
    await page.getByRole('button', { name: '入库过账' }).click()
    await expect(page.getByText(/接收单 RK\d{8}-001 已过账/)).toBeVisible()
    await expect(page.getByRole('row', { name: /RK\d{8}-001/ })).toBeVisible()

    // The advisor asks for parts for the work order; the workshop supervisor approves it in the app.
    await shop.api(
      'parts.requisitions.create',
      {
        workOrderId,
        lines: [
          { partId: (await shop.api<{ id: number }>('parts.get', { partNo: 'BP-F-2041' }, advisorToken)).id, qty: 1 },
          { partId: (await shop.api<{ id: number }>('parts.get', { partNo: 'OF-06J115' }, advisorToken)).id, qty: 1 }
        ]
      },
      advisorToken
    )
    const supervisorPage = await browser.newPage()
    await signIn(supervisorPage, shop, '赵主管', '2580')
    await supervisorPage.getByRole('link', { name: '备件台账' }).click()
    await supervisorPage.getByRole('tab', { name: '领料单' }).click()
    const card = supervisorPage.getByTestId(/requisition-LL/)
    await expect(card).toContainText('WO-E2E-001')
    await expect(card).toContainText('待审批')
    await card.getByRole('button', { name: '批准' }).click()
    await expect(card).toContainText('已审批')
    await supervisorPage.close()

    // The clerk issues what was approved.
    await page.getByRole('tab', { name: '领料单' }).click()
    const req = page.getByTestId(/requisition-LL/)
    await req.getByRole('button', { name: '发料', exact: true }).click()
    await page.getByRole('dialog').getByRole('button', { name: '发料', exact: true }).click()
    // Fully issued, it leaves the open list; the whole list shows it issued.
    await expect(req).toHaveCount(0)
    await page.getByText('全部', { exact: true }).click()
    await expect(req).toContainText('已发料')

    // A count of the main store: one part is one short.
    await page.getByRole('tab', { name: '盘点' }).click()
    await expect(page.getByText(/库点不冻结/)).toBeVisible()
    await page.getByRole('button', { name: '开始盘点' }).click()
    const scan = page.getByLabel('零件号', { exact: true })
    const qty = page.getByLabel('实盘数')
    await scan.fill('BP-F-2041')
    await scan.press('Enter')
    await expect(qty).toBeFocused()
    await qty.fill('8')
    await qty.press('Enter')
    await expect(page.getByTestId('last-count')).toContainText('BP-F-2041')
    await expect(scan).toBeFocused()
    await scan.fill('OF-06J115')
    await scan.press('Enter')
    await qty.fill('5')
    await qty.press('Enter')
    await expect(page.getByText('已盘 2 / 2 行')).toBeVisible()
    await page.getByRole('button', { name: '差异' }).click()
    const variances = page.getByTestId('variances')
    await expect(variances.getByRole('row', { name: /BP-F-2041/ })).toContainText('-1')
    await expect(variances.getByRole('row', { name: /BP-F-2041/ })).toContainText('-¥128.00')
    await page.getByLabel('原因 BP-F-2041').fill('包装破损未登记')
    await page.getByRole('button', { name: '过账调整' }).click()
    await expect(page.getByText('盘点已过账')).toBeVisible()

    // The ledger card tells the whole story of the brake pads.
    await page.getByRole('tab', { name: '库存' }).click()
    await page.getByRole('row', { name: /BP-F-2041/ }).click()
    const ledger = page.getByTestId('ledger-card')
    await expect(ledger.getByRole('row')).toHaveCount(4)
    await expect(ledger).toContainText('入库')
    await expect(ledger).toContainText('领料发出')
    await expect(ledger).toContainText('盘点调整')
    await expect(ledger.getByRole('row').last()).toContainText('8')
    await expect(page.getByTestId('balance-1')).toHaveText('8 套')
    mkdirSync('test-results/screens', { recursive: true })
    await page.screenshot({ path: 'test-results/screens/parts-ledger-card-zh-CN.png', fullPage: true })
    await page.getByRole('button', { name: '返回' }).click()
    await page.screenshot({ path: 'test-results/screens/parts-stock-zh-CN.png', fullPage: true })

    const verify = await shop.api<{ mismatches: unknown[] }>('parts.verify', {}, clerkToken)
    expect(verify.mismatches).toEqual([])
  })

  test('in English: an import preview lists the bad row and why, imports nothing until it is fixed, then adds the stock', async ({ page, shop }) => {
    const admin = await shop.setupAdmin('Chen Jing', '2468')
    await shop.api('settings.setLocale', { locale: 'en' }, admin)
    await shop.api('staff.create', { name: 'Wang Clerk', roles: ['warehouse_clerk'], pin: '1357' }, admin)
    await signIn(page, shop, 'Wang Clerk', '1357')
    await page.getByRole('link', { name: 'Parts ledger' }).click()
    await page.getByRole('button', { name: 'Import' }).click()
    const dialog = page.getByRole('dialog')
    const bad = 'Part no.,Name,Unit,Category,Quantity\nBP-01,Brake pads,set,Brakes,10\nOF 01,Oil filter,pc,Filters,abc\n'
    await dialog.locator('input[type="file"]').setInputFiles({ name: 'parts.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) })
    await dialog.getByLabel(/ADDS to the stock/).check()
    await dialog.getByRole('button', { name: 'Preview' }).click()
    await expect(dialog.getByTestId('import-summary')).toHaveText('2 rows: 1 new, 0 changed, 0 unchanged, 1 with problems')
    await expect(dialog.getByRole('row', { name: /OF 01/ })).toContainText('not a part no.')
    await expect(dialog.getByRole('row', { name: /OF 01/ })).toContainText('not a whole number “abc”')
    await expect(dialog.getByRole('button', { name: /Import all/ })).toBeDisabled()
    const good = 'Part no.,Name,Unit,Category,Quantity\nBP-01,Brake pads,set,Brakes,10\nOF-01,Oil filter,pc,Filters,4\n'
    await dialog.locator('input[type="file"]').setInputFiles({ name: 'parts.csv', mimeType: 'text/csv', buffer: Buffer.from(good) })
    await dialog.getByRole('button', { name: 'Preview' }).click()
    await expect(dialog.getByRole('row', { name: /OF-01/ })).toContainText('Stock 0 → 4')
    await dialog.getByRole('button', { name: 'Import all 2 rows' }).click()
    await expect(page.getByText('Imported 2 rows')).toBeVisible()
    await expect(page.getByRole('row', { name: /OF-01/ })).toContainText('4 pc')
    mkdirSync('test-results/screens', { recursive: true })
    await page.screenshot({ path: 'test-results/screens/parts-stock-en.png', fullPage: true })
    await page.getByRole('tab', { name: 'Reconcile & old parts' }).click()
    await expect(page.getByText('Approved but not issued')).toBeVisible()
    await page.screenshot({ path: 'test-results/screens/parts-reconcile-en.png', fullPage: true })
    await page.getByRole('tab', { name: 'Reports' }).click()
    await expect(page.getByTestId('stock-report')).toContainText('Brakes')
    await page.screenshot({ path: 'test-results/screens/parts-reports-en.png', fullPage: true })
  })

  test('every page of the ledger and its settings panel opens without an error; a transfer to a station posts from the screen and is reversed from the ledger card', async ({ page, shop }) => {
    const admin = await shop.setupAdmin('陈静', '2468')
    const boss = await shop.api<{ id: number }>('staff.create', { name: '孙总监', roles: ['warehouse_clerk', 'service_director'], pin: '1357' }, admin)
    const token = (await shop.api<{ token: string }>('auth.signIn', { staffId: boss.id, pin: '1357' })).token
    const brakes = (await shop.api<Array<{ id: number; code: string }>>('parts.categories.list', {}, token)).find((x) => x.code === 'motor')!.id
    const part = await shop.api<{ id: number }>('parts.create', { partNo: 'MT-EV-60K', name: '驱动电机', unit: '台', categoryId: brakes, costCents: 860_000 }, token)
    await shop.api('parts.receipts.post', { lines: [{ partId: part.id, qty: 3 }] }, token)
    await shop.api('parts.locations.save', { code: 'ST1', name: '宝安服务站' }, token)
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await signIn(page, shop, '孙总监', '1357')
    await page.getByRole('link', { name: '备件台账' }).click()
    for (const tab of ['入库接收', '领料单', '调拨 · 报废 · 索赔核销', '盘点', '对账与旧件', '二次索赔', '报表', '库存']) {
      await page.getByRole('tab', { name: tab }).click()
      await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true')
    }
    await page.getByRole('tab', { name: '调拨 · 报废 · 索赔核销' }).click()
    await page.getByRole('combobox', { name: '调入' }).click()
    await page.getByRole('option', { name: '宝安服务站' }).click()
    await page.getByLabel('输入零件号后回车').fill('MT-EV-60K')
    await page.getByLabel('输入零件号后回车').press('Enter')
    await page.getByRole('button', { name: '过账' }).click()
    await expect(page.getByText('已过账')).toBeVisible()
    const got = await shop.api<{ balances: Array<{ qty: number }> }>('parts.get', { id: part.id }, token)
    expect(got.balances.map((b) => b.qty)).toEqual([2, 1])
    // Posted to the wrong station: reversed from the ledger card, with a reason.
    await page.getByRole('tab', { name: '库存' }).click()
    await page.getByRole('row', { name: /MT-EV-60K/ }).click()
    await page.getByTestId('ledger-card').getByRole('row', { name: /调拨/ }).first().getByRole('button', { name: '冲销' }).click()
    await page.getByRole('dialog').getByLabel('原因').fill('调错服务站')
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click()
    await expect(page.getByTestId('balance-1')).toHaveText('3 台')
    await expect(page.getByTestId('ledger-card')).toContainText('（冲销）')
    await page.getByRole('link', { name: '设置' }).click()
    await expect(page.getByText('领料审批')).toBeVisible()
    await expect(page.getByRole('cell', { name: '宝安服务站', exact: true })).toBeVisible()
    mkdirSync('test-results/screens', { recursive: true })
    await page.screenshot({ path: 'test-results/screens/parts-settings-zh-CN.png', fullPage: true })
    expect(errors).toEqual([])
  })
})
