// `npm run check:replica`: Leidraad as it runs in production, on one machine — two server
// processes (WEB_CONCURRENCY=2) on a PostgreSQL primary, frontline pages reading from a real
// streaming replica (tests/bench/pg-pair.ts: a second cluster made with pg_basebackup). Checks,
// and fails (exit 1) when one does not hold:
//   1. the handbook pages are served, and their reads land on the replica, not the primary;
//   2. read-your-own-writes: with the replica's replay paused (so it lags for sure), a frontline
//      user confirms a rule and the very next page shows the confirmation (read from the
//      primary), while another session of the same user, without the write, still reads the
//      replica's older state; once replay resumes, the writer reads from the replica again;
//   3. kept pages: the writer's pages (read from the primary) are answered from memory, a page
//      read from the replica only once nothing it shows was announced for 10 seconds;
//   4. both processes answer (/healthz names the process in X-Leidraad-Process).
// Needs the production build (npm run build) and Debian's PostgreSQL server binaries.
import { spawn } from 'node:child_process'
import { setTimeout as sleep } from 'node:timers/promises'
import pg from 'pg'
import { freePort, startPrimaryAndReplica } from './pg-pair.ts'

const pair = await startPrimaryAndReplica('leidraad_replica')
let server: ReturnType<typeof spawn> | undefined
const failures: string[] = []
const check = (ok: boolean, what: string) => {
  console.log(`${ok ? '✓' : '✗'} ${what}`)
  if (!ok) failures.push(what)
}

async function sql(url: string, text: string, values: unknown[] = []) {
  const db = new pg.Client({ connectionString: url })
  await db.connect()
  try {
    return (await db.query(text, values)).rows
  } finally {
    await db.end()
  }
}

