import { deflateSync } from 'node:zlib'

/** Anything that makes calls as a signed-in member of staff (the sample shop, a test shop). */
export type Caller = (name: string, input: unknown) => Promise<unknown>

interface Order {
  id: number
  version: number
  number: string
  inspection: { items: Array<{ id: number; label: string; unit: string | null }> } | null
  lines: Array<{ id: number; section: string; description: string; partId: number | null; partNo: string | null; qtyMilli: number; unitCents: number; discountBp: number; warrantyCategory: string | null; inspectionItemId: number | null }>
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (buf: Buffer): number => {
  let c = 0xffffffff
  for (const b of buf) c = (crcTable[(c ^ b) & 0xff] as number) ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
const chunk = (type: string, data: Buffer): Buffer => {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(td))
  return Buffer.concat([len, td, crc])
}

/** A believable handwritten stroke as a PNG data URL, as signature_pad would hand over. */
export function signaturePng(seed = 1): string {
  const w = 240
  const h = 70
  const px = Buffer.alloc((w * 4 + 1) * h)
  const dot = (x: number, y: number) => {
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++) {
        const xx = Math.round(x + dx)
        const yy = Math.round(y + dy)
        if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue
        const o = yy * (w * 4 + 1) + 1 + xx * 4
        px[o + 3] = 255
      }
  }
  for (let x = 12; x < w - 12; x += 0.25) {
    const y = 35 + Math.sin(x / (9 + seed)) * 18 * Math.cos(x / 47) + Math.sin(x / 3.1) * 3
    dot(x, y)
  }
  for (let y = 0; y < h; y++) px[y * (w * 4 + 1)] = 0
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(w, 0)
  ihdr.writeUInt32BE(h, 4)
  ihdr[8] = 8
  ihdr[9] = 6
  const png = Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(px)),
    chunk('IEND', Buffer.alloc(0))
  ])
  return `data:image/png;base64,${png.toString('base64')}`
}

/** A stand-in for a workshop photo (a brake pad against a grey bench), as an opaque PNG data URL. */
export function photoPng(): string {
  const w = 160
  const h = 120
  const px = Buffer.alloc((w * 3 + 1) * h)
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const o = y * (w * 3 + 1) + 1 + x * 3
      const pad = x > 40 && x < 120 && y > 45 && y < 75
      const wear = pad && y > 62
      const g = pad ? (wear ? 60 : 110) : 170 + Math.round((x + y) / 10)
      px[o] = pad ? g + 20 : g
      px[o + 1] = g
      px[o + 2] = pad ? g - 10 : g + 5
    }
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(w, 0)
  ihdr.writeUInt32BE(h, 4)
  ihdr[8] = 8
  ihdr[9] = 2
  const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(px)), chunk('IEND', Buffer.alloc(0))])
  return `data:image/png;base64,${png.toString('base64')}`
}

const PARTS: Array<[string, string, number]> = [
  ['前制动片（原厂）', 'BP-2041-F', 48_000],
  ['机油滤清器', 'OF-1187', 6_800],
  ['全合成机油 5W-30（升）', 'OIL-5W30', 9_500],
  ['空气滤清器', 'AF-3302', 12_000],
  ['空调滤芯', 'CF-0915', 8_800],
  ['火花塞', 'SP-7710', 7_200],
  ['雨刮片（对）', 'WB-2418', 15_800],
  ['制动液 DOT4（升）', 'BF-DOT4', 6_500]
]
const LABOUR: Array<[string, number]> = [
  ['更换前制动片', 1200],
  ['更换机油机滤', 500],
  ['检查冷车异响', 800],
  ['四轮定位', 1000],
  ['更换空调滤芯', 300],
  ['制动液更换', 700]
]

/**
 * The demo repair: a booked Chinese car checked in with three damage marks, inspected (front pads
 * urgent, approved; wipers soon, declined), priced, signed, repaired and delivered.
 */
