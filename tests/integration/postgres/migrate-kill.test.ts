// `npm run db:migrate` on PostgreSQL killed at any moment: the next run completes without help.
// Each attempt gets a database of its own on the test server.
import { spawn, spawnSync } from 'node:child_process'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { readMigrationList } from '~/utils/migrations.server.ts'

const serverUrl = new URL(process.env.DATABASE_URL!)
const created: string[] = []
const migrationCount = readMigrationList().migrationDirectories.length

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl.href })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

async function freshDatabase(): Promise<string> {
  const name = `leidraad_kill_${process.pid}_${created.length}`
  created.push(name)
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name}`).then(() => c.query(`CREATE DATABASE ${name}`)))
  const url = new URL(serverUrl.href)
  url.pathname = `/${name}`
  return url.href
}

afterAll(async () => {
  await admin(async (c) => {
    for (const name of created) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  })
})

const migrate = (url: string, args: string[] = []) =>
  spawn(process.execPath, ['--import', 'tsx', 'prisma/migrate.ts', ...args], {
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' },
  })

async function recorded(url: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query<{ finished: number; open: number }>(
      `SELECT count(*) FILTER (WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL)::int AS finished,
              count(*) FILTER (WHERE finished_at IS NULL AND rolled_back_at IS NULL)::int AS open
       FROM _prisma_migrations`,
    )
    return rows[0]!
  } finally {
    await client.end()
  }
}

/** Kills the migration run as soon as its `nth` migration has been recorded as started (polling every few ms). */
async function killAtMigration(url: string, nth: number): Promise<boolean> {
  const child = migrate(url)
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)))
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  let done = false
  void exited.then(() => (done = true))
  while (!done) {
    const started = await client
      .query<{ n: number }>('SELECT count(*)::int AS n FROM _prisma_migrations')
      .then((r) => r.rows[0]!.n)
      .catch(() => 0) // the table does not exist yet
    if (started >= nth) {
      child.kill('SIGKILL')
      break
    }
    await new Promise((resolve) => setTimeout(resolve, 2))
  }
  await client.end()
  return (await exited) === 'SIGKILL'
}

describe('db:migrate on PostgreSQL', () => {
  for (const nth of [1, Math.ceil(migrationCount / 2), migrationCount]) {
    it(`killed once its migration ${nth} of ${migrationCount} has started, completes on the next run`, async () => {
      const url = await freshDatabase()
      expect(await killAtMigration(url, nth)).toBe(true)
      const again = spawnSync(process.execPath, ['--import', 'tsx', 'prisma/migrate.ts'], {
        env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' },
        encoding: 'utf8',
      })
      expect(again.status, again.stderr).toBe(0)
      expect(await recorded(url)).toEqual({ finished: migrationCount, open: 0 })
    }, 60_000)
  }

  it('with the last migration committed but not recorded, repairs the record', async () => {
    const url = await freshDatabase()
    expect(
      spawnSync(process.execPath, ['--import', 'tsx', 'prisma/migrate.ts'], {
        env: { ...process.env, DATABASE_URL: url },
      }).status,
    ).toBe(0)
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    await client.query(`UPDATE _prisma_migrations SET finished_at = NULL, applied_steps_count = 0
                        WHERE migration_name = (SELECT max(migration_name) FROM _prisma_migrations)`)
    await client.end()
    expect(await recorded(url)).toEqual({ finished: migrationCount - 1, open: 1 })
    const resolve = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'prisma/migrate.ts', '--resolve', readMigrationList().migrationDirectories.at(-1)!.path],
      { env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' }, encoding: 'utf8' },
    )
    expect(resolve.status, resolve.stderr).toBe(0)
    expect(resolve.stdout).toContain('recorded as applied')
    expect((await recorded(url)).open).toBe(0)
  }, 60_000)
})
