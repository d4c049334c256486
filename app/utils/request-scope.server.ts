// What belongs to one HTTP request and to nothing else: the signed-in user looked up once (the root
// and route loaders of a page each get their own Request object from Remix, so a WeakMap on the
// Request cannot share it), the number of SQL statements the request ran (`X-Leidraad-Statements`
// when STATEMENT_HEADER=1, for the bench), and whether its reads must go to the primary database
// (read-your-own-writes, see app/utils/db.server.ts). Node's AsyncLocalStorage carries it through
// every await of the request; outside a request (scripts, tests calling a loader) there is none.
import { AsyncLocalStorage } from 'node:async_hooks'
import { singleton } from './singleton.server.ts'

export interface RequestScope {
  /** SQL statements run so far. */
  statements: number
  /** Values computed once per request (see `oncePerRequest`). */
  readonly memo: Map<string, unknown>
  /** Reads that may go to the replica go to the primary instead (the user just wrote). */
  readFromPrimary: boolean
  /** The request changed rows (a GET may, too: opening a notification marks it read). */
  wrote: boolean
  /**
   * Set by a page that may be kept for its reader (app/server/page-cache.ts): the announcement keys
   * whose change makes it stale, and until when it may be shown at most (the session's end).
   */
  pageCache: { keys: string[]; until: number } | null
}

// One store per process: the server entry and the Remix build each hold a copy of this module.
const storage = singleton('request-scope', () => new AsyncLocalStorage<RequestScope>())

export function runInRequestScope<T>(run: (scope: RequestScope) => T, readFromPrimary = false): T {
  const scope: RequestScope = { statements: 0, memo: new Map(), readFromPrimary, wrote: false, pageCache: null }
  return storage.run(scope, () => run(scope))
}

export function requestScope(): RequestScope | undefined {
  return storage.getStore()
}

/** A statement that changes rows (after leading comments; a WITH that ends in one, too). */
const WRITES = /^\s*(?:\/\*[\s\S]*?\*\/\s*)*(?:INSERT|UPDATE|DELETE|MERGE|WITH\b[\s\S]*\b(?:INSERT|UPDATE|DELETE)\b)/i

export function countStatement(sql = ''): void {
  const scope = storage.getStore()
  if (!scope) return
  scope.statements++
  if (!scope.wrote && WRITES.test(sql)) scope.wrote = true
}

/** `compute()` once per request under `key`; outside a request every call computes. */
export function oncePerRequest<T>(key: string, compute: () => T): T {
  const memo = storage.getStore()?.memo
  if (!memo) return compute()
  if (!memo.has(key)) memo.set(key, compute())
  return memo.get(key) as T
}

/**
 * This page may be kept for its reader and shown again without running its loaders, until one of
 * `keys` is announced (see prisma/migrations/*_page_change_announcements) or `until` passes.
 */
export function keepPageFor(keys: string[], until: Date): void {
  const scope = storage.getStore()
  if (scope) scope.pageCache = { keys, until: until.getTime() }
}
