import type { FollowupTask, Letter } from '../../src/shared/contract/followup'
import type { SampleShop } from './shop'
import type { Sample } from './types'

interface Seeded {
  letterId: number
}

const seeded = new WeakMap<SampleShop, Promise<Seeded>>()

/**
 * Once per sample shop: eight vehicles delivered over the last ten days, a morning of follow-up
 * calls on them (reached with ratings and the customer's words, no answer, a call-back, a wrong
 * number), a customer ringing in, and an invitation letter.
 */
function seed(shop: SampleShop): Promise<Seeded> {
  let s = seeded.get(shop)
  if (!s) {
    s = build(shop)
    seeded.set(shop, s)
  }
  return s
}

async function build(shop: SampleShop): Promise<Seeded> {
  const home = shop.clock.now()
  const db = shop.core.db
  const vehicles = db.prepare('SELECT id, customer_id AS customerId, mileage_km AS km FROM vehicles ORDER BY id LIMIT 8').all() as Array<{ id: number; customerId: number; km: number }>
  const insert = db.prepare(
    `INSERT INTO work_orders (number, customer_id, vehicle_id, status, complaint, mileage_km, opened_at, delivered_at, total_cents, created_at, updated_at)
     VALUES (?, ?, ?, 'delivered', ?, ?, ?, ?, ?, ?, ?)`
  )
  const jobs = ['常规保养：更换机油、机滤', '更换前刹车片', '空调不制冷，加注冷媒', '四轮定位', '更换蓄电池', '发动机故障灯亮，检修点火线圈', '更换雨刮片、玻璃水', '轮胎换位及动平衡']
  db.transaction(() => {
    vehicles.forEach((v, i) => {
      const delivered = new Date(home.getTime() - (3 + (i % 5)) * 86_400_000 - 3 * 3_600_000)
      const opened = new Date(delivered.getTime() - 6 * 3_600_000).toISOString()
      insert.run(`WO-2026-${String(1200 + i)}`, v.customerId, v.id, jobs[i], v.km, opened, delivered.toISOString(), 38_000 + i * 12_500, opened, opened)
    })
  })()
  const today = (await shop.call('followup.today', {})) as { items: FollowupTask[] }
  const script: Array<Record<string, unknown>> = [
    { outcome: 'reached', satisfaction: 5, vehicleRuns: 'well', customerWords: '车开着很顺，服务顾问解释得很清楚。' },
    { outcome: 'reached', satisfaction: 4, vehicleRuns: 'well', customerWords: '刹车比以前好多了，就是等待时间稍长。' },
    { outcome: 'no_answer' },
    { outcome: 'reached', satisfaction: 2, vehicleRuns: 'minor_issue', customerWords: '空调还是有点异味。', request: '希望下次来免费做一次空调清洗', complaint: { category: 'quality', description: '空调修完还有异味' } },
    { outcome: 'call_back', callBackAt: '2026-12-04T16:30', notes: '客户在开会' },
    { outcome: 'wrong_number', notes: '空号' },
    { outcome: 'reached', satisfaction: 5, vehicleRuns: 'well', customerWords: '很满意，下次保养还来。' }
  ]
  let minutes = 0
  for (const [i, task] of today.items.filter((x) => x.channel === 'phone').entries()) {
    const facts = script[i % script.length] as Record<string, unknown>
    shop.clock.set(new Date(home.getTime() + (minutes += 7) * 60_000))
    await shop.call('followup.calls.record', { taskId: task.id, taskVersion: task.version, ...facts })
  }
  shop.clock.set(new Date(home.getTime() + (minutes += 11) * 60_000))
  await shop.call('followup.calls.inbound', {
    customerId: vehicles[5]?.customerId, phone: '13922223333', purpose: 'booking', outcome: 'reached', customerWords: '想预约下周六上午保养'
  })
  shop.clock.set(home)
  const letter = (await shop.call('followup.letters.create', {
    customerId: 3,
    kind: 'invitation',
    subject: '冬季免费安全检测邀请函',
    body:
      '感谢您一直以来对本店的信任与支持。\n冬季气温降低，蓄电池、轮胎、防冻液和暖风系统进入高负荷期。本店将于 2026 年 12 月 19 日至 20 日举办冬季免费安全检测活动，届时为您的爱车免费检测 28 项，并赠送玻璃水一瓶。\n欢迎您提前致电预约，我们将安排专属服务顾问接待。'
  })) as Letter
  return { letterId: letter.id }
}

/** The follow-up part's printed documents, filled from the demo shop. */
export const followupSamples: Sample[] = [
  {
    name: 'letter',
    render: async (shop, locale) => shop.pdf('followup.letters.print', { id: (await seed(shop)).letterId, locale })
  },
  {
    name: 'call-register',
    render: async (shop, locale) => {
      await seed(shop)
      return shop.pdf('followup.print.callRegister', { from: '2026-12-04', to: '2026-12-04', locale })
    }
  }
]
