// Frontline pages kept per reader, answered before Express and Remix run. A frontline employee
// opens the same few pages again and again (the handbook home, a rule, back again; the service
// worker refreshing what it stores), and between two changes the page is byte for byte the same.
// So the first view renders as always; the page's loader says the page may be kept and what it
// depends on (`keepPageFor`: the reader and their regions), and this process keeps the response —
// its headers, the HTML and its gzip — under the request's address and cookies. The next identical
// request is answered from memory without a database statement.
//
// What makes a kept page stale is announced by PostgreSQL itself: triggers on every table such a
// page shows (prisma/migrations/*_page_change_announcements) NOTIFY `page:user:<id>`,
// `page:region:<id>` or `page:all` when a change commits, to every app process (see
// app/utils/cache-invalidation.server.ts). Beyond that a page is kept until its first deadline (a
// "confirm by" date that turns into "overdue"), never past its session's end, 10 minutes at most.
// A page read from a replica (which may replay a change after its announcement) is kept 5 seconds
// at most, and not at all while what it shows was announced in the last 10 seconds. Nothing is
// answered while this process is not listening (starting, reconnecting; a reconnect forgets
// everything), and a page whose render overlapped an announcement is not kept. The writer sees
// their own write at once: every write leaves a cookie (app/server/read-your-writes.ts), so their
// next page is a new key. PostgreSQL only (the embedded database has no listening connection);
// PAGE_CACHE=off disables it.
import accepts from 'accepts'
import type http from 'node:http'
import { gzipSync } from 'node:zlib'
import { listeningForChanges, onAnyChange } from '../utils/cache-invalidation.server.ts'
import { databaseConfig, hasReadReplica } from '../utils/db.server.ts'
import type { RequestScope } from '../utils/request-scope.server.ts'

/** A safety net: announcements and the page's own deadlines decide; this bounds any miss. */
const TTL_MS = 10 * 60_000
const REPLICA_TTL_MS = 5_000
/** A page read from the replica is not kept while what it shows was announced this recently. */
const REPLICA_QUIET_MS = 10_000
/** Memory for kept pages per process; the oldest go first. */
const MAX_BYTES = Math.max(1, Number(process.env.PAGE_CACHE_MB ?? 64) || 64) * 1_000_000
const COUNT_STATEMENTS = process.env.STATEMENT_HEADER === '1'

interface KeptPage {
  headers: http.OutgoingHttpHeaders
  html: Buffer
  gzip: Buffer
  expiresAt: number
  keys: string[]
  size: number
}

const pages = new Map<string, KeptPage>()
/** Announcement key → the kept pages that depend on it. */
const dependents = new Map<string, Set<string>>()
let bytes = 0
/** Announcements heard so far: a render that saw this number change is not kept. */
let heard = 0
/** When each key was last announced ('page:all' and forgetting everything count for all keys). */
const announcedAt = new Map<string, number>()
let allAnnouncedAt = 0

export const pageCacheEnabled = (): boolean => databaseConfig.engine === 'postgres' && process.env.PAGE_CACHE !== 'off'

let started = false
/** Starts forgetting on announcements (the server calls it once it listens for them). */
export function startPageCache(): void {
  if (started || !pageCacheEnabled()) return
  started = true
  onAnyChange((key) => {
    heard++
    if (key === null || key === 'page:all') {
      allAnnouncedAt = Date.now()
      return forgetAll()
    }
    if (!key.startsWith('page:')) return
    remember(key)
    for (const address of dependents.get(key) ?? []) drop(address)
    dependents.delete(key)
  })
}

let prunedAt = 0
function remember(key: string) {
  const now = Date.now()
  // Keys older than the grace no longer matter; looked through at most once per grace period.
  if (announcedAt.size > 10_000 && now - prunedAt > REPLICA_QUIET_MS) {
    prunedAt = now
    for (const [old, at] of announcedAt) if (now - at > REPLICA_QUIET_MS) announcedAt.delete(old)
  }
  announcedAt.set(key, now)
}

/** Whether none of `keys` was announced within the replica's grace (it may not have replayed them yet). */
function quiet(keys: string[]): boolean {
  const since = Date.now() - REPLICA_QUIET_MS
  return allAnnouncedAt < since && keys.every((key) => (announcedAt.get(key) ?? 0) < since)
}

function forgetAll() {
  pages.clear()
  dependents.clear()
  bytes = 0
}

function drop(address: string) {
  const page = pages.get(address)
  if (!page) return
  pages.delete(address)
  bytes -= page.size
  for (const key of page.keys) {
    const set = dependents.get(key)
    set?.delete(address)
    if (set?.size === 0) dependents.delete(key)
  }
}

