// Pages sent as plain HTML (route handle `{ hydrate: false }`: the frontline handbook under
// /handbook, HQ's coverage overview and its comparison of customer signals, a region's workspace,
// a customer's link /k/…). React renders them on the server only, so their loader
// data — and the root's on those pages — never needs to reach the browser. Remix encodes every loader's data for the
// browser before rendering (turbo-stream, about a millisecond on the handbook home); data whose
// fields are not enumerable encodes as `{}`, while the server render reads the fields as usual.
// A test checks that the path test here and the routes' handles agree.

import type { SessionUser } from '~/models/auth.server.ts'
import { keepPageFor } from '~/utils/request-scope.server.ts'

/** Whether the request is for a plain-HTML page (the handbook, the coverage overview). */
export function isPlainHtmlPage(request: Request): boolean {
  const path = new URL(request.url).pathname
  return (
    path === '/handbook' ||
    path.startsWith('/handbook/') ||
    path === '/coverage' ||
    /^\/regions\/[^/]+\/guidelines$/.test(path) ||
    path === '/signals' ||
    path.startsWith('/k/')
  )
}

/** Loader data only the server render reads: the same fields, left out of what Remix encodes for a browser. */
export function forServerRenderOnly<T extends object>(value: T): T {
  const hidden = {} as T
  for (const [key, field] of Object.entries(value))
    Object.defineProperty(hidden, key, { value: field, enumerable: false })
  // JSON (a log line, a test) still sees every field; turbo-stream does not call toJSON.
  Object.defineProperty(hidden, 'toJSON', { value: () => value, enumerable: false })
  return hidden
}

/**
 * This page shows only what its reader may see of their own state and a region's published rules
 * (theirs, or the one `regionId` names — HQ reads every region's handbook): it may be kept for them
 * and answered again without running (app/server/page-cache.ts) until one of these changes
 * (announced by PostgreSQL), the session ends, or the first of `deadlines` still to come passes
 * (a "confirm by" date turns into "overdue").
 */
export function keepForReader(user: SessionUser, regionId: string, deadlines: (Date | null)[] = []): void {
  const regions = new Set([regionId, ...user.memberships.map((membership) => membership.regionId)])
  const now = Date.now()
  const until = Math.min(
    user.sessionExpiresAt.getTime(),
    ...deadlines.map((date) => date?.getTime() ?? Infinity).filter((time) => time > now),
  )
  keepPageFor([`page:user:${user.id}`, ...[...regions].map((id) => `page:region:${id}`)], new Date(until))
}
