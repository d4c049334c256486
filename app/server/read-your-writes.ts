// Read-your-own-writes with a read replica (DATABASE_READ_URL). Frontline pages read from the
// replica, which replays the primary's changes a moment later. Someone who has just written
// (confirmed a rule, sent feedback, published) must see it on the very next page, so every
// request that may write leaves a cookie with the primary's write position (a WAL LSN) and,
// while the replica has not replayed up to it, that browser's pages read from the primary. No
// state in any app process: any process behind the load balancer decides the same way.
import type express from 'express'
import { logger } from '../utils/logger.server.ts'
import { hasReadReplica, primaryWritePosition, replicaHasReplayed } from '../utils/db.server.ts'
import { pageCacheEnabled } from './page-cache.ts'

export const WROTE_COOKIE = 'leidraad-wrote'
/** Replication lag beyond this is a broken replica, not a lag: the cookie ends anyway. */
const MAX_AGE_SECONDS = 300

const mayWrite = (method: string) => method !== 'GET' && method !== 'HEAD'

/** Whether this request's reads go to the primary: it may write, or its browser wrote what the replica lacks. */
export async function readsFromPrimary(req: express.Request): Promise<boolean> {
  if (mayWrite(req.method)) return true
  if (!hasReadReplica()) return false
  const position = req.headers.cookie?.match(new RegExp(`(?:^|;\\s*)${WROTE_COOKIE}=([^;]*)`))?.[1]
  if (!position) return false
  // A replica that cannot say how far it is cannot be trusted with this browser's reads.
  return !(await replicaHasReplayed(safeDecode(position)).catch(() => false))
}

/** After a request that may have written (any but GET/HEAD, or one that did): the cookie with the primary's position now. */
export async function rememberWritePosition(
  req: express.Request,
  res: express.Response,
  status: number,
  wrote: boolean,
) {
  if ((!mayWrite(req.method) && !wrote) || status >= 500) return
  if (!hasReadReplica()) {
    // Without a replica every read sees the write; the cookie still changes, so that no page kept
    // from before the write (app/server/page-cache.ts) answers this browser's next request.
    if (pageCacheEnabled()) setWroteCookie(res, `t${Date.now().toString(36)}`)
    return
  }
  // The write is done; not knowing its position must not turn its answer into an error. Without
  // the cookie this browser may see the replica's older state for a moment.
  const position = await primaryWritePosition().catch((error: unknown) => {
    logger.warn({ err: error }, 'read-your-own-writes: the primary did not say its write position')
    return null
  })
  if (!position) return
  setWroteCookie(res, position)
}

function setWroteCookie(res: express.Response, value: string) {
  res.append(
    'Set-Cookie',
    `${WROTE_COOKIE}=${encodeURIComponent(value)}; Path=/; Max-Age=${MAX_AGE_SECONDS}; HttpOnly; SameSite=Lax`,
  )
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return '' // a malformed escape: not a position
  }
}
