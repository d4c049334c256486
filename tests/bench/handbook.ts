// `npm run bench`: the frontline path under load, beside a static-file server. Builds the
// production app, starts a throw-away PostgreSQL primary with a streaming read replica
// (tests/bench/pg-pair.ts), fills the primary with a large organisation (50 regions × 200
// principles, guidelines in ~80% of the cells, 13 versions each: over 100 000 guideline versions,
// plus one region of 800 rules), starts the server, signs in a frontline user and drives the
// handbook home, a guideline page and searches with autocannon at 50 connections and at one —
// the home and the guideline page twice: as a reader opens them again (a kept page, see
// app/server/page-cache.ts) and as each reader's first view (every request a cookie of its own).
// Then nginx (Debian's, started here on a free port) serves the very same gzip bytes the app sent
// as static files, under the same load, and the bench prints app / static throughput per page.
// Per page also: SQL statements per request (X-Leidraad-Statements), server CPU ms per request,
// latency percentiles and the JavaScript the page ships. Then HQ's coverage overview (HTML bytes),
// Lighthouse's mobile score for it and the manager's workspace, and a run with two app processes
// (WEB_CONCURRENCY=2) reading from the replica. Asserts nothing.
//   BENCH_SECONDS  seconds per page at 50 connections (default 10)   BENCH_SKIP_BUILD=1  reuse ./build
import autocannon from 'autocannon'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import pg from 'pg'
import { hashPassword } from '~/utils/password.server.ts'
import { freePort, startPrimaryAndReplica } from './pg-pair.ts'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const CONNECTIONS = 50
const ALONE_SECONDS = 3
const PASSWORD = 'bench-password-123'
/** Both servers are asked for gzip, as a browser does. */
const GZIP = { 'accept-encoding': 'gzip' }

function run(command: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`)
}

function migrate(url: string) {
  run('npx', ['tsx', 'prisma/migrate.ts'], { DATABASE_URL: url })
}

// Realistic Dutch words, so search and stemming have something to chew on.
const WORDS = `klant klacht klachten retour retouren terugbellen terugbelafspraak bon kassabon kanaal balie afspraak
  levering leverancier bezorging korting vergoeding excuus oplossing collega teamleider werkdag wachttijd
  telefoon mail app gesprek enquête panel ervaring eigenaar verantwoordelijk alternatief doorverwijzen
  uitleg reden beslissen ruimte afwijken bedrag garantie reparatie omruilen annuleren abonnement factuur`.split(/\s+/)

async function fill(url: string) {
  const db = new pg.Client({ connectionString: url })
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
  // The manager of region 1, for Lighthouse on the workspace.
  await q(
    `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ('mgr1', 'manager1@bench.test', 'Manager 1', $1, now())`,
    [hash],
  )
  await q(`INSERT INTO "Membership" (id, "userId", "regionId", role) VALUES ('mmgr1', 'mgr1', 'r1', 'manager')`)
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

async function startServer(env: Record<string, string>) {
  const port = await freePort()
  const server = spawn('node', ['--import', 'tsx', 'app/server/index.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      STATEMENT_HEADER: '1',
      SESSION_SECRET: 'bench-secret-bench-secret-bench-secret',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const base = `http://127.0.0.1:${port}`
  for (let i = 0; i < 100; i++) {
    await new Promise((resolve) => setTimeout(resolve, 300))
    if (
      await fetch(`${base}/healthz`)
        .then((r) => r.ok)
        .catch(() => false)
    )
      return { server, base }
  }
  server.kill()
  throw new Error('The server did not start')
}

/** CPU seconds used so far by a process and its children (the cluster's server processes). */
function cpuSeconds(pid: number): number {
  const tick = 100 // USER_HZ on Linux
  const one = (p: number) => {
    try {
      const fields = fs.readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ')
      return (Number(fields[11]) + Number(fields[12])) / tick
    } catch {
      return 0
    }
  }
  const children = spawnSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter(Boolean)
    .map(Number)
  return one(pid) + children.reduce((sum, child) => sum + one(child), 0)
}

