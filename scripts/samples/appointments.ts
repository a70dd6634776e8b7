import { dispatch } from '../../src/main/core/dispatch'
import { actorOf } from '../../src/main/domain/staff/staff'
import type { SampleShop } from './shop'
import type { Sample } from './types'

interface Board {
  day: string
  bookingId: number
}

const boards = new WeakMap<SampleShop, Promise<Board>>()

/**
 * Fills the demo shop's board once: four bays, three advisors, and a full yesterday (arrived,
 * late, no-show, cancelled, signed off by the director) whose summary is the sample; the slip and
 * the windscreen card are of a booking for tomorrow.
 */
function board(shop: SampleShop): Promise<Board> {
  let b = boards.get(shop)
  if (!b) {
    b = build(shop)
    boards.set(shop, b)
  }
  return b
}

async function build(shop: SampleShop): Promise<Board> {
  const home = shop.clock.now()
  const as = async (local: string, name: string, input: unknown): Promise<any> => {
    shop.clock.set(new Date(`${local}:00+08:00`))
    const row = shop.core.db.prepare("SELECT id, name, roles FROM staff WHERE name = '陈静'").get() as { id: number; name: string; roles: string }
    const token = shop.core.sessions.open(actorOf(row)).token
    const r = await dispatch(shop.core, name, input, token)
    if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`)
    return r.value
  }
  const advisors = [(shop.core.db.prepare("SELECT id FROM staff WHERE name = '陈静'").get() as { id: number }).id]
  for (const name of ['刘洋', '黄丽']) advisors.push((await shop.call('staff.create', { name, roles: ['advisor'], pin: '1357' }) as { id: number }).id)
  const bays: number[] = []
  for (const [i, name] of ['1号工位 快保', '2号工位', '3号工位', '4号工位 钣喷'].entries()) bays.push((await shop.call('appointments.bays.save', { name, sort: i }) as { id: number }).id)
  const cars = shop.core.db.prepare('SELECT v.id AS vehicleId, v.customer_id AS customerId FROM vehicles v ORDER BY v.id LIMIT 12').all() as Array<{ vehicleId: number; customerId: number }>
  const words = ['保养到期，顺便检查空调', '刹车时有异响', '发动机故障灯亮', '更换轮胎，四轮定位', '三包：车窗升降失灵', '年检前检测', '机油保养', '雨刮器刮不干净']
  const types = ['maintenance', 'repair', 'repair', 'maintenance', 'warranty', 'inspection', 'maintenance', 'repair']
  const day = '2026-12-03'
  const ids: number[] = []
  for (let i = 0; i < 8; i++) {
    const car = cars[i] as { vehicleId: number; customerId: number }
    const a = await as('2026-12-02T16:00', 'appointments.book', {
      ...car,
      advisorId: advisors[i % 3],
      bayId: bays[i % 4],
      startsAt: `${day}T${String(8 + Math.floor(i / 3) * 2 + (i % 3)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`,
      durationMinutes: 60 + (i % 3) * 30,
      serviceType: types[i],
      complaint: words[i],
      parts: i % 2 === 0 ? [{ description: i % 4 === 0 ? '机油滤清器' : '前刹车片', qty: 1 }, { description: '机油 5W-30 4L', qty: 1 }] : [],
      channel: ['phone', 'online', 'walk_in'][i % 3]
    })
    ids.push(a.id)
  }
  for (const id of ids) {
    const a = await as('2026-12-02T17:00', 'appointments.get', { id })
    await as('2026-12-02T17:00', 'appointments.confirm', { id, version: a.version, bayChecked: true, partsChecked: true, timeChecked: true })
  }
  const outcome = ['arrive', 'arrive', 'late', 'arrive', 'noShow', 'cancel', 'arrive', 'late']
  for (const [i, id] of ids.entries()) {
    const a = await as('2026-12-03T07:00', 'appointments.get', { id })
    const start = a.startsAt as string
    const minute = Number(start.slice(14)) + (outcome[i] === 'late' ? 25 : outcome[i] === 'noShow' ? 40 : 5)
    const when = `${start.slice(0, 11)}${String(Number(start.slice(11, 13)) + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`
    const input = outcome[i] === 'cancel' ? { id, version: a.version, reason: '客户临时出差' } : { id, version: a.version }
    await as(outcome[i] === 'cancel' ? '2026-12-03T07:00' : when, outcome[i] === 'late' ? 'appointments.arrive' : `appointments.${outcome[i]}`, input)
  }
  await as('2026-12-04T09:30', 'appointments.signOff', { date: day, note: null })
  const next = cars[9] as { vehicleId: number; customerId: number }
  const tomorrow = await as('2026-12-04T10:00', 'appointments.book', {
    ...next,
    advisorId: advisors[1],
    bayId: bays[1],
    startsAt: '2026-12-05T09:30',
    durationMinutes: 90,
    serviceType: 'maintenance',
    complaint: '4 万公里保养，左前轮胎压报警',
    parts: [{ description: '机油滤清器', qty: 1 }, { description: '空气滤清器', qty: 1 }, { description: '机油 0W-20 4L', qty: 1 }],
    channel: 'phone',
    notes: '客户等车，需要休息区'
  })
  shop.clock.set(home)
  return { day, bookingId: tomorrow.id }
}

/** The appointments part's printed documents, filled from the demo shop. */
export const appointmentsSamples: Sample[] = [
  {
    name: 'appointment-summary',
    render: async (shop, locale) => shop.pdf('appointments.print.summary', { date: (await board(shop)).day, locale })
  },
  {
    name: 'appointment-slip',
    render: async (shop, locale) => shop.pdf('appointments.print.slip', { id: (await board(shop)).bookingId, locale })
  },
  {
    name: 'windscreen-card',
    render: async (shop, locale) => shop.pdf('appointments.print.windscreenCard', { id: (await board(shop)).bookingId, locale })
  }
]
