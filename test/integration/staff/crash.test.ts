import Database from 'better-sqlite3'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROUNDS = 12

/** Starts the writer, lets it acknowledge writes for a while, SIGKILLs it, returns what it acknowledged. */
function writeThenKill(dir: string, round: number, runMs: number): Promise<Map<number, string>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'crash-writer.ts'), dir, String(round)], {
      stdio: ['ignore', 'pipe', 'pipe']
    })
    const acked = new Map<number, string>()
    let buffer = ''
    let stderr = ''
    let timer: NodeJS.Timeout | null = null
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString()
      const lines = buffer.split('\n')
      buffer = lines.pop() ?? ''
      for (const line of lines) {
        const m = /^ACK (\d+) (.+)$/.exec(line)
        if (m) acked.set(Number(m[1]), m[2] as string)
        else if (line.startsWith('ERR')) stderr += line + '\n'
      }
      // The kill lands in the middle of the burst, once writes are flowing.
      if (!timer && acked.size > 0) timer = setTimeout(() => child.kill('SIGKILL'), runMs)
    })
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited on its own: ${stderr}`))
      else resolve(acked)
    })
  })
}

describe('crash safety', () => {
  it(`keeps every acknowledged write and a sound file when the app is killed mid-burst, ${ROUNDS} times`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'frontdesk-crash-'))
    const all = new Map<number, string>()
    try {
      for (let round = 1; round <= ROUNDS; round++) {
        const acked = await writeThenKill(dir, round, 100 + ((round * 137) % 400))
        expect(acked.size, `round ${round} acknowledged nothing`).toBeGreaterThan(0)
        for (const [id, name] of acked) all.set(id, name)
        const db = new Database(join(dir, 'frontdesk.sqlite3'))
        try {
          expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
          expect(db.pragma('foreign_key_check')).toEqual([])
          const rows = new Map(
            (db.prepare('SELECT id, name FROM customers').all() as Array<{ id: number; name: string }>).map((r) => [r.id, r.name])
          )
          for (const [id, name] of all) expect(rows.get(id), `acknowledged customer ${id} lost in round ${round}`).toBe(name)
          // Every customer has the vehicle and audit row written in its transaction: nothing half-written.
          const orphans = db
            .prepare(`SELECT count(*) FROM customers c WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'customer' AND a.entity_id = CAST(c.id AS TEXT))`)
            .pluck()
            .get()
          expect(orphans).toBe(0)
        } finally {
          db.close()
        }
      }
      expect(all.size).toBeGreaterThan(ROUNDS)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 180_000)
})
