// A start of the embedded engine that is killed at any moment — while a new folder is made and
// migrated, while the demo is seeded, or between a migration's commit and its record — leaves
// something the next start opens without help. A lock naming a live process that is not ours is
// taken over; one naming ours is not.
import { spawn, spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { acquireDataDirLock, DataDirLockedError } from '~/utils/data-dir-lock.server.ts'
import { createPGlite, PGliteAdapterFactory } from '~/utils/driver-adapters.server.ts'
import { applyMigrations, readMigrationList } from '~/utils/migrations.server.ts'

const START = path.resolve('tests/fixtures/embedded-start.ts')
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'leidraad-start-'))
let next = 0
const freshDir = () => path.join(root, `folder-${next++}`)
const migrationNames = readMigrationList().migrationDirectories.map((m) => m.path)

afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

interface Found {
  users: number
  principles: number
  guidelines: number
  versions: number
  complete: number
  migrations: number
}

/** Starts like the server; kills it `killAfterMs` after it began (or after it said "opened"), or lets it finish. */
function start(
  dir: string,
  kill?: { afterMs: number; from: 'spawn' | 'opened' },
): Promise<{ found?: Found; killed: boolean; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', START, dir], {
      env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn' },
    })
    let out = ''
    let stderr = ''
    let timer: NodeJS.Timeout | undefined
    const arm = () => (timer = setTimeout(() => child.kill('SIGKILL'), kill!.afterMs))
    if (kill?.from === 'spawn') arm()
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk
      if (kill?.from === 'opened' && !timer && out.includes('opened\n')) arm()
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      if (signal === 'SIGKILL') return resolve({ killed: true, stderr })
      if (code !== 0) return reject(new Error(`start failed (${code}): ${stderr}`))
      const last = out.trim().split('\n').at(-1)!
      resolve({ found: JSON.parse(last) as Found, killed: false, stderr })
    })
  })
}

describe('starting the embedded engine', () => {
  let complete: Found

  beforeAll(async () => {
    complete = (await start(freshDir())).found!
    expect(complete).toMatchObject({ principles: 7, complete: 1, migrations: migrationNames.length })
  }, 120_000)

  const moments: [string, { afterMs: number; from: 'spawn' | 'opened' }][] = [
    ['while the new folder is created', { afterMs: 1200, from: 'spawn' }],
    ['while it is migrated', { afterMs: 2500, from: 'spawn' }],
    ['while it is moved into place', { afterMs: 3800, from: 'spawn' }],
    ['while the demo organisation is seeded', { afterMs: 150, from: 'opened' }],
    ['while the demo principles and guidelines are seeded', { afterMs: 900, from: 'opened' }],
  ]
  for (const [moment, kill] of moments) {
    it(`killed ${moment}, it opens at the next start with the whole demo`, async () => {
      const dir = freshDir()
      expect((await start(dir, kill)).killed).toBe(true)
      const again = await start(dir)
      expect(again.found).toEqual(complete)
      expect(fs.readdirSync(dir).filter((entry) => entry.startsWith('pgdata.new-'))).toEqual([])
      expect(fs.existsSync(path.join(dir, 'leidraad.lock'))).toBe(false)
    }, 120_000)
  }
})

describe('a migration interrupted between its commit and its record', () => {
  const last = migrationNames.at(-1)!

  async function folderWith(prepare: (pglite: ReturnType<typeof createPGlite>) => Promise<void>) {
    const dir = freshDir()
    fs.mkdirSync(path.join(dir, 'pgdata'), { recursive: true })
    const pglite = createPGlite(path.join(dir, 'pgdata'))
    await pglite.waitReady
    await prepare(pglite)
    await pglite.close()
    return dir
  }

  /** The row Prisma writes before running a migration's script. */
  const startedRecord = (name: string) => {
    const sql = fs.readFileSync(path.resolve('prisma/migrations', name, 'migration.sql'), 'utf8')
    const checksum = crypto.createHash('sha256').update(sql).digest('hex')
    return `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count)
            VALUES ('${crypto.randomUUID()}', '${checksum}', '${name}', now(), 0)`
  }

  it('after the commit: recognised from the schema and recorded as applied', async () => {
    const dir = await folderWith(async (pglite) => {
      await applyMigrations(new PGliteAdapterFactory(pglite))
      await pglite.exec(`UPDATE _prisma_migrations SET finished_at = NULL, applied_steps_count = 0
                         WHERE migration_name = '${last}'`)
    })
    const { found } = await start(dir)
    expect(found).toMatchObject({ migrations: migrationNames.length, complete: 1 })
  }, 120_000)

  it('before the commit: recorded as rolled back and applied again', async () => {
    const dir = await folderWith(async (pglite) => {
      await applyMigrations(new PGliteAdapterFactory(pglite), { upTo: migrationNames.at(-2) })
      await pglite.exec(startedRecord(last))
    })
    const { found } = await start(dir)
    expect(found).toMatchObject({ migrations: migrationNames.length, complete: 1 })
  }, 120_000)

  it('with a schema that matches neither: refused with a message, and --resolve lists the difference', async () => {
    const dir = await folderWith(async (pglite) => {
      await applyMigrations(new PGliteAdapterFactory(pglite), { upTo: migrationNames.at(-2) })
      await pglite.exec(startedRecord(last))
      await pglite.exec('CREATE TABLE "MadeByHand" (x int)')
    })
    await expect(start(dir)).rejects.toThrow(/interrupted.*matches neither/s)
    const resolve = spawnSync(process.execPath, ['--import', 'tsx', 'prisma/migrate.ts', '--resolve', last], {
      env: { ...process.env, DATABASE_URL: `file:${dir}`, LOG_LEVEL: 'warn' },
      encoding: 'utf8',
    })
    expect(resolve.status).toBe(1)
    expect(resolve.stdout).toContain('matches neither')
    expect(resolve.stdout).toContain('MadeByHand')
  }, 120_000)
})

describe('the folder lock', () => {
  it('is taken over from a live process that is not ours (its pid was reused), never from ours', () => {
    const dir = freshDir()
    fs.mkdirSync(dir, { recursive: true })
    // pid 1 runs, but it did not write this lock: it started at another time.
    fs.writeFileSync(path.join(dir, 'leidraad.lock'), JSON.stringify({ pid: 1, started: '1', boot: 'another-boot' }))
    const release = acquireDataDirLock(dir)
    release()

    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'])
    const stat = fs.readFileSync(`/proc/${holder.pid}/stat`, 'utf8')
    const started = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]
    const boot = fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()
    fs.writeFileSync(path.join(dir, 'leidraad.lock'), JSON.stringify({ pid: holder.pid, started, boot }))
    try {
      expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError)
    } finally {
      holder.kill('SIGKILL')
    }
  })
})
