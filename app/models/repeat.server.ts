// A post sent twice in quick succession — a double click, a resend after a slow answer, Back and
// send again — is stored once. The second post finds the first (same author, same place, same text,
// within a minute) and gets it back as if it had been stored; nothing is written twice, no audit
// row, no second notification. A per-author lock makes two simultaneous copies wait for each other,
// so the check holds on PostgreSQL's many connections too.
import type { Tx } from './document.server.ts'

export const REPEAT_WINDOW_MS = 60_000

/**
 * Runs `find` (which looks for the same post since the given moment) under a transaction lock
 * for `scope` (e.g. `feedback:<author id>`); returns what it found, or null to go on and store.
 */
export async function findRepeat<T>(
  tx: Tx,
  scope: string,
  find: (since: Date) => Promise<T | null>,
): Promise<T | null> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${scope}))`
  return find(new Date(Date.now() - REPEAT_WINDOW_MS))
}
