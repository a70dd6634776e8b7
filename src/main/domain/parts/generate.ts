import type { Db } from '../../db/types'
import { searchKey } from './master'

/** A believable shelf of parts: [part no., name, specification, unit, category code, bin, cost in yuan]. */
export const DEMO_PARTS: Array<[string, string, string, string, string, string, number]> = [
  ['BP-F-2041', '前刹车片', '陶瓷 · 朗逸/速腾', '套', 'brakes', 'A-01-01', 128],
  ['BP-R-2042', '后刹车片', '陶瓷 · 朗逸/速腾', '套', 'brakes', 'A-01-02', 96],
  ['BD-F-2201', '前刹车盘', '288mm 通风盘', '个', 'brakes', 'A-02-01', 215],
  ['OF-06J115', '机油滤清器', '06J 115 403Q', '个', 'filters', 'B-01-01', 32],
  ['AF-1K0129', '空气滤清器', '1K0 129 620', '个', 'filters', 'B-01-02', 45],
  ['CF-5Q0819', '空调滤清器', '活性炭 5Q0 819 653', '个', 'filters', 'B-01-03', 58],
  ['OIL-5W30-4', '全合成机油', '5W-30 SN 4L', '桶', 'fluids', 'C-01-01', 268],
  ['BF-DOT4-1', '制动液', 'DOT4 1L', '瓶', 'fluids', 'C-01-02', 42],
  ['SP-NGK-ILZ', '火花塞', 'NGK 铱金 ILZKR7B11', '个', 'electrical', 'D-01-01', 56],
  ['BAT-60AH', '蓄电池', '12V 60Ah 免维护', '个', 'electrical', 'D-02-01', 520],
  ['MT-EV-60K', '驱动电机总成', '60kW 永磁同步', '台', 'motor', 'M-01-01', 8600],
  ['CT-EV-MCU', '电机控制器', 'MCU 350V', '台', 'controller', 'M-01-02', 4200],
  ['RA-ASSY-01', '后桥总成', '扭力梁式', '套', 'rear_axle', 'M-02-01', 3100],
  ['DF-GEAR-01', '差速器总成', '开放式 4.1', '套', 'differential', 'M-02-02', 2600],
  ['FR-BRKT-03', '车架前横梁', '焊接件', '件', 'frame', 'M-03-01', 780],
  ['SA-F-L-330', '前减震器（左）', 'KYB 333 等效', '个', 'front_shock', 'E-01-01', 410],
  ['SA-F-R-331', '前减震器（右）', 'KYB 334 等效', '个', 'front_shock', 'E-01-02', 410],
  ['RIM-16-W01', '轮辋', '16 寸 焊接钢圈', '个', 'rim_weld', 'E-02-01', 350],
  ['WB-600-450', '雨刮片', '600/450mm 无骨', '对', 'other', 'F-01-01', 68],
  ['BULB-H7-55', '前大灯灯泡', 'H7 12V 55W', '个', 'electrical', 'D-01-02', 25]
]

function rng(seed: number): () => number {
  let x = seed >>> 0 || 1
  return () => {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    return (x >>> 0) / 4_294_967_296
  }
}

/**
 * Fills an empty ledger for benchmarks: `parts` parts and `movements` receipts and issues spread
 * over them and the main store, inserted with prepared statements in one transaction (the balance
 * trigger keeps part_balances as it would in use).
 */
export function generateLedger(db: Db, at: Date, size: { parts: number; movements: number; seed: number }): void {
  const next = rng(size.seed)
  const cats = (db.prepare('SELECT id FROM part_categories ORDER BY id').all() as Array<{ id: number }>).map((c) => c.id)
  db.transaction(() => {
    const now = at.toISOString()
    const insertPart = db.prepare(
      `INSERT INTO parts (part_no, name, spec, unit, category_id, bin, cost_cents, price_cents, reorder_level, search, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    )
    for (let i = 0; i < size.parts; i++) {
      const [, name, spec, unit] = DEMO_PARTS[i % DEMO_PARTS.length]!
      const partNo = `P${String(i + 1).padStart(6, '0')}`
      const cost = 500 + Math.floor(next() * 200_000)
      const bin = `${String.fromCharCode(65 + (i % 20))}-${String(Math.floor(i / 20) % 99).padStart(2, '0')}`
      insertPart.run(partNo, name, spec, unit, cats[i % cats.length], bin, cost, Math.round(cost * 1.4), Math.floor(next() * 6), searchKey({ partNo, name, spec }), now, now)
    }
    const posting = db.prepare("INSERT INTO part_postings (kind, at, staff_name) VALUES (?, ?, 'bench')")
    const move = db.prepare('INSERT INTO part_movements (posting_id, kind, at, part_id, location_id, qty, unit_cost_cents) VALUES (?, ?, ?, ?, 1, ?, 1000)')
    const stock = new Int32Array(size.parts + 1)
    let postingId = 0
    for (let m = 0; m < size.movements; m++) {
      if (m % 10 === 0) postingId = Number(posting.run(m % 20 === 0 ? 'receipt' : 'issue', now).lastInsertRowid)
      const part = 1 + Math.floor(next() * size.parts)
      // Receipts bring 1–20; an issue takes 1–3 when there is stock, otherwise it becomes a receipt.
      const out = next() < 0.45 && stock[part]! > 0
      const qty = out ? -Math.min(stock[part]!, 1 + Math.floor(next() * 3)) : 1 + Math.floor(next() * 20)
      stock[part] = stock[part]! + qty
      move.run(postingId, out ? 'issue' : 'receipt', now, part, qty)
    }
  })()
}
