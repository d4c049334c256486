// `npm run bench`: the frontline path under load. Builds the production app, fills a fresh
// PostgreSQL database with a large organisation (50 regions × 200 principles, guidelines in ~80% of
// the cells, 13 versions each: over 100 000 guideline versions), starts the server, signs in a
// frontline user and drives the handbook home, a guideline page and search with autocannon over
// 50 connections (and one connection alone). Prints requests/s, p50/p95/p99 latency and errors per page, and the JavaScript
// each frontline page ships (gzip). Asserts nothing.
//   BENCH_DATABASE_URL  PostgreSQL URL of a throw-away database (default postgres://postgres@127.0.0.1:5432/leidraad_bench; dropped and re-created)
//   BENCH_SECONDS       seconds per page (default 10)   BENCH_SKIP_BUILD=1   reuse ./build
import autocannon from 'autocannon'
import { spawn, spawnSync } from 'node:child_process'
import { gzipSync } from 'node:zlib'
import pg from 'pg'
import { hashPassword } from '~/utils/password.server.ts'

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/leidraad_bench'
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const CONNECTIONS = 50
const ALONE_SECONDS = 3
const PORT = 3300
const BASE = `http://127.0.0.1:${PORT}`
const PASSWORD = 'bench-password-123'

function run(command: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`)
}

async function freshDatabase() {
  const url = new URL(DATABASE_URL)
  const name = url.pathname.slice(1)
  const admin = new pg.Client({
    connectionString: Object.assign(new URL(DATABASE_URL), { pathname: '/postgres' }).toString(),
  })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
  await admin.query(`CREATE DATABASE "${name}"`)
  await admin.end()
  run('npx', ['tsx', 'prisma/migrate.ts'], { DATABASE_URL })
}

// Realistic Dutch words, so search and stemming have something to chew on.
const WORDS = `klant klacht klachten retour retouren terugbellen terugbelafspraak bon kassabon kanaal balie afspraak
  levering leverancier bezorging korting vergoeding excuus oplossing collega teamleider werkdag wachttijd
  telefoon mail app gesprek enquête panel ervaring eigenaar verantwoordelijk alternatief doorverwijzen
  uitleg reden beslissen ruimte afwijken bedrag garantie reparatie omruilen annuleren abonnement factuur`.split(/\s+/)

async function fill() {
  const db = new pg.Client({ connectionString: DATABASE_URL })
  await db.connect()
  const hash = await hashPassword(PASSWORD)
  const q = (sql: string, params: unknown[] = []) => db.query(sql, params)
  console.log('Filling the database …')
  await q(
    `INSERT INTO "User" (id, email, name, "passwordHash", "orgRole", "updatedAt") VALUES ('hq', 'hq@bench.test', 'HQ', $1, 'hq_editor', now())`,
    [hash],
  )
  await q(
    `INSERT INTO "Region" (id, name, slug, "updatedAt") SELECT 'r' || i, 'Regio ' || i, 'regio-' || i, now() FROM generate_series(1, 50) i`,
  )
  await q(
    `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt")
           SELECT 'u' || i, 'balie' || i || '@bench.test', 'Balie ' || i, $1, now() FROM generate_series(1, 50) i`,
    [hash],
  )
  await q(
    `INSERT INTO "Membership" (id, "userId", "regionId", role) SELECT 'm' || i, 'u' || i, 'r' || i, 'frontline' FROM generate_series(1, 50) i`,
  )
  const text = (seed: string) =>
    `array_to_string(ARRAY(SELECT ($1::text[])[1 + ((hashtext(${seed} || k::text) & 2147483647) % ${WORDS.length})] FROM generate_series(1, 40) k), ' ')`
  const body = `'{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"Benchmark"}]}]}'::jsonb`
  await q(
    `INSERT INTO "Principle" (id, slug, title, body, "bodyText", status, revision, "publishedVersion", position, "createdById", "updatedById", "updatedAt")
     SELECT 'p' || i, 'principe-' || i, 'Principe ' || i, ${body}, ${text("'p' || i")}, 'published', 1, 2, i, 'hq', 'hq', now() FROM generate_series(1, 200) i`,
    [WORDS],
  )
  await q(
    `INSERT INTO "PrincipleVersion" (id, "principleId", number, title, body, "bodyText", "changeNote", "publishedById")
     SELECT 'pv' || i || '-' || n, 'p' || i, n, 'Principe ' || i || ' over ' || ($1::text[])[1 + i % ${WORDS.length}], ${body}, ${text("'pv' || i || n")}, 'v', 'hq'
     FROM generate_series(1, 200) i, generate_series(1, 2) n`,
    [WORDS],
  )
  await q(
    `INSERT INTO "Guideline" (id, "regionId", "principleId", title, body, "bodyText", status, revision, "publishedVersion", "basedOnPrincipleVersion", "reviewBy", "createdById", "updatedById", "updatedAt")
     SELECT 'g' || r || '-' || p, 'r' || r, 'p' || p, 'Richtlijn ' || r || '-' || p, ${body}, '', 'published', 1, 13, 2, now() + interval '1 year', 'hq', 'hq', now()
     FROM generate_series(1, 50) r, generate_series(1, 200) p WHERE (r * 31 + p * 17) % 100 < 80`,
  )
  await q(
    `INSERT INTO "GuidelineVersion" (id, "guidelineId", number, title, body, "bodyText", "changeNote", "basedOnPrincipleVersion", "publishedById", "confirmationVersion")
     SELECT g.id || '-' || n, g.id, n, 'Richtlijn over ' || ($1::text[])[1 + (hashtext(g.id) & 2147483647) % ${WORDS.length}] || ' en ' || ($1::text[])[1 + (hashtext(g.id || 'x') & 2147483647) % ${WORDS.length}],
       ${body}, ${text('g.id || n::text')}, 'v' || n, 2, 'hq', n
     FROM "Guideline" g, generate_series(1, 13) n`,
    [WORDS],
  )
  // One large region: 800 guidelines (four per principle), to show search stays flat with a region's size.
  await q(`INSERT INTO "Region" (id, name, slug, "updatedAt") VALUES ('rbig', 'Grote regio', 'grote-regio', now())`)
  await q(`INSERT INTO "Membership" (id, "userId", "regionId", role) VALUES ('mbig', 'u1', 'rbig', 'frontline')`)
  await q(
    `INSERT INTO "Guideline" (id, "regionId", "principleId", title, body, "bodyText", status, revision, "publishedVersion", "basedOnPrincipleVersion", "reviewBy", "createdById", "updatedById", "updatedAt")
     SELECT 'gb' || p || '-' || k, 'rbig', 'p' || p, 'Richtlijn groot ' || p || '-' || k, ${body}, '', 'published', 1, 13, 2, now() + interval '1 year', 'hq', 'hq', now()
     FROM generate_series(1, 200) p, generate_series(1, 4) k`,
  )
  await q(
    `INSERT INTO "GuidelineVersion" (id, "guidelineId", number, title, body, "bodyText", "changeNote", "basedOnPrincipleVersion", "publishedById", "confirmationVersion")
     SELECT g.id || '-' || n, g.id, n, 'Richtlijn over ' || ($1::text[])[1 + (hashtext(g.id) & 2147483647) % ${WORDS.length}] || ' en ' || ($1::text[])[1 + (hashtext(g.id || 'x') & 2147483647) % ${WORDS.length}],
       ${body}, ${text('g.id || n::text')}, 'v' || n, 2, 'hq', n
     FROM "Guideline" g, generate_series(1, 13) n WHERE g."regionId" = 'rbig'`,
    [WORDS],
  )
  await q('ANALYZE')
  const counts = await q(
    `SELECT (SELECT count(*) FROM "Guideline") AS guidelines, (SELECT count(*) FROM "GuidelineVersion") AS versions`,
  )
  console.log(
    `50 regions, 200 principles, ${counts.rows[0].guidelines} guidelines, ${counts.rows[0].versions} guideline versions.`,
  )
  const guideline = await q(`SELECT id FROM "Guideline" WHERE "regionId" = 'r1' ORDER BY id LIMIT 1`)
  await db.end()
  return { regionId: 'r1', guidelineId: guideline.rows[0].id as string }
}

async function startServer() {
  const server = spawn('node', ['--import', 'tsx', 'app/server/index.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL,
      PORT: String(PORT),
      LOG_LEVEL: 'warn',
      SESSION_SECRET: 'bench-secret-bench-secret-bench-secret',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  for (let i = 0; i < 100; i++) {
    await new Promise((resolve) => setTimeout(resolve, 300))
    if (
      await fetch(`${BASE}/healthz`)
        .then((r) => r.ok)
        .catch(() => false)
    )
      return server
  }
  server.kill()
  throw new Error('The server did not start')
}

async function signIn() {
  const response = await fetch(`${BASE}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: BASE },
    body: new URLSearchParams({ email: 'balie1@bench.test', password: PASSWORD }),
  })
  const cookie = response.headers.get('set-cookie')?.split(';')[0]
  if (!cookie) throw new Error(`Sign-in failed (${response.status})`)
  return cookie
}

