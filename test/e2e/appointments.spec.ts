import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { pdfText } from '../helpers/pdf'
import { expect, signIn, startShop, test, type ShopServer } from './fixtures'

// The shop's clock starts at Friday 2026-12-04 09:00 in Shanghai and runs on from there.
const CLOCK = '2026-12-04T01:00:00.000Z'

interface Booked { id: number; version: number; number: string; plate: string }

test.describe('the appointment board, end to end', () => {
  let shop: ShopServer
  test.beforeEach(async () => {
    shop = await startShop({ clock: CLOCK })
  })
  test.afterEach(async () => {
    await shop.stop()
  })

  test('book, be refused on a clash with the next free slot offered, drag a booking, mark a late arrival, sign off as director, print the summary', async ({ page }) => {
    const admin = await shop.setupAdmin('陈静', '2468')
    const advisor = await shop.api<{ id: number }>('staff.create', { name: '王顾问', roles: ['advisor', 'frontdesk_supervisor'], pin: '1357' }, admin)
    await shop.api('staff.create', { name: '周总监', roles: ['service_director'], pin: '2580' }, admin)
    const bays: number[] = []
    for (const [i, name] of ['1号工位', '2号工位', '3号工位'].entries()) bays.push((await shop.api<{ id: number }>('appointments.bays.save', { name, sort: i }, admin)).id)
    const cars: Array<{ customerId: number; vehicleId: number; plate: string }> = []
    for (const [name, plate] of [['张伟', '粤B·E2E01'], ['李娜', '粤B·E2E02'], ['刘强', '粤B·E2E03'], ['陈芳', '粤B·E2E04']] as const) {
      const c = await shop.api<{ id: number; vehicles: Array<{ id: number; plate: string }> }>('customers.create', { name, phone: `1390000${String(cars.length).padStart(4, '0')}`, vehicle: { plate } }, admin)
      cars.push({ customerId: c.id, vehicleId: c.vehicles[0]!.id, plate: c.vehicles[0]!.plate })
    }
    const book = (car: number, startsAt: string, bay = 0) =>
      shop.api<Booked>('appointments.book', { ...cars[car], advisorId: advisor.id, bayId: bays[bay], startsAt, durationMinutes: 60, serviceType: 'maintenance', channel: 'phone' }, admin)
    // Tomorrow 09:00 in bay 1; and two bookings made earlier whose times the file is set back to:
    // one for 08:00 today (the customer is now an hour late) and one of yesterday, already settled.
    const tomorrow = await book(0, '2026-12-05T09:00')
    const today = await book(1, '2026-12-04T15:00')
    const yesterday = await book(2, '2026-12-04T17:00', 1)
    const file = new Database(join(shop.dataDir, 'frontdesk.sqlite3'))
    file.prepare("UPDATE appointments SET starts_at = '2026-12-04T08:00', ends_at = '2026-12-04T09:00' WHERE id = ?").run(today.id)
    file.prepare("UPDATE appointments SET starts_at = '2026-12-03T10:00', ends_at = '2026-12-03T11:00', status = 'arrived', arrival = 'on_time' WHERE id = ?").run(yesterday.id)
    file.close()

    await signIn(page, shop, '王顾问', '1357')
    await page.getByRole('link', { name: '预约看板' }).click()
    await expect(page.getByTestId('board-date')).toHaveText('2026-12-04')
    await expect(page.getByTestId('now-line')).toBeVisible()
    await expect(page.getByTestId('unsigned')).toContainText('2026-12-03')

    // Tomorrow is one click away; the unconfirmed booking stands out.
    await page.getByRole('button', { name: '明天', exact: true }).click()
    await expect(page.getByTestId('board-date')).toHaveText('2026-12-05')
    const first = page.locator('[data-testid="booking"][data-plate="粤B·E2E01"]')
    await expect(first).toContainText('未确认')

    // Book 陈芳 into the same bay at the same time: refused, naming the booking, with the next free slot offered.
    await page.getByRole('button', { name: '新建预约' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByPlaceholder('搜索姓名、电话或车牌').fill('E2E04')
    await dialog.getByRole('button', { name: /陈芳/ }).click()
    await expect(dialog.getByTestId('booking-customer')).toContainText('陈芳')
    await dialog.getByLabel('开始时间').fill('09:00')
    await dialog.getByLabel('客户描述').fill('发动机异响')
    await dialog.getByRole('button', { name: '预约', exact: true }).click()
    const clash = dialog.getByTestId('clash')
    await expect(clash).toContainText(`1号工位 已被 ${tomorrow.number}（粤B·E2E01）占用 09:00–10:00`)
    await expect(clash).toContainText('最近的空闲时段：2026-12-05 10:00 1号工位')
    await clash.getByRole('button', { name: '改用 12-05 10:00 1号工位' }).click()
    await dialog.getByRole('button', { name: '预约', exact: true }).click()
    await expect(dialog).toBeHidden()
    const mine = page.locator('[data-testid="booking"][data-plate="粤B·E2E04"]')
    await expect(mine).toContainText('10:00–11:00')

    // Drag it down by two slots (30 min): main re-checks and saves 10:30.
    const box = (await mine.boundingBox())!
    await page.mouse.move(box.x + box.width / 2, box.y + 20)
    await page.mouse.down()
    await page.mouse.move(box.x + box.width / 2, box.y + 50, { steps: 5 })
    await page.mouse.move(box.x + box.width / 2, box.y + 80, { steps: 5 })
    await page.mouse.up()
    await expect(mine).toContainText('10:30–11:30')
    // Dragging it up an hour onto the 09:00 booking (09:30) is refused and it stays where it was.
    const moved = (await mine.boundingBox())!
    await page.mouse.move(moved.x + moved.width / 2, moved.y + 20)
    await page.mouse.down()
    await page.mouse.move(moved.x + moved.width / 2, moved.y - 30, { steps: 5 })
    await page.mouse.move(moved.x + moved.width / 2, moved.y - 70, { steps: 5 })
    await page.mouse.up()
    await expect(page.getByText(/已被 A\d+（粤B·E2E01）占用/)).toBeVisible()
    await expect(mine).toContainText('10:30–11:30')

    // Today: the 08:00 customer arrives at 09:00+, past the ±15 min window: late, keeps the discount, loses the bay.
    await page.getByRole('button', { name: '今天', exact: true }).click()
    await page.locator('[data-testid="booking"][data-plate="粤B·E2E02"]').click()
    await page.getByRole('button', { name: '已到店' }).click()
    await expect(page.getByTestId('drawer-status')).toHaveText('迟到')
    await expect(page.getByText('保留预约客户工时优惠')).toBeVisible()
    await expect(page.getByText('已失去预留工位（1号工位）')).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('board-column').last()).toHaveText('无工位（迟到）')
    mkdirSync('test-results/screens', { recursive: true })
    await page.screenshot({ path: 'test-results/screens/board-zh-CN.png', fullPage: true })
    // Checking in hands the booking to the check-in page of the work-order part.
    await page.locator('[data-testid="booking"][data-plate="粤B·E2E02"]').click()
    await page.getByRole('button', { name: '接车', exact: true }).click()
    await expect(page).toHaveURL(new RegExp(`#/workorders/checkin/${today.id}$`))

    // The service director signs off yesterday; the board stops listing it.
    await page.getByRole('button', { name: '切换用户' }).click()
    await signIn(page, shop, '周总监', '2580')
    await page.getByRole('link', { name: '预约看板' }).click()
    await page.getByRole('button', { name: '签核 2026-12-03' }).click()
    await page.getByRole('dialog').getByRole('button', { name: '签核 2026-12-03' }).click()
    await expect(page.getByTestId('unsigned')).toBeHidden()
    await page.getByLabel('日期').fill('2026-12-03')
    await expect(page.getByText(/已由 周总监 于 .* 签核/)).toBeVisible()

    // The daily summaries hold the day's plates (and yesterday's, the director's sign-off).
    const summary = async (date: string) => {
      const ref = await shop.api<{ documentId: string }>('appointments.print.summary', { date, locale: 'zh-CN' }, admin)
      const res = await fetch(`${shop.url}/documents/${ref.documentId}`, { headers: { Authorization: `Bearer ${admin}` } })
      return (await pdfText(Buffer.from(await res.arrayBuffer()))).join('\n')
    }
    const before = await summary('2026-12-05')
    for (const s of ['日预约汇总表', '粤B·E2E01', '粤B·E2E04', '10:30–11:30']) expect(before).toContain(s)
    const after = await summary('2026-12-03')
    for (const s of ['粤B·E2E03', '准时到店', '周总监']) expect(after).toContain(s)
    const todays = await summary('2026-12-04')
    expect(todays).toContain('粤B·E2E02')
    expect(todays).toContain('迟到')
  })

  test('settings: bays, interval and blocked time; the board by advisor; moving with the keyboard; ticking the kit', async ({ page }) => {
    const admin = await shop.setupAdmin('陈静', '2468')
    const advisor = await shop.api<{ id: number }>('staff.create', { name: '王顾问', roles: ['advisor', 'frontdesk_supervisor'], pin: '1357' }, admin)
    await shop.api('staff.create', { name: '赵顾问', roles: ['advisor'], pin: '1470' }, admin)
    const c = await shop.api<{ id: number; vehicles: Array<{ id: number }> }>('customers.create', { name: '张伟', phone: '13900001111', vehicle: { plate: '粤B·K0001', model: '卡罗拉' } }, admin)

    await signIn(page, shop, '王顾问', '1357')
    await page.getByRole('link', { name: '设置' }).click()
    const panel = page.getByTestId('board-settings')
    const bayName = panel.getByRole('textbox', { name: '工位名称' }).last()
    for (const name of ['1号工位', '2号工位']) {
      await bayName.fill(name)
      await panel.getByRole('button', { name: '添加工位' }).click()
      await expect(panel.getByRole('textbox', { name: '工位名称' })).toHaveCount(name === '1号工位' ? 2 : 3)
    }
    await panel.getByLabel('同一服务顾问两次预约的最短间隔（分钟）').fill('30')
    await panel.getByRole('button', { name: '保存' }).click()
    await expect(page.getByText('已保存')).toBeVisible()
    await panel.getByText('服务顾问（请假）', { exact: true }).click()
    await panel.getByRole('combobox', { name: '停用对象' }).click()
    await page.getByRole('option', { name: '赵顾问' }).click()
    await panel.getByLabel('从', { exact: true }).fill('2026-12-05T08:00')
    await panel.getByLabel('至', { exact: true }).fill('2026-12-05T12:00')
    await panel.getByLabel('原因', { exact: true }).fill('请假')
    await panel.getByRole('button', { name: '添加停用时段' }).click()
    await expect(panel.getByText(/赵顾问 2026-12-05 08:00 – 2026-12-05 12:00 请假/)).toBeVisible()
    mkdirSync('test-results/screens', { recursive: true })
    await page.screenshot({ path: 'test-results/screens/board-settings-zh-CN.png', fullPage: true })

    const { bays } = await shop.api<{ bays: Array<{ id: number }> }>('appointments.settings.get', {}, admin)
    const a = await shop.api<Booked>('appointments.book', { customerId: c.id, vehicleId: c.vehicles[0]!.id, advisorId: advisor.id, bayId: bays[0]!.id, startsAt: '2026-12-04T14:00', durationMinutes: 60, serviceType: 'repair', channel: 'phone', complaint: '空调不凉', parts: [{ description: '空调滤芯', qty: 1 }] }, admin)
    // 赵顾问 is on leave on the 5th at 10:00: main refuses.
    const refused = await fetch(`${shop.url}/api/appointments.book`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${admin}` },
      body: JSON.stringify({ input: { customerId: c.id, vehicleId: c.vehicles[0]!.id, advisorId: advisor.id + 1, bayId: bays[1]!.id, startsAt: '2026-12-05T10:00', durationMinutes: 60, serviceType: 'repair', channel: 'phone' } })
    }).then((r) => r.json() as Promise<{ ok: boolean; error: { code: string } }>)
    expect(refused.error.code).toBe('board.clash_advisor_blocked')

    await page.getByRole('link', { name: '预约看板' }).click()
    const card = page.locator('[data-testid="booking"][data-plate="粤B·K0001"]')
    await expect(card).toContainText('14:00–15:00')
    // Keyboard: down moves 15 minutes, shift+down lengthens, right moves to the next bay.
    await card.focus()
    await page.keyboard.press('ArrowDown')
    await expect(card).toContainText('14:15–15:15')
    await card.focus()
    await page.keyboard.press('Shift+ArrowDown')
    await expect(card).toContainText('14:15–15:30')
    await card.focus()
    await page.keyboard.press('ArrowRight')
    await expect(page.getByTestId(`column-b${bays[1]!.id}`).locator('[data-testid="booking"]')).toHaveCount(1)
    // By advisor: the columns are the advisors.
    await page.getByText('按服务顾问').click()
    await expect(page.getByTestId('board-column')).toHaveText(['王顾问', '赵顾问'])
    // Open it with Enter and tick the kit; the tick names who did it.
    await card.focus()
    await page.keyboard.press('Enter')
    const drawer = page.getByRole('dialog')
    await expect(drawer.getByTestId('drawer-plate')).toHaveText('粤B·K0001')
    await drawer.getByRole('checkbox', { name: /三件套/ }).click()
    await expect(drawer.getByRole('checkbox', { name: /三件套/ })).toBeChecked()
    await expect(drawer.getByText(/王顾问，/)).toBeVisible()
    await page.screenshot({ path: 'test-results/screens/board-drawer-zh-CN.png' })
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: '新建预约' }).click()
    await page.getByRole('dialog').getByPlaceholder('搜索姓名、电话或车牌').fill('张伟')
    await page.screenshot({ path: 'test-results/screens/board-booking-form-zh-CN.png' })
  })

  test('the board in English and in Traditional Chinese shows only that language', async ({ page }) => {
    const admin = await shop.setupAdmin('Chen Jing', '2468')
    await shop.api('staff.create', { name: 'Wang', roles: ['advisor'], pin: '1357' }, admin)
    const bay = await shop.api<{ id: number }>('appointments.bays.save', { name: 'Bay 1', sort: 0 }, admin)
    const c = await shop.api<{ id: number; vehicles: Array<{ id: number }> }>('customers.create', { name: '黄晓明', phone: '13712345678', vehicle: { plate: '粤B·D12345' } }, admin)
    const staff = await shop.api<Array<{ id: number; name: string }>>('staff.list', {}, admin)
    await shop.api('appointments.book', { customerId: c.id, vehicleId: c.vehicles[0]!.id, advisorId: staff.find((s) => s.name === 'Wang')!.id, bayId: bay.id, startsAt: '2026-12-05T09:00', durationMinutes: 90, serviceType: 'warranty', channel: 'online' }, admin)
    await shop.api('settings.setLocale', { locale: 'en' }, admin)
    await signIn(page, shop, 'Wang', '1357')
    await page.getByRole('link', { name: 'Appointment board' }).click()
    await page.getByRole('button', { name: 'Tomorrow', exact: true }).click()
    const card = page.locator('[data-testid="booking"][data-plate="粤B·D12345"]')
    await expect(card).toContainText('Warranty')
    await expect(card).toContainText('Not confirmed')
    await expect(page.getByTestId('task-list')).toContainText('Reminder call (1 h before)')
    mkdirSync('test-results/screens', { recursive: true })
    await page.screenshot({ path: 'test-results/screens/board-en.png' })
    await page.getByText('繁體', { exact: true }).click()
    await expect(card).toContainText('保固')
    await expect(card).toContainText('未確認')
    await expect(page.getByRole('heading', { name: '預約看板' })).toBeVisible()
    await page.screenshot({ path: 'test-results/screens/board-zh-TW.png' })
  })
})

