/**
 * One fresh process, one first render: `node --import tsx bench/suites/workorders-first-child.ts app|bare`
 * prints the milliseconds of the first work-order PDF after start (fonts not yet read), either
 * through the app's call or as a bare pdfmake document of the same 40 lines.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore } from '../../src/main/core/create'
import { dispatch } from '../../src/main/core/dispatch'
import { insertStaff } from '../../src/main/domain/staff/staff'
import { ensureFonts } from '../../src/main/print/fonts'
import { longOrder } from '../../scripts/samples/workorders-scenario'
import { bareWorkOrderDoc } from './workorders-bare'

async function main(): Promise<void> {
  const mode = process.argv[2]
  if (mode === 'bare') {
    const t0 = performance.now()
    await ensureFonts().createPdf(bareWorkOrderDoc(40)).getBuffer()
    process.stdout.write(JSON.stringify({ ms: performance.now() - t0 }))
    return
  }
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-bench-first-'))
  const core = createCore({ dataDir: dir })
  try {
    const actor = core.db.transaction(() => insertStaff(core.db, null, new Date(), 'bench', ['advisor'], '1234'))()
    const token = core.sessions.open(actor).token
    const call = async (name: string, input: unknown) => {
      const r = await dispatch(core, name, input, token)
      if (!r.ok) throw new Error(r.error.message)
      return r.value
    }
    const c = (await call('customers.create', { name: '黄晓明', phone: '13712345678', vehicle: { plate: '粤B·D12345', mileageKm: 1000 } })) as { vehicles: Array<{ id: number }> }
    const id = await longOrder(call, c.vehicles[0]?.id as number, 1200, 40)
    const t0 = performance.now()
    await call('workorders.print', { workOrderId: id, sheet: 'workorder', locale: 'zh-CN' })
    process.stdout.write(JSON.stringify({ ms: performance.now() - t0 }))
  } finally {
    core.db.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