async function signIn(base: string, email = 'balie1@bench.test') {
  const response = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
    body: new URLSearchParams({ email, password: PASSWORD }),
  })
  // The session cookie (and, with a replica, the write position of the sign-in; left out, as a
  // browser would after replay, so that the pages read from the replica).
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .filter((c) => !c.startsWith('leidraad-wrote='))
    .join('; ')
  if (!cookie) throw new Error(`Sign-in failed (${response.status})`)
  return cookie
}

async function javascriptBytes(base: string, path: string, cookie: string) {
  const html = await (await fetch(`${base}${path}`, { headers: { cookie } })).text()
  const urls = new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!))
  // The entry imports its chunks by name too.
  for (const m of html.matchAll(/import\("(\/assets\/[^"]+\.js)"\)/g)) urls.add(m[1]!)
  let total = 0
  for (const url of urls) total += gzipSync(Buffer.from(await (await fetch(`${base}${url}`)).arrayBuffer())).length
  return { files: urls.size, gzipBytes: total }
}

/**
 * Runs autocannon on one page; latencies are collected per response for exact percentiles.
 * `firstView`: every request carries one more cookie of its own, so no page kept for a reader
 * (app/server/page-cache.ts) can answer it — what each reader's first view of a page costs.
 */
function load(url: string, cookie: string, connections = CONNECTIONS, seconds = SECONDS, firstView = false) {
  const times: number[] = []
  let n = 0
  const requests: autocannon.Request[] | undefined = firstView
    ? [
        {
          setupRequest: (request) => ({
            ...request,
            headers: { ...request.headers, cookie: `${cookie}; first-view=${++n}` },
          }),
        },
      ]
    : undefined
  return new Promise<{ result: autocannon.Result; times: number[] }>((resolve, reject) => {
    const instance = autocannon(
      { url, connections, duration: seconds, headers: { cookie, ...GZIP }, ...(requests ? { requests } : {}) },
      (error, result) => (error ? reject(error) : resolve({ result, times })),
    )
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime))
  })
}

/**
 * Lighthouse's mobile performance score for a signed-in page (Lighthouse 12, fetched by npx on
 * first use; it drives Debian's chromium). Not installed with the app: only this bench uses it.
 */
function lighthouse(url: string, cookie: string) {
  const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((file) => fs.existsSync(file))
  if (!chromium) return { score: 'no chromium' }
  // Lighthouse now and then fails to record a trace in headless chromium (NO_NAVSTART): once more.
  for (let attempt = 1; ; attempt++) {
    const outcome = runLighthouse(url, cookie, chromium)
    if (typeof outcome.score === 'number' || attempt === 3) return outcome
  }
}