try {
  const migrate = spawn('npx', ['tsx', 'prisma/migrate.ts'], {
    env: { ...process.env, DATABASE_URL: pair.primaryUrl },
    stdio: 'inherit',
  })
  await new Promise((resolve) => migrate.on('exit', resolve))
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  server = spawn('node', ['--import', 'tsx', 'app/server/index.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: pair.primaryUrl,
      DATABASE_READ_URL: pair.replicaUrl,
      WEB_CONCURRENCY: '2',
      SEED_DEMO: 'true',
      // The background worker's sweeps (digests, overdue confirmations) write notifications at
      // times of their own; they would make the "ten quiet seconds" below depend on the clock.
      WORKER: 'off',
      LOG_LEVEL: 'warn',
      SESSION_SECRET: 'replica-check-secret-replica-check-secret',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  for (let i = 0; i < 200; i++) {
    await sleep(300)
    const ready = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    )
    const seeded =
      ready &&
      (await sql(pair.replicaUrl, `SELECT count(*)::int AS n FROM "GuidelineVersion"`).catch(() => [{ n: 0 }]))[0].n > 0
    if (seeded) break
  }
  const signIn = async (email: string) => {
    const response = await fetch(`${base}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
      body: new URLSearchParams({ email, password: 'leidraad-demo' }),
    })
    return response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
  }
  const get = async (path: string, cookie: string) => {
    const response = await fetch(`${base}${path}`, { headers: { cookie }, redirect: 'manual' })
    return {
      status: response.status,
      html: await response.text(),
      location: response.headers.get('location'),
      kept: response.headers.get('x-leidraad-page') === 'kept',
      wrote: response.headers.getSetCookie().some((c) => c.startsWith('leidraad-wrote=')),
    }
  }
  // Sign-in wrote (a session): the cookies include the write position. A second session of the same
  // user keeps only its session cookie, as a second phone would.
  const writer = await signIn('balie.noord@leidraad.test')
  const reader = (await signIn('balie.noord@leidraad.test'))
    .split('; ')
    .filter((c) => !c.startsWith('leidraad-wrote='))
    .join('; ')
  const home = (await get('/handbook', reader)).location!
  let served = 0
  for (let i = 0; i < 20; i++) served += (await get(home, reader)).status === 200 ? 1 : 0
  check(served === 20, `20 handbook pages served by two processes (${served})`)
  const page = (await get(home, reader)).html
  const guideline = [...page.matchAll(/href="(\/handbook\/[^/"]+\/[^/"]+)"><span>[^]*?handbook-badge/g)][0]?.[1]
  check(Boolean(guideline), `a rule still to confirm on the handbook (${guideline})`)
  // Reads come from the replica: with its replay paused, a rule archived on the primary still shows.
  await sql(pair.replicaUrl, 'SELECT pg_wal_replay_pause()')
  const ruleId = guideline!.split('/').at(-1)
  await sql(pair.primaryUrl, `UPDATE "Guideline" SET "status" = 'archived' WHERE "id" = $1`, [ruleId])
  check(
    (await get(home, reader)).html.includes(ruleId!),
    'the handbook reads the replica: a change on the primary waits for replay',
  )
  await sql(pair.primaryUrl, `UPDATE "Guideline" SET "status" = 'published' WHERE "id" = $1`, [ruleId])
  await sql(pair.replicaUrl, 'SELECT pg_wal_replay_resume()')
  const form = (await get(guideline!, reader)).html
  const version = form.match(/name="version" value="(\d+)"/)?.[1]
  await sql(pair.replicaUrl, 'SELECT pg_wal_replay_pause()')
  const posted = await fetch(`${base}${guideline}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base, cookie: writer },
    body: new URLSearchParams({ intent: 'acknowledge', version: version ?? '1' }),
  })
  const wrote = posted.headers
    .getSetCookie()
    .find((c) => c.startsWith('leidraad-wrote='))
    ?.split(';')[0]
  check(posted.status === 302 && Boolean(wrote), `the confirmation is stored and leaves its write position (${wrote})`)
  const writerCookie = `${writer
    .split('; ')
    .filter((c) => !c.startsWith('leidraad-wrote='))
    .join('; ')}; ${wrote}`
  // Kept pages (app/server/page-cache.ts): a page read from the primary is answered again from
  // memory; one read from the replica only once nothing it shows was announced for 10 seconds.
  const keptWithin = async (path: string, cookie: string) => {
    for (let i = 0; i < 6; i++) if ((await get(path, cookie)).kept) return true
    return false
  }
  const seen = await get(guideline!, writerCookie)
  if (!seen.html.includes('border-green-800'))
    console.log(
      'after the post:',
      posted.headers.get('location'),
      seen.status,
      seen.html.slice(seen.html.indexOf('<main'), seen.html.indexOf('<main') + 3000),
    )
  check(seen.html.includes('border-green-800'), 'the writer sees the confirmation at once (read from the primary)')
  check(await keptWithin(guideline!, writerCookie), "the writer's page, read from the primary, is kept")
  check(
    !(await get(guideline!, reader)).html.includes('border-green-800'),
    'another session still reads the paused replica (it lags)',
  )
  await sql(pair.replicaUrl, 'SELECT pg_wal_replay_resume()')
  await sleep(1500)
  check(
    (await get(guideline!, writerCookie)).html.includes('border-green-800'),
    'after replay resumes, the writer still sees it',
  )
  check((await get(guideline!, reader)).html.includes('border-green-800'), 'and the other session sees it too')

  check(!(await keptWithin(guideline!, reader)), 'a page just changed is not kept from the replica')
  await sleep(10_500)
  check(await keptWithin(guideline!, reader), 'ten quiet seconds later, it is')
  check((await get(guideline!, reader)).html.includes('border-green-800'), 'and the kept page shows the confirmation')

  // A GET can write too: opening a notification marks it read, and leaves the write position so
  // that the next page does not come from the replica (or from memory) without it. Reading does not.
  check(!(await get(home, reader)).wrote, 'reading the handbook leaves no write position')
  const [{ id: userId }] = await sql(pair.primaryUrl, `SELECT "id" FROM "User" WHERE "email" = $1`, [
    'balie.noord@leidraad.test',
  ])
  await sql(
    pair.primaryUrl,
    `INSERT INTO "Notification" ("id", "userId", "kind", "params", "link", "dedupeKey")
     VALUES ('replica-check', $1, 'guideline.published', '{}', '/handbook', 'replica-check')`,
    [userId],
  )
  const opened = await get('/notifications/replica-check', reader)
  check(
    opened.status === 302 && opened.wrote,
    `opening a notification (a GET that writes) leaves it (${opened.status})`,
  )

  const pids = new Set<string>()
  for (let i = 0; i < 40 && pids.size < 2; i++) {
    const response = await fetch(`${base}/healthz`, { headers: { connection: 'close' } })
    pids.add(response.headers.get('x-leidraad-process') ?? '')
  }
  check(pids.size === 2, `two server processes answer (${[...pids].join(', ')})`)
} finally {
  server?.kill('SIGTERM')
  await sleep(1000)
  pair.stop()
}
if (failures.length) {
  console.error(`\n${failures.length} check(s) failed`)
  process.exit(1)
}
console.log('\nAll replica checks hold.')
