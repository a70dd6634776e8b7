import { mkdirSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { signaturePng } from '../../scripts/samples/workorders-scenario'
import { expect, signIn, startShop, type ShopServer, test } from './fixtures'

// Friday 2026-12-04 09:00 in Shanghai.
const CLOCK = '2026-12-04T01:00:00.000Z'

/** Draws a signature stroke across a signature_pad canvas. */
async function sign(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).scrollIntoViewIfNeeded()
  const box = await page.getByTestId(testId).boundingBox()
  if (!box) throw new Error(`${testId} not visible`)
  await page.mouse.move(box.x + 20, box.y + box.height / 2)
  await page.mouse.down()
  for (let i = 1; i <= 20; i++) await page.mouse.move(box.x + 20 + i * 12, box.y + box.height / 2 + Math.sin(i) * 25)
  await page.mouse.up()
}

async function clickOutline(page: Page, view: string, fx: number, fy: number): Promise<void> {
  await page.getByTestId(`outline-${view}`).scrollIntoViewIfNeeded()
  const box = await page.getByTestId(`outline-${view}`).boundingBox()
  if (!box) throw new Error(`outline ${view} not visible`)
  await page.mouse.click(box.x + box.width * fx, box.y + box.height * fy)
}

test.describe('check-in to delivery, end to end', () => {
  let shop: ShopServer
  test.beforeEach(async () => {
    shop = await startShop({ clock: CLOCK })
  })
  test.afterEach(async () => {
    await shop.stop()
  })

  test('check a booked car in, mark two damages, inspect (one urgent approved, one declined), build the order, sign, finish, print the warranty slip', async ({ page }) => {
    test.setTimeout(120_000)
    const admin = await shop.setupAdmin('陈静', '2468')
    const advisor = await shop.api<{ id: number }>('staff.create', { name: '王顾问', roles: ['advisor'], pin: '1357' }, admin)
    const bay = await shop.api<{ id: number }>('appointments.bays.save', { name: '2号工位', sort: 0 }, admin)
    const c = await shop.api<{ id: number; vehicles: Array<{ id: number }> }>(
      'customers.create',
      { name: '黄晓明', phone: '13712345678', vehicle: { plate: '粤B·D12345', make: '比亚迪', model: '秦PLUS', mileageKm: 12_000 } },
      admin
    )
    const booking = await shop.api<{ id: number }>(
      'appointments.book',
      { customerId: c.id, vehicleId: c.vehicles[0]?.id, advisorId: advisor.id, bayId: bay.id, startsAt: '2026-12-04T10:00', durationMinutes: 60, serviceType: 'repair', complaint: '刹车时方向盘抖动', channel: 'phone' },
      admin
    )

    await signIn(page, shop, '王顾问', '1357')
    await page.goto(`${shop.url}/#/workorders/checkin/${booking.id}`)
    await expect(page.getByTestId('checkin-vehicle')).toContainText('粤B·D12345')

    // A reading below the last visit is questioned, then taken once confirmed.
    await page.getByRole('textbox', { name: /^里程/ }).fill('11000')
    await page.getByRole('button', { name: '接车', exact: true }).click()
    await expect(page.getByText(/低于上次到店的 12000 公里/)).toBeVisible()
    await expect(page.getByRole('checkbox', { name: /里程表读数确实低于上次/ })).toBeVisible()
    await page.getByRole('textbox', { name: /^里程/ }).fill('12600')

    await page.getByText('划痕', { exact: true }).click()
    await clickOutline(page, 'left', 0.3, 0.6)
    await page.getByText('凹陷', { exact: true }).click()
    await clickOutline(page, 'front', 0.7, 0.7)
    await expect(page.getByTestId('damage-list').getByRole('row')).toHaveCount(2)
    await page.getByLabel('备注（位置、大小） 1').fill('左前门下沿划痕')
    await sign(page, 'sig-customer')
    mkdirSync('test-results/screens', { recursive: true })
    await page.screenshot({ path: 'test-results/screens/workorders-checkin-zh-CN.png', fullPage: true })
    await page.getByRole('button', { name: '接车', exact: true }).click()

    await expect(page.getByTestId('order-number')).toHaveText('WO20261204-001')
    await expect(page.getByTestId('order-status')).toHaveText('待确认')
    await expect(page.getByTestId('damage-list').getByRole('row')).toHaveCount(2)

    // The inspection: front pads urgent, wipers soon.
    await page.getByRole('tab', { name: '检查' }).click()
    await page.getByRole('button', { name: '开始检查' }).click()
    const pads = page.getByTestId('item-前制动片')
    await pads.getByText('× 紧急', { exact: true }).click()
    await pads.getByLabel('前制动片 测量值').fill('2.5')
    await page.getByTestId('item-雨刮').getByText('△ 近期注意', { exact: true }).click()
    // A photo of the worn pad, from a file: kept in the data folder, shown beside the item.
    const png = Buffer.from(signaturePng().split(',')[1] as string, 'base64')
    await pads.locator('input[type=file]').setInputFiles({ name: 'pads.png', mimeType: 'image/png', buffer: png })
    await expect(pads.locator('img')).toHaveCount(1)
    await page.getByRole('button', { name: '检查完成' }).click()
    await page.getByTestId('suggestion-前制动片').getByRole('button', { name: '客户同意' }).click()
    await expect(page.getByTestId('suggestion-前制动片')).toContainText('已加入委托书')
    await page.getByTestId('suggestion-雨刮').getByRole('button', { name: '客户拒绝' }).click()
    await expect(page.getByTestId('suggestion-雨刮')).toContainText('已拒绝')
    await page.screenshot({ path: 'test-results/screens/workorders-inspection-zh-CN.png', fullPage: true })

    // The order: the approved item is a labour line; add the part, save, the customer signs.
    await page.getByRole('tab', { name: '委托书' }).click()
    await expect(page.getByLabel('项目 1')).toHaveValue('前制动片')
    await page.getByRole('button', { name: '配件', exact: true }).click()
    await page.getByRole('combobox', { name: '项目 2' }).fill('前制动片（原厂）')
    await page.getByLabel('配件编号 2').fill('BP-2041-F')
    await page.getByLabel('单价（元） 2').fill('480')
    await page.getByRole('button', { name: '保存' }).click()
    // ¥120.00 + ¥480.00 = ¥600.00, tax 13 % = ¥78.00
    await expect(page.getByTestId('total')).toHaveText('¥678.00')
    await page.screenshot({ path: 'test-results/screens/workorders-order-zh-CN.png', fullPage: true })
    await page.getByRole('button', { name: '客户确认' }).click()
    await sign(page, 'sig-approve')
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click()
    await expect(page.getByTestId('order-status')).toHaveText('已确认')

    await page.getByRole('button', { name: '变更为: 维修中' }).click()
    await expect(page.getByTestId('order-status')).toHaveText('维修中')
    await page.getByRole('button', { name: '变更为: 已完工' }).click()
    await expect(page.getByTestId('order-status')).toHaveText('已完工')
    await page.getByRole('button', { name: '变更为: 已交车' }).click()
    await expect(page.getByTestId('order-status')).toHaveText('已交车')

    await page.getByRole('tab', { name: '保修' }).click()
    await expect(page.getByTestId('warranty-list')).toContainText('前制动片（原厂）')
    await page.screenshot({ path: 'test-results/screens/workorders-zh-CN.png', fullPage: true })
    const popup = page.waitForEvent('popup')
    await page.getByRole('button', { name: '保修单' }).click()
    await page.getByRole('menuitem', { name: /简体中文/ }).click()
    expect((await popup).url()).toMatch(/^blob:/)

    // At the next visit the declined wipers are shown at check-in.
    await page.goto(`${shop.url}/#/workorders/checkin`)
    await page.getByLabel('到店车辆车牌').fill('粤B·D12345')
    await page.getByRole('button', { name: '搜索' }).click()
    await expect(page.getByTestId('declined-before')).toContainText('雨刮')
  })
  test('the service director sets the tax rate; the open-orders list shows a late on-site job first', async ({ page }) => {
    const admin = await shop.setupAdmin('陈静', '2468')
    await shop.api('staff.create', { name: '周总监', roles: ['service_director', 'advisor'], pin: '2580' }, admin)
    const c = await shop.api<{ id: number; vehicles: Array<{ id: number }> }>('customers.create', { name: '李娜', phone: '13812345678', vehicle: { plate: '粤B·88888', mileageKm: 50_000 } }, admin)
    const c2 = await shop.api<{ id: number; vehicles: Array<{ id: number }> }>('customers.create', { name: '张伟', phone: '13912345678', vehicle: { plate: '粤B·66666', mileageKm: 1000 } }, admin)
    await shop.api('workorders.checkIn', { vehicleId: c.vehicles[0]?.id, mileageKm: 50_100, fuelEighths: 4 }, admin)
    // Promised an hour ago and an engine fault on site: both due times have passed.
    await shop.api('workorders.checkIn', { vehicleId: c2.vehicles[0]?.id, mileageKm: 1100, fuelEighths: 2, kind: 'onsite', onsiteAddress: '东莞', onsiteDistanceKm: 60, faultSystem: 'engine', promisedAt: '2026-12-04T08:00' }, admin)

    await signIn(page, shop, '周总监', '2580')
    await page.getByRole('link', { name: '设置' }).click()
    const panel = page.getByTestId('workorders-settings')
    await panel.getByLabel('税率（%）').fill('6')
    await panel.getByRole('button', { name: '保存' }).first().click()
    await expect.poll(async () => (await shop.api<{ taxRateBp: number }>('workorders.settings.get', {}, admin)).taxRateBp).toBe(600)

    await page.getByRole('link', { name: '接车与委托书' }).click()
    const rows = page.getByRole('row')
    await expect(rows.nth(1)).toContainText('粤B·66666')
    await expect(rows.nth(1)).toContainText('超时')
    await expect(rows.nth(2)).toContainText('粤B·88888')
    await page.screenshot({ path: 'test-results/screens/workorders-list-zh-CN.png', fullPage: true })
  })
  test('in English: a walk-in found by plate is checked in for on-site service and starts with the call-out fee', async ({ page }) => {
    const admin = await shop.setupAdmin('Chen Jing', '2468')
    await shop.api('settings.setLocale', { locale: 'en' }, admin)
    await shop.api('staff.create', { name: 'Wang Fang', roles: ['advisor'], pin: '1357' }, admin)
    await shop.api('customers.create', { name: '王芳', phone: '13600001234', vehicle: { plate: '京AD12345', mileageKm: 8000 } }, admin)
    await signIn(page, shop, 'Wang Fang', '1357')
    await page.getByRole('link', { name: 'Check-in & work orders' }).click()
    await page.getByRole('button', { name: 'Check in' }).click()
    await page.getByLabel('Plate of the arriving vehicle').fill('京AD12345')
    await page.getByRole('button', { name: 'Search' }).click()
    await expect(page.getByTestId('checkin-vehicle')).toContainText('王芳')
    await page.getByRole('textbox', { name: /^Mileage/ }).fill('8200')
    await page.getByText('On site', { exact: true }).click()
    await page.getByLabel('Address').fill('Dongguan, Songshan Lake')
    await page.getByLabel('Distance (km)').fill('60')
    await page.getByRole('button', { name: 'Check in', exact: true }).click()
    await expect(page.getByTestId('order-status')).toHaveText('Open')
    await expect(page.getByText('Response due')).toBeVisible()
    await page.getByRole('tab', { name: 'Work order' }).click()
    await expect(page.getByRole('combobox', { name: 'Section 1' })).toHaveValue('Call-out fee')
    await expect(page.getByTestId('total')).toHaveText(/339\.00/)
  })
})