function runLighthouse(url: string, cookie: string, chromium: string) {
  const output = path.join(os.tmpdir(), `leidraad-lighthouse-${process.pid}.json`)
  const result = spawnSync(
    'npx',
    [
      '--yes',
      'lighthouse@12.8.2',
      url,
      '--quiet',
      '--only-categories=performance',
      '--form-factor=mobile',
      '--chrome-flags=--headless=new --no-sandbox',
      `--extra-headers=${JSON.stringify({ Cookie: cookie })}`,
      '--output=json',
      `--output-path=${output}`,
    ],
    { env: { ...process.env, CHROME_PATH: chromium }, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' },
  )
  if (result.status !== 0 || !fs.existsSync(output)) return { score: `failed: ${result.stderr.slice(-200)}` }
  const report = JSON.parse(fs.readFileSync(output, 'utf8')) as {
    categories: { performance: { score: number } }
    audits: Record<string, { displayValue?: string }>
  }
  fs.rmSync(output, { force: true })
  return {
    score: Math.round(report.categories.performance.score * 100),
    'first contentful paint': report.audits['first-contentful-paint']?.displayValue,
    'largest contentful paint': report.audits['largest-contentful-paint']?.displayValue,
    'total blocking time': report.audits['total-blocking-time']?.displayValue,
    'layout shift': report.audits['cumulative-layout-shift']?.displayValue,
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN

/** nginx from Debian serving `files` (name → bytes, with a .gz beside each) on a free port, one worker. */
async function startNginx(files: Map<string, Buffer>) {
  const nginx = ['/usr/sbin/nginx', '/usr/local/sbin/nginx'].find((file) => fs.existsSync(file))
  if (!nginx) throw new Error('nginx is not installed (apt-get install nginx): the static comparison needs it')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leidraad-nginx-'))
  fs.chmodSync(dir, 0o755)
  fs.mkdirSync(path.join(dir, 'www'))
  fs.mkdirSync(path.join(dir, 'tmp'))
  for (const [name, html] of files) {
    fs.writeFileSync(path.join(dir, 'www', name), html)
    fs.writeFileSync(path.join(dir, 'www', `${name}.gz`), gzipSync(html))
  }
  const port = await freePort()
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${dir}/tmp;`).join(' ')
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    `worker_processes 1; daemon off; pid ${dir}/nginx.pid; error_log ${dir}/error.log;
     events { worker_connections 4096; }
     http { access_log off; ${temp} gzip_static on; default_type text/html; keepalive_requests 1000000;
       server { listen 127.0.0.1:${port}; root ${dir}/www; } }`,
  )
  const server = spawn(nginx, ['-c', path.join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'inherit'] })
  for (let i = 0; i < 50; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100))
    if (
      await fetch(`http://127.0.0.1:${port}/`).then(
        () => true,
        () => false,
      )
    )
      break
  }
  return {
    base: `http://127.0.0.1:${port}`,
    server,
    stop: () => (server.kill('SIGTERM'), fs.rmSync(dir, { recursive: true, force: true })),
  }
}

async function transactions(url: string) {
  const db = new pg.Client({ connectionString: url })
  await db.connect()
  const { rows } = await db.query(
    `SELECT xact_commit::bigint AS n FROM pg_stat_database WHERE datname = current_database()`,
  )
  await db.end()
  return Number(rows[0].n)
}

async function replicaCaughtUp(primaryUrl: string, replicaUrl: string) {
  const count = async (url: string) => {
    const db = new pg.Client({ connectionString: url })
    await db.connect()
    const { rows } = await db
      .query(`SELECT count(*)::int AS n FROM "GuidelineVersion"`)
      .catch(() => ({ rows: [{ n: -1 }] }))
    await db.end()
    return rows[0].n as number
  }
  const want = await count(primaryUrl)
  for (let i = 0; i < 600 && (await count(replicaUrl)) !== want; i++) await new Promise((r) => setTimeout(r, 500))
}

const ms = (value: number) => value.toFixed(1)
const servers: ChildProcess[] = []
const cleanups: (() => void)[] = []

