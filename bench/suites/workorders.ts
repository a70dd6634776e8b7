import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore } from '../../src/main/core/create'
import { dispatch } from '../../src/main/core/dispatch'
import { insertStaff } from '../../src/main/domain/staff/staff'
import { ensureFonts } from '../../src/main/print/fonts'
import { longOrder } from '../../scripts/samples/workorders-scenario'
import type { Suite } from '../harness'
import { bareWorkOrderDoc } from './workorders-bare'

const CHILD = join(import.meta.dirname, 'workorders-first-child.ts')

/** Runs one fresh process and returns the milliseconds of its first render, as the child measured it. */
function firstRender(mode: 'app' | 'bare'): number {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CHILD, mode], { encoding: 'utf8', timeout: 60_000 })
  if (r.status !== 0) throw new Error(`first-render child (${mode}) failed: ${r.stderr}`)
  return (JSON.parse(r.stdout) as { ms: number }).ms
}

/**
 * work-order-pdf-warm: a 40-line work order through `workorders.print` (read, build, render) with
 * the fonts loaded, beside a bare pdfmake table of the same 40 lines.
 * work-order-pdf-first: the first render after start. Each sample is a fresh child process that
 * builds its shop untimed, then times its first print (fonts read from disk, parsed, subset).
 */
export const workordersSuite: Suite = {
  name: 'workorders',
  async setup({ quick }) {
    const dir = mkdtempSync(join(tmpdir(), 'frontdesk-bench-'))
    const core = createCore({ dataDir: dir })
    const actor = core.db.transaction(() => insertStaff(core.db, null, new Date(), 'bench', ['advisor'], '1234'))()
    const token = core.sessions.open(actor).token
    const call = async (name: string, input: unknown) => {
      const r = await dispatch(core, name, input, token)
      if (!r.ok) throw new Error(r.error.message)
      return r.value
    }
    const c = (await call('customers.create', { name: '黄晓明', phone: '13712345678', vehicle: { plate: '粤B·D12345', mileageKm: 1000 } })) as { vehicles: Array<{ id: number }> }
    const id = await longOrder(call, c.vehicles[0]?.id as number, 1200, 40)
    const pdfmake = ensureFonts()
    const bare = bareWorkOrderDoc(40)
    const runs = quick ? 3 : 7
    return {
      figures: [
        {
          name: 'work-order-pdf-warm',
          target_ms: 150,
          note: '40-line work order via workorders.print, fonts loaded; bare = pdfmake table of the same 40 lines',
          app: async () => {
            const ref = (await call('workorders.print', { workOrderId: id, sheet: 'workorder', locale: 'zh-CN' })) as { documentId: string }
            core.documents.take(ref.documentId, token)
          },
          bare: () => pdfmake.createPdf(bare).getBuffer(),
          iterations: quick ? 10 : 40,
          budgetMs: 8000
        },
        {
          name: 'work-order-pdf-first',
          target_ms: 1000,
          note: `first render in a fresh process (${runs} processes each side; shop built untimed, fonts read on first print)`,
          app: () => undefined,
          bare: () => undefined,
          measured: () => ({
            app: Array.from({ length: runs }, () => firstRender('app')),
            bare: Array.from({ length: runs }, () => firstRender('bare'))
          })
        }
      ],
      cleanup() {
        core.db.close()
        rmSync(dir, { recursive: true, force: true })
      }
    }
  }
}