async function javascriptBytes(path: string, cookie: string) {
  const html = await (await fetch(`${BASE}${path}`, { headers: { cookie } })).text()
  const urls = new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!))
  // The entry imports its chunks by name too.
  for (const m of html.matchAll(/import\("(\/assets\/[^"]+\.js)"\)/g)) urls.add(m[1]!)
  let total = 0
  for (const url of urls) total += gzipSync(Buffer.from(await (await fetch(`${BASE}${url}`)).arrayBuffer())).length
  return { files: urls.size, gzipBytes: total }
}

/** Runs autocannon on one page; latencies are collected per response for exact percentiles. */
function load(path: string, cookie: string, connections = CONNECTIONS, seconds = SECONDS) {
  const times: number[] = []
  return new Promise<{ result: autocannon.Result; times: number[] }>((resolve, reject) => {
    const instance = autocannon(
      { url: `${BASE}${path}`, connections, duration: seconds, headers: { cookie } },
      (error, result) => (error ? reject(error) : resolve({ result, times })),
    )
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime))
  })
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN

if (!process.env.BENCH_SKIP_BUILD) run('npm', ['run', 'build'])
await freshDatabase()
const { regionId, guidelineId } = await fill()
const server = await startServer()
try {
  const cookie = await signIn()
  const pages = [
    { title: 'handbook home', path: `/handbook/${regionId}` },
    { title: 'guideline page', path: `/handbook/${regionId}/${guidelineId}` },
    { title: 'search "klachten"', path: `/handbook/${regionId}?q=klachten` },
    { title: 'search with a typo "retuor"', path: `/handbook/${regionId}?q=retuor` },
    {
      title: 'question "klant wil geld terug zonder bon"',
      path: `/handbook/${regionId}?q=klant+wil+geld+terug+zonder+bon`,
    },
    { title: 'search "klachten", region of 800', path: '/handbook/rbig?q=klachten' },
    { title: 'question …, region of 800', path: '/handbook/rbig?q=klant+wil+geld+terug+zonder+bon' },
    // The floor on this machine: Express + the Remix handler + one SELECT 1, no page.
    { title: 'floor: /healthz', path: '/healthz' },
  ]
  for (const page of pages) {
    const status = (await fetch(`${BASE}${page.path}`, { headers: { cookie } })).status
    if (status !== 200) throw new Error(`${page.path} answered ${status}`)
  }
  const rows = []
  for (const page of pages) {
    const { result, times } = await load(page.path, cookie)
    const sorted = times.sort((a, b) => a - b)
    // The same page one request at a time: what a user waits when the server is not saturated.
    const alone = (await load(page.path, cookie, 1, ALONE_SECONDS)).times.sort((a, b) => a - b)
    const js = await javascriptBytes(page.path, cookie)
    rows.push({
      page: page.title,
      'req/s': Math.round(result.requests.average),
      'p50 ms': percentile(sorted, 50).toFixed(1),
      'p95 ms': percentile(sorted, 95).toFixed(1),
      'p99 ms': percentile(sorted, 99).toFixed(1),
      errors: result.errors + result.timeouts + result.non2xx,
      'alone p50 ms': percentile(alone, 50).toFixed(1),
      'alone p95 ms': percentile(alone, 95).toFixed(1),
      'JS gzip KB': page.path === '/healthz' ? '-' : (js.gzipBytes / 1024).toFixed(1),
    })
  }
  console.log(`\n${CONNECTIONS} connections, ${SECONDS} s per page ("alone": 1 connection, ${ALONE_SECONDS} s):`)
  console.table(rows)
} finally {
  server.kill('SIGTERM')
}