if (!process.env.BENCH_SKIP_BUILD) run('npm', ['run', 'build'])
console.log('Starting a PostgreSQL primary and a streaming replica …')
const pair = await startPrimaryAndReplica('leidraad_bench')
cleanups.push(() => pair.stop())
try {
  migrate(pair.primaryUrl)
  const { regionId, guidelineId } = await fill(pair.primaryUrl)
  const app = await startServer({ DATABASE_URL: pair.primaryUrl })
  servers.push(app.server)
  const cookie = await signIn(app.base)
  // `file`: the page nginx serves the same bytes of; `firstView`: no kept page answers (see load()).
  const pages = [
    { title: 'handbook home', path: `/handbook/${regionId}`, file: 'home.html' },
    { title: 'handbook home, first view', path: `/handbook/${regionId}`, file: 'home.html', firstView: true },
    { title: 'guideline page', path: `/handbook/${regionId}/${guidelineId}`, file: 'guideline.html' },
    {
      title: 'guideline page, first view',
      path: `/handbook/${regionId}/${guidelineId}`,
      file: 'guideline.html',
      firstView: true,
    },
    { title: 'search "klachten"', path: `/handbook/${regionId}?q=klachten`, file: 'search.html' },
    { title: 'search with a typo "retuor"', path: `/handbook/${regionId}?q=retuor` },
    {
      title: 'question "klant wil geld terug zonder bon"',
      path: `/handbook/${regionId}?q=klant+wil+geld+terug+zonder+bon`,
    },
    { title: 'search "klachten", region of 800', path: '/handbook/rbig?q=klachten' },
    { title: 'question …, region of 800', path: '/handbook/rbig?q=klant+wil+geld+terug+zonder+bon' },
    // The floor on this machine: Express + the Remix handler + one SELECT 1, no page.
    { title: 'floor: /healthz', path: '/healthz' },
  ] as { title: string; path: string; file?: string; firstView?: boolean }[]
  const captured = new Map<string, Buffer>()
  const statements = new Map<string, string>()
  for (const page of pages) {
    // Twice: the second request is what the load below repeats (a kept page, unless a first view).
    for (const time of [1, 2]) {
      const headers = { cookie: page.firstView ? `${cookie}; first-view=capture${time}` : cookie }
      const response = await fetch(`${app.base}${page.path}`, { headers })
      if (response.status !== 200) throw new Error(`${page.path} answered ${response.status}`)
      statements.set(page.title, response.headers.get('x-leidraad-statements') ?? '-')
      const html = Buffer.from(await response.arrayBuffer())
      if (page.file && time === 2) captured.set(page.file, html)
    }
  }
  const rows = []
  const appRate = new Map<string, { many: number; alone: number }>()
  for (const page of pages) {
    const cpuBefore = cpuSeconds(app.server.pid!)
    const { result, times } = await load(`${app.base}${page.path}`, cookie, CONNECTIONS, SECONDS, page.firstView)
    const cpu = cpuSeconds(app.server.pid!) - cpuBefore
    const sorted = times.sort((a, b) => a - b)
    // The same page one request at a time: what a user waits when the server is not saturated.
    const aloneRun = await load(`${app.base}${page.path}`, cookie, 1, ALONE_SECONDS, page.firstView)
    const alone = aloneRun.times.sort((a, b) => a - b)
    appRate.set(page.title, { many: result.requests.average, alone: aloneRun.result.requests.average })
    const js = await javascriptBytes(app.base, page.path, cookie)
    rows.push({
      page: page.title,
      'req/s': Math.round(result.requests.average),
      'p50 ms': ms(percentile(sorted, 50)),
      'p95 ms': ms(percentile(sorted, 95)),
      'p99 ms': ms(percentile(sorted, 99)),
      errors: result.errors + result.timeouts + result.non2xx,
      'alone p50 ms': ms(percentile(alone, 50)),
      'alone p95 ms': ms(percentile(alone, 95)),
      SQL: statements.get(page.title),
      'CPU ms/req': ((cpu * 1000) / Math.max(1, result.requests.total)).toFixed(2),
      'JS gzip KB': page.path === '/healthz' ? '-' : (js.gzipBytes / 1024).toFixed(1),
    })
  }
  console.log(
    `\nOne app process. ${CONNECTIONS} connections, ${SECONDS} s per page ("alone": 1 connection, ${ALONE_SECONDS} s):`,
  )
  console.table(rows)

  const nginx = await startNginx(captured)
  cleanups.push(nginx.stop)
  const ratios = []
  const staticRate = new Map<string, { many: number; alone: number }>()
  for (const page of pages) {
    if (!page.file) continue
    const url = `${nginx.base}/${page.file}`
    if (!staticRate.has(page.file)) {
      const many = (await load(url, '', CONNECTIONS)).result.requests.average
      const alone = (await load(url, '', 1, ALONE_SECONDS)).result.requests.average
      staticRate.set(page.file, { many, alone })
    }
    const { many, alone } = staticRate.get(page.file)!
    const own = appRate.get(page.title)!
    ratios.push({
      page: page.title,
      'HTML KB gzip': (gzipSync(captured.get(page.file)!).length / 1024).toFixed(1),
      'app req/s (1)': Math.round(own.alone),
      'static req/s (1)': Math.round(alone),
      'app/static (1)': `${((100 * own.alone) / alone).toFixed(1)} %`,
      [`app req/s (${CONNECTIONS})`]: Math.round(own.many),
      [`static req/s (${CONNECTIONS})`]: Math.round(many),
      [`app/static (${CONNECTIONS})`]: `${((100 * own.many) / many).toFixed(1)} %`,
    })
  }
  console.log('\nThe app beside nginx serving the same gzip bytes as static files (one process each):')
  console.table(ratios)

  const hq = await signIn(app.base, 'hq@bench.test')
  const coverage = []
  for (const path of ['/coverage', `/coverage?region=${regionId}`, '/coverage?principle=p1']) {
    const response = await fetch(`${app.base}${path}`, { headers: { cookie: hq } })
    const html = Buffer.from(await response.arrayBuffer())
    coverage.push({
      page: path,
      status: response.status,
      'HTML KB': (html.length / 1024).toFixed(0),
      'gzip KB': (gzipSync(html).length / 1024).toFixed(0),
      SQL: response.headers.get('x-leidraad-statements'),
    })
  }
  console.log("\nHQ's coverage overview at 50 × 200:")
  console.table(coverage)

  const manager = await signIn(app.base, 'manager1@bench.test')
  const scores = []
  for (const [path, cookie] of [
    ['/coverage', hq],
    ['/coverage?principle=p1', hq],
    [`/regions/${regionId}/guidelines`, manager],
  ] as const) {
    scores.push({ page: path, ...lighthouse(`${app.base}${path}`, cookie) })
  }
  console.log('\nLighthouse, mobile (simulated slow 4G, 4× slower CPU), performance:')
  console.table(scores)
  app.server.kill('SIGTERM')

  await replicaCaughtUp(pair.primaryUrl, pair.replicaUrl)
  const two = await startServer({
    DATABASE_URL: pair.primaryUrl,
    DATABASE_READ_URL: pair.replicaUrl,
    WEB_CONCURRENCY: '2',
  })
  servers.push(two.server)
  const twoCookie = await signIn(two.base)
  // A page read from the replica is kept only when nothing it shows was announced in the last 10
  // seconds (app/server/page-cache.ts); starting to listen counts as such. The steady state:
  await new Promise((resolve) => setTimeout(resolve, 11_000))
  const cluster = []
  for (const page of pages.filter((p) => p.file)) {
    const [primaryBefore, replicaBefore] = [await transactions(pair.primaryUrl), await transactions(pair.replicaUrl)]
    const { result } = await load(`${two.base}${page.path}`, twoCookie, CONNECTIONS, SECONDS, page.firstView)
    await new Promise((resolve) => setTimeout(resolve, 1000)) // statistics are written a moment later
    const [primaryAfter, replicaAfter] = [await transactions(pair.primaryUrl), await transactions(pair.replicaUrl)]
    const one = appRate.get(page.title)!.many
    cluster.push({
      page: page.title,
      'req/s': Math.round(result.requests.average),
      'vs one process': `${(result.requests.average / one).toFixed(2)}×`,
      errors: result.errors + result.timeouts + result.non2xx,
      'statements on primary/req': ((primaryAfter - primaryBefore) / result.requests.total).toFixed(2),
      'statements on replica/req': ((replicaAfter - replicaBefore) / result.requests.total).toFixed(2),
    })
  }
  console.log(
    `\nTwo app processes (WEB_CONCURRENCY=2), frontline reads on the streaming replica, ${CONNECTIONS} connections:`,
  )
  console.table(cluster)
} finally {
  for (const server of servers) server.kill('SIGTERM')
  await new Promise((resolve) => setTimeout(resolve, 500))
  for (const cleanup of cleanups.reverse()) cleanup()
}
