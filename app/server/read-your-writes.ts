// Read-your-own-writes with a read replica (DATABASE_READ_URL). Frontline pages read from the
// replica, which replays the primary's changes a moment later. Someone who has just written
// (confirmed a rule, sent feedback, published) must see it on the very next page, so every
// request that may write leaves a cookie with the primary's write position (a WAL LSN) and,
// while the replica has not replayed up to it, that browser's pages read from the primary. No
// state in any app process: any process behind the load balancer decides the same way.
import type express from 'express'
import { hasReadReplica, primaryWritePosition, replicaHasReplayed } from '../utils/db.server.ts'

export const WROTE_COOKIE = 'leidraad-wrote'
/** Replication lag beyond this is a broken replica, not a lag: the cookie ends anyway. */
const MAX_AGE_SECONDS = 300

const mayWrite = (method: string) => method !== 'GET' && method !== 'HEAD'

/** Whether this request's reads go to the primary: it may write, or its browser wrote what the replica lacks. */
export async function readsFromPrimary(req: express.Request): Promise<boolean> {
  if (mayWrite(req.method)) return true
  if (!hasReadReplica()) return false
  const position = req.headers.cookie?.match(new RegExp(`(?:^|;\\s*)${WROTE_COOKIE}=([^;]*)`))?.[1]
  return position ? !(await replicaHasReplayed(decodeURIComponent(position))) : false
}

/** After a request that may have written: the cookie with the primary's position now. */
export async function rememberWritePosition(req: express.Request, res: express.Response, status: number) {
  if (!mayWrite(req.method) || !hasReadReplica() || status >= 500) return
  const position = await primaryWritePosition()
  res.append(
    'Set-Cookie',
    `${WROTE_COOKIE}=${encodeURIComponent(position)}; Path=/; Max-Age=${MAX_AGE_SECONDS}; HttpOnly; SameSite=Lax`,
  )
}
