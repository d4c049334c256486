// The embedded engine survives a server killed with SIGKILL in the middle of writes: the next
// start opens the same folder, takes over the stale lock, and finds every committed write.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { acquireDataDirLock, DataDirLockedError } from '~/utils/data-dir-lock.server.ts'

const SCRIPT = path.resolve('tests/fixtures/embedded-writer.ts')
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leidraad-crash-'))

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

function runReader(): Promise<{ regions: number; audits: number; consistent: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, dir, 'read'], {
      env: { ...process.env, DATABASE_URL: '' },
    })
    let out = ''
    let err = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (err += d))
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!)) : reject(new Error(err)),
    )
  })
}

describe('embedded database', () => {
  it('keeps every committed write through a SIGKILL, and refuses a second process meanwhile', async () => {
    const writer = spawn(process.execPath, ['--import', 'tsx', SCRIPT, dir, 'write'], {
      env: { ...process.env, DATABASE_URL: '' },
    })
    let lastCommitted = -1
    let stderr = ''
    writer.stderr.on('data', (d) => (stderr += d))
    await new Promise<void>((resolve, reject) => {
      writer.stdout.on('data', (chunk: Buffer) => {
        const lines = chunk.toString().trim().split('\n')
        lastCommitted = Number(lines.at(-1))
        if (lastCommitted >= 150) resolve()
      })
      writer.on('exit', () => reject(new Error(`writer exited early: ${stderr}`)))
    })

    // While the writer runs, its folder is locked against a second process.
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError)

    writer.kill('SIGKILL')
    await new Promise((resolve) => writer.on('exit', resolve))

    const found = await runReader()
    expect(found.regions).toBeGreaterThanOrEqual(lastCommitted + 1)
    expect(found.audits).toBe(found.regions)
    expect(found.consistent).toBe(true)
  }, 120_000)
})
