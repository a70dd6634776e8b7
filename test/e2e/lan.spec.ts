import { freePort } from '../helpers/net'
import { mkdirSync } from 'node:fs'
import { expect, signIn, startShop, test } from './fixtures'

test.setTimeout(120_000)
test('two PCs, one shop: a workstation pairs with the host, and what one PC saves appears on the other', async ({ browser }) => {
  const host = await startShop()
  const station = await startShop()
  try {
    const admin = await host.setupAdmin('陈静', '2468')
    const lanPort = await freePort()
    await host.api('lan.configureHost', { enabled: true, address: '127.0.0.1', port: lanPort }, admin)

    // The workstation's first screen offers "connect to a host"; the host's Settings shows the code.
    const hostPc = await (await browser.newContext({ locale: 'zh-CN' })).newPage()
    await signIn(hostPc, host, '陈静', '2468')
    await hostPc.getByRole('link', { name: '设置' }).click()
    await hostPc.getByRole('button', { name: '配对新工作站' }).click()
    const code = (await hostPc.getByTestId('pairing-code').textContent())!.trim()

    const counter2 = await (await browser.newContext({ locale: 'zh-CN' })).newPage()
    await counter2.goto(station.url)
    await counter2.getByLabel(/^主机地址/).fill(`http://127.0.0.1:${lanPort}`)
    await counter2.getByLabel(/^配对码/).fill(code)
    await counter2.getByRole('button', { name: '连接', exact: true }).click()
    // Now the workstation shows the host's staff: sign in with the host's PIN.
    await counter2.getByRole('button', { name: '陈静', exact: true }).click()
    await counter2.getByLabel(/PIN/).fill('2468')
    await counter2.getByLabel(/PIN/).press('Enter')
    await expect(counter2.getByTestId('signed-in-as')).toHaveText('陈静')
    await counter2.getByRole('link', { name: '客户与车辆' }).click()

    // The host PC adds a customer; the workstation's open list shows them within seconds.
    await hostPc.getByRole('link', { name: '客户与车辆' }).click()
    await hostPc.getByRole('button', { name: '新建客户' }).click()
    const dialog = hostPc.getByRole('dialog')
    await dialog.getByLabel(/^姓名/).fill('黄晓明')
    await dialog.getByLabel(/^电话/).fill('13712345678')
    await dialog.getByLabel('车牌').fill('粤B·D12345')
    await dialog.getByRole('button', { name: '保存' }).click()
    await expect(counter2.getByRole('row', { name: /黄晓明/ })).toBeVisible({ timeout: 5000 })

    // One books, the other sees it appear: the workstation has tomorrow's board open; the host books.
    await counter2.getByRole('link', { name: '预约看板' }).click()
    await counter2.getByRole('button', { name: '明天' }).click()
    const boardDate = (await counter2.getByTestId('board-date').textContent())!.trim()
    const bay = await host.api<{ id: number }>('appointments.bays.save', { name: '1号工位', sort: 1 }, admin)
    const liu = await host.api<{ id: number }>('staff.create', { name: '刘洋', roles: ['advisor'], pin: '1357' }, admin)
    const found = await host.api<{ items: Array<{ id: number }> }>('customers.search', { query: 'D12345' }, admin)
    const customer = await host.api<{ id: number; vehicles: Array<{ id: number }> }>('customers.get', { id: found.items[0]!.id }, admin)
    await host.api('appointments.book', {
      customerId: customer.id, vehicleId: customer.vehicles[0]!.id, advisorId: liu.id, bayId: bay.id,
      startsAt: `${boardDate}T10:00`, durationMinutes: 60, serviceType: 'maintenance', channel: 'phone'
    }, admin)
    await expect(counter2.getByTestId('booking').filter({ hasText: 'D12345' })).toBeVisible({ timeout: 5000 })

    // The host's Settings lists the workstation with who is signed in there.
    await hostPc.getByRole('link', { name: '设置' }).click()
    await expect(hostPc.getByText('登录者：陈静')).toBeVisible({ timeout: 15_000 })
    mkdirSync('test-results/screens', { recursive: true })
    await counter2.screenshot({ path: 'test-results/screens/lan-workstation.png' })

    // The host goes away: the workstation says so at once.
    await host.stop()
    await counter2.getByRole('link', { name: '设置' }).click()
    await expect(counter2.getByTestId('host-lost')).toBeVisible({ timeout: 10_000 })
  } finally {
    await station.stop()
    await host.stop().catch(() => undefined)
  }
})
