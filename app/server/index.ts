// The HTTP server: Express in front of the Remix request handler. It adds security headers
// (CSP with a per-request nonce), refuses cross-site form posts, opens the database before
// listening (migrating and seeding an empty embedded one), and closes it on SIGTERM/SIGINT.
import cluster from 'node:cluster'
import crypto from 'node:crypto'
import http from 'node:http'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import { parseTrustProxy } from '../utils/proxy.server.ts'
import { isCrossSiteRequest } from '../web/csrf.server.ts'
import { closeDatabase, databaseConfig, databaseReady } from '../utils/db.server.ts'
import { DataDirLockedError } from '../utils/data-dir-lock.server.ts'
import { listenForChanges, stopListening } from '../utils/cache-invalidation.server.ts'
import { logger } from '../utils/logger.server.ts'
import { InterruptedMigrationError } from '../utils/migrations.server.ts'
import { seedDemoIfEmpty } from '../../prisma/demo/organisation.ts'
import { bodyErrors, lastResort, readBodies, refuseNulInUrl, remixHandler } from './requests.ts'
import { answerFromPageCache, startPageCache } from './page-cache.ts'
import { securityHeaders } from './security-headers.ts'
import { startWorker } from './worker.ts'

const MODE = process.env.NODE_ENV === 'production' ? 'production' : 'development'
const PORT = Number(process.env.PORT ?? 3000)
const HOST = process.env.HOST ?? '0.0.0.0'

/**
 * WEB_CONCURRENCY=n runs n server processes on this host (node:cluster: they share the port, the
 * kernel spreads connections). The app keeps no state of its own between requests — sessions,
 * sign-in throttling and every cache's validity live in PostgreSQL — so n processes, or n hosts
 * behind a load balancer, answer alike. The embedded database belongs to one process: PostgreSQL only.
 */
const PROCESSES = Math.max(1, Math.floor(Number(process.env.WEB_CONCURRENCY ?? 1)) || 1)
/** The first process of a cluster runs the background worker and the demo seed; the others only serve. */
const FIRST_PROCESS = cluster.isPrimary || cluster.worker?.id === 1

function runCluster() {
  if (databaseConfig.engine !== 'postgres') {
    logger.fatal(
      'WEB_CONCURRENCY above 1 needs PostgreSQL (DATABASE_URL=postgres://…): the embedded database belongs to one process.',
    )
    process.exit(1)
  }
  let stopping = false
  const fork = () => cluster.fork()
  for (let i = 0; i < PROCESSES; i++) fork()
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (!Object.keys(cluster.workers ?? {}).length) process.exit(0)
      return
    }
    logger.error({ pid: worker.process.pid, code, signal }, 'a server process ended; starting another')
    setTimeout(fork, 1000)
  })
  const stop = () => {
    stopping = true
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM')
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
  logger.info({ processes: PROCESSES }, 'Leidraad starts several server processes')
}

async function main() {
  await databaseReady()
  // Other processes' writes clear this one's caches (several processes or hosts share PostgreSQL).
  if (databaseConfig.engine === 'postgres') {
    listenForChanges(databaseConfig.url)
    startPageCache()
  }
  if (FIRST_PROCESS && (databaseConfig.engine !== 'postgres' || process.env.SEED_DEMO === 'true'))
    await seedDemoIfEmpty()

  const viteDevServer =
    MODE === 'production'
      ? undefined
      : await import('vite').then((vite) => vite.createServer({ server: { middlewareMode: true } }))

  const app = express()
  app.disable('x-powered-by')
  const trustProxy = parseTrustProxy(process.env.TRUST_PROXY)
  if (trustProxy !== undefined) app.set('trust proxy', trustProxy)
  app.use(compression())

  app.use((_req, res, next) => {
    res.locals.cspNonce = crypto.randomBytes(16).toString('base64')
    next()
  })
  app.use(securityHeaders(MODE))

  app.use(refuseNulInUrl)

  // Cross-site form posts are refused before any route code runs.
  app.use((req, res, next) => {
    if (isCrossSiteRequest(req.method, req.headers, trustProxy !== undefined)) {
      res.status(403).type('text/plain').send('Cross-site request refused')
      return
    }
    next()
  })

  if (viteDevServer) {
    app.use(viteDevServer.middlewares)
  } else {
    app.use('/assets', express.static('build/client/assets', { immutable: true, maxAge: '1y' }))
    app.use(filesOnly(express.static('build/client', { maxAge: '1h' })))
  }
  app.use(filesOnly(express.static('public', { maxAge: '1h' })))

  const build = viteDevServer
    ? () => viteDevServer.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>
    : ((await import(/* @vite-ignore */ new URL('../../build/server/index.js', import.meta.url).href)) as ServerBuild)

  // Bodies are read (under the byte limit) only now: static files and refused requests never are.
  app.all(
    '*',
    readBodies(),
    remixHandler({
      build,
      mode: MODE,
      getLoadContext: (req, res) => ({
        cspNonce: res.locals.cspNonce as string,
        clientAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown',
      }),
    }),
  )
  app.use(bodyErrors, lastResort)

  const worker = process.env.WORKER === 'off' || !FIRST_PROCESS ? null : startWorker()

  // A reader's kept frontline page is answered before Express and Remix run (app/server/page-cache.ts).
  const server = http.createServer((req, res) => {
    if (!answerFromPageCache(req, res)) app(req, res)
  })
  server.listen(PORT, HOST, () => {
    logger.info(
      { port: PORT, mode: MODE, engine: databaseConfig.engine },
      `Leidraad listens on http://localhost:${PORT}`,
    )
  })

  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'shutting down')
    server.close()
    server.closeAllConnections()
    void viteDevServer?.close()
    Promise.resolve(worker?.stop())
      .then(() => stopListening())
      .then(() => closeDatabase())
      .finally(() => process.exit(0))
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}

/**
 * Static files have a file name with an extension (`/sw.js`, `/favicon.svg`); a page's path is
 * not looked up on disk (a missing file costs a stat and an error with a stack on every page).
 */
function filesOnly(serve: express.RequestHandler): express.RequestHandler {
  return (req, res, next) => (/\.[a-z0-9]+$/i.test(req.path) ? serve(req, res, next) : next())
}

/**
 * What went wrong at start-up, in a sentence for whoever started it: the known causes (a full
 * disk, no permission, the folder in use, an interrupted migration) without a stack trace.
 */
function startupProblem(error: unknown): string | null {
  const code = (error as NodeJS.ErrnoException | null)?.code ?? (error as { cause?: { code?: string } })?.cause?.code
  const where = databaseConfig.engine === 'pglite' ? databaseConfig.dataDir : 'the database'
  if (code === 'ENOSPC')
    return `The disk holding ${where} is full. Free some space and start again: nothing was left half-made.`
  if (code === 'EACCES' || code === 'EPERM')
    return `No permission to write ${where}. Give this user write access, or point DATABASE_URL elsewhere.`
  if (code === 'EROFS') return `${where} is on a read-only file system. Point DATABASE_URL at a writable folder.`
  if (error instanceof DataDirLockedError || error instanceof InterruptedMigrationError) return error.message
  return null
}

const start = PROCESSES > 1 && cluster.isPrimary ? Promise.resolve().then(runCluster) : main()
start.catch(async (error: unknown) => {
  const problem = startupProblem(error)
  if (problem) logger.fatal(problem)
  else logger.fatal({ err: error }, error instanceof Error ? error.message : 'start-up failed')
  await closeDatabase().catch(() => {})
  process.exit(1)
})