export async function deliveredOrder(call: Caller, vehicleId: number, mileageKm: number, advance: (ms: number) => void): Promise<number> {
  const sig = signaturePng(1)
  const { id } = (await call('workorders.checkIn', {
    vehicleId,
    mileageKm,
    fuelEighths: 5,
    warningLights: ['engine', 'tpms'],
    tyres: '米其林 205/55R16，左前胎侧有轻微擦伤',
    valuables: '行车记录仪、雨伞',
    customerWords: '冷车启动时发动机有异响，刹车时方向盘抖动。',
    protectiveKit: ['seat', 'wheel', 'mat'],
    bay: '2',
    payType: 'customer',
    damages: [
      { view: 'left', x: 300, y: 560, kind: 'scratch', note: '左前门下沿划痕约 10 cm' },
      { view: 'front', x: 720, y: 700, kind: 'dent', note: '前保险杠右侧小凹陷' },
      { view: 'rear', x: 250, y: 520, kind: 'crack', note: '左尾灯罩裂纹' }
    ],
    customerSignature: sig,
    advisorSignature: signaturePng(2)
  })) as { id: number }
  advance(20 * 60_000)
  let o = (await call('workorders.get', { id })) as Order
  o = (await call('workorders.inspection.start', { id, version: o.version })) as Order
  const items = o.inspection?.items ?? []
  const urgent = items[7] as { id: number }
  const soon = items.find((i) => i.unit === null && /wiper|雨刮|雨刷/i.test(i.label)) ?? (items[20] as { id: number })
  o = (await call('workorders.inspection.save', {
    id,
    version: o.version,
    inspector: '王师傅',
    complete: true,
    items: items.map((i) => ({
      id: i.id,
      result: i.id === urgent.id ? 'urgent' : i.id === soon.id ? 'soon' : 'ok',
      measurement: i.id === urgent.id ? '2.5' : i.unit === 'mm' ? '6.0' : i.unit === 'kPa' ? '230' : i.unit === 'V' ? '12.6' : null,
      note: i.id === urgent.id ? '已接近磨损极限' : i.id === soon.id ? '刮水有条纹' : null
    }))
  })) as Order
  await call('workorders.photos.add', { workOrderId: id, subject: 'inspection', subjectId: urgent.id, caption: '前制动片', dataUrl: photoPng() })
  o = (await call('workorders.get', { id })) as Order
  o = (await call('workorders.inspection.decide', { id, version: o.version, itemId: urgent.id, decision: 'approved' })) as Order
  o = (await call('workorders.inspection.decide', { id, version: o.version, itemId: soon.id, decision: 'declined' })) as Order
  const [pads, filter, oil] = PARTS
  o = (await call('workorders.update', {
    id,
    version: o.version,
    arrivalMode: 'driven',
    repairCategory: 'minor',
    payType: 'customer',
    complaint: '冷车启动时发动机有异响，刹车时方向盘抖动。',
    diagnosis: '前制动片剩余 2.5 mm，前制动盘轻微变形；冷车异响为正时皮带张紧轮轴承磨损初期，建议观察。',
    technician: '王师傅',
    workSection: '机修一组',
    bay: '2',
    advisorId: null,
    promisedAt: '2026-12-04T17:30',
    kind: 'shop',
    lines: [
      { section: 'diagnosis', description: '故障诊断', qtyMilli: 1000, unitCents: 10_000, discountBp: 0 },
      ...o.lines.map((l) => ({ ...l, qtyMilli: 1200, discountBp: 1000, warrantyCategory: 'chassis' })),
      { section: 'labour', description: '更换机油机滤', qtyMilli: 500, unitCents: 12_000, discountBp: 1000 },
      { section: 'parts', description: pads?.[0], partNo: pads?.[1], qtyMilli: 1000, unitCents: pads?.[2], discountBp: 0, warrantyCategory: 'chassis' },
      { section: 'parts', description: filter?.[0], partNo: filter?.[1], qtyMilli: 1000, unitCents: filter?.[2], discountBp: 0 },
      { section: 'parts', description: oil?.[0], partNo: oil?.[1], qtyMilli: 4500, unitCents: oil?.[2], discountBp: 500 },
      { section: 'customer_parts', description: '客户自带雨刮片', qtyMilli: 1000, unitCents: 0, discountBp: 0 },
      { section: 'outside', description: '制动盘光盘（外协）', qtyMilli: 2000, unitCents: 8_000, discountBp: 0, warrantyCategory: 'chassis' }
    ]
  })) as Order
  o = (await call('workorders.approve', { id, version: o.version, method: 'signature', signerName: '黄晓明', signature: sig })) as Order
  advance(30 * 60_000)
  o = (await call('workorders.setStatus', { id, version: o.version, to: 'in_progress' })) as Order
  advance(3 * 3_600_000)
  o = (await call('workorders.setStatus', { id, version: o.version, to: 'done' })) as Order
  const replaced = o.lines.filter((l) => l.section === 'parts')
  o = (await call('workorders.report.save', {
    workOrderId: id,
    findings: '前制动片磨损至 2.5 mm；前制动盘端面跳动 0.08 mm；冷车异响来自张紧轮。',
    workDone: '更换前制动片，前制动盘外协光盘；更换机油机滤；路试制动无抖动。',
    oldParts: replaced.map((l, i) => ({ lineId: l.id, fate: i === 0 ? 'returned' : i === 1 ? 'waived' : 'warranty_claim' }))
  })) as Order
  o = (await call('workorders.report.sign', { workOrderId: id, signerName: '黄晓明', signature: sig })) as Order
  advance(30 * 60_000)
  await call('workorders.setStatus', { id, version: o.version, to: 'delivered' })
  return id
}

/** A large repair with `count` lines across every fee section, as a long settlement list. */
export async function longOrder(call: Caller, vehicleId: number, mileageKm: number, count = 40): Promise<number> {
  const { id } = (await call('workorders.checkIn', { vehicleId, mileageKm, fuelEighths: 3, customerWords: '事故后全面检修', arrivalMode: 'accident' })) as { id: number }
  const o = (await call('workorders.get', { id })) as Order
  const lines = Array.from({ length: count }, (_, i) => {
    if (i === 0) return { section: 'diagnosis', description: '事故车全面检测', qtyMilli: 1000, unitCents: 20_000, discountBp: 0 }
    if (i % 3 === 1) {
      const [d, h] = LABOUR[i % LABOUR.length] as [string, number]
      return { section: 'labour', description: `${d}（${i}）`, qtyMilli: h + (i % 4) * 250, unitCents: 12_000, discountBp: i % 5 === 0 ? 1000 : 0 }
    }
    if (i % 7 === 0) return { section: 'outside', description: `外协钣金喷漆 ${i}`, qtyMilli: 1000, unitCents: 35_000 + i * 100, discountBp: 0 }
    const [d, no, price] = PARTS[i % PARTS.length] as [string, string, number]
    return { section: 'parts', description: d, partNo: `${no}-${i}`, qtyMilli: 1000 + (i % 3) * 1000, unitCents: price, discountBp: i % 4 === 0 ? 500 : 0 }
  })
  await call('workorders.update', {
    id,
    version: o.version,
    arrivalMode: 'accident',
    repairCategory: 'major',
    payType: 'insurance',
    complaint: '追尾事故，前部受损',
    diagnosis: '前保险杠、散热器框架、左前大灯损坏；冷凝器变形。',
    technician: '李师傅',
    workSection: '钣喷组',
    bay: '4',
    promisedAt: '2026-12-09T17:00',
    kind: 'shop',
    lines
  })
  return id
}