/** Only a signed-in reader's handbook pages without a query string are ever kept. */
function addressOf(req: http.IncomingMessage): string | null {
  const url = req.url ?? ''
  const cookie = req.headers.cookie
  if (!cookie || !url.startsWith('/handbook/') || url.includes('?')) return null
  const { host, 'x-forwarded-host': forwardedHost, 'x-forwarded-proto': forwardedProto } = req.headers
  return `${url}\n${host ?? ''}\n${String(forwardedHost ?? '')}\n${String(forwardedProto ?? '')}\n${cookie}`
}

/** Whether Accept-Encoding allows gzip (q-values and `*` as the compression middleware reads them). */
export function acceptsGzip(req: http.IncomingMessage): boolean {
  return accepts(req).encoding(['gzip']) === 'gzip'
}

const ready = () => started && listeningForChanges()

/** Answers a GET or HEAD from a kept page; false when there is none (the app answers). */
export function answerFromPageCache(req: http.IncomingMessage, res: http.ServerResponse): boolean {
  if ((req.method !== 'GET' && req.method !== 'HEAD') || !ready()) return false
  const address = addressOf(req)
  const page = address === null ? undefined : pages.get(address)
  if (!page) return false
  if (page.expiresAt <= Date.now()) {
    drop(address!)
    return false
  }
  // The most recently used go last: memory runs out on the oldest first.
  pages.delete(address!)
  pages.set(address!, page)
  const gzip = acceptsGzip(req)
  const body = gzip ? page.gzip : page.html
  res.writeHead(200, {
    ...page.headers,
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    'content-length': body.length,
    'x-leidraad-page': 'kept',
    ...(COUNT_STATEMENTS ? { 'x-leidraad-statements': '0' } : {}),
  })
  res.end(req.method === 'HEAD' ? undefined : body)
  return true
}

/** What `keepPage` needs to know from before the render. */
export function beforeRender(): number {
  return heard
}

/**
 * Whether this response may be kept: the page said so, it was a plain 200 to a GET without
 * cookies to set, and no announcement arrived while it was made.
 */
export function mayKeep(req: http.IncomingMessage, scope: RequestScope, response: Response, heardBefore: number) {
  return (
    req.method === 'GET' &&
    scope.pageCache !== null &&
    response.status === 200 &&
    !response.headers.has('set-cookie') &&
    heardBefore === heard &&
    ready() &&
    addressOf(req) !== null
  )
}

/**
 * Sends a page that `mayKeep` allowed (status and headers already set on `res`, gzip made here
 * once for this answer and the kept copy) and keeps it with all the headers it went out with.
 */
export function sendAndKeep(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  scope: RequestScope,
  html: Buffer,
  heardBefore: number,
): void {
  res.setHeader('Vary', 'Accept-Encoding')
  const headers = res.getHeaders()
  const address = addressOf(req)
  const { pageCache } = scope
  const gzipped = acceptsGzip(req)
  const gzip = gzipped || (address !== null && pageCache !== null) ? gzipSync(html) : null
  if (gzip && gzipped) {
    res.setHeader('Content-Encoding', 'gzip') // the compression middleware leaves an encoded body alone
    res.setHeader('Content-Length', gzip.length)
    res.end(gzip)
  } else {
    res.setHeader('Content-Length', html.length)
    res.end(html)
  }
  // Kept only when no announcement arrived while the page was made, and this process listens.
  if (!address || !pageCache || !gzip || headers['set-cookie'] || heardBefore !== heard || !ready()) return
  const kept: http.OutgoingHttpHeaders = {}
  for (const [name, value] of Object.entries(headers)) {
    if (!['content-length', 'content-encoding', 'transfer-encoding', 'x-leidraad-statements'].includes(name))
      kept[name] = value
  }
  const fromReplica = hasReadReplica() && !scope.readFromPrimary
  if (fromReplica && !quiet(pageCache.keys)) return
  const ttl = fromReplica ? REPLICA_TTL_MS : TTL_MS
  const page: KeptPage = {
    headers: kept,
    html,
    gzip,
    expiresAt: Math.min(Date.now() + ttl, pageCache.until),
    keys: pageCache.keys,
    // What it holds: both bodies, its address (the cookies) and its headers (the CSP is long).
    size: html.length + gzip.length + address.length + JSON.stringify(kept).length,
  }
  drop(address)
  pages.set(address, page)
  bytes += page.size
  for (const key of page.keys) {
    let set = dependents.get(key)
    if (!set) dependents.set(key, (set = new Set()))
    set.add(address)
  }
  for (const oldest of pages.keys()) {
    if (bytes <= MAX_BYTES) break
    drop(oldest)
  }
}

/** For tests and the bench: how many pages this process keeps. */
export function keptPages(): number {
  return pages.size
}
