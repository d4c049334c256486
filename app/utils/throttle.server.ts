// Throttling of password checks, counted in the database: every attempt is counted in one SQL
// statement *before* the password is checked, so 20 parallel attempts cannot all be checked
// against a limit of 5, and every app process (and a restart) sees the same counts.
//
// Sign-in is counted per account *and* address: five wrong passwords for an account from one
// address stop that address from trying that account, but a stranger elsewhere cannot lock the
// real user out — a correct password from another address still works. An address that tries
// many accounts is stopped too (30 failures). Many failures for one account from many addresses
// (a distributed guess) slow every further attempt for it down instead of refusing it.
// rate-limiter-flexible's stores were not used: its Prisma store reads and then writes (not
// atomic), its PostgreSQL store needs a connection pool of its own beside Prisma's.
import { isIPv6 } from 'node:net'
import { prisma } from './db.server.ts'

const MINUTE = 60

export const SIGN_IN_LIMITS = {
  /** Attempts for one account from one address. */
  perAccountAndAddress: { points: 5, seconds: 15 * MINUTE },
  /** Failed attempts from one address, whatever the account. */
  perAddress: { points: 30, seconds: 15 * MINUTE },
  /** Failed attempts for one account from everywhere: above this, each attempt waits `slowDownMs` first. */
  perAccount: { points: 50, seconds: 15 * MINUTE, slowDownMs: 1000 },
}

/** Checks of the current password when changing it (per user). */
export const PASSWORD_CHECK_LIMIT = { points: 5, seconds: 15 * MINUTE }

interface Counter {
  key: string
  seconds: number
}
interface Count {
  key: string
  count: number
  windowEnds: Date
}

/** Counts one attempt on each key, atomically; a key whose window has passed starts again at 1. */
async function count(counters: Counter[]): Promise<Map<string, Count>> {
  const keys = counters.map((c) => c.key)
  const seconds = counters.map((c) => c.seconds)
  const rows = await prisma.$queryRaw<Count[]>`
    INSERT INTO "Throttle" ("key", "count", "windowEnds")
    SELECT k, 1, now() + make_interval(secs => s)
    FROM unnest(${keys}::text[], ${seconds}::int[]) AS t(k, s)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "Throttle"."windowEnds" <= now() THEN 1 ELSE "Throttle"."count" + 1 END,
      "windowEnds" = CASE WHEN "Throttle"."windowEnds" <= now() THEN EXCLUDED."windowEnds" ELSE "Throttle"."windowEnds" END
    RETURNING "key", "count", "windowEnds"`
  return new Map(rows.map((row) => [row.key, row]))
}

/** Takes back one counted attempt (it succeeded, so it was no guess). */
async function refund(keys: string[]): Promise<void> {
  await prisma.$executeRaw`
    UPDATE "Throttle" SET "count" = greatest("count" - 1, 0) WHERE "key" = ANY(${keys}::text[])`
}

const secondsUntil = (date: Date) => Math.max(1, Math.ceil((date.getTime() - Date.now()) / 1000))

/**
 * The address a limit counts: IPv4 as it is, IPv6 by its /64 network (one household or phone
 * gets a whole /64, so counting single IPv6 addresses would limit nothing).
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (mapped) return mapped[1]!
  if (!isIPv6(address)) return address
  const [head = '', tail = ''] = address.split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const groups = [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
  return `${groups
    .slice(0, 4)
    .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`
}

export type Attempt =
  { allowed: true; slowDownMs: number; succeeded(): Promise<void> } | { allowed: false; retryAfterSeconds: number }

/** Counts a sign-in attempt before the password is checked; `succeeded()` takes it back when it was right. */
export async function attemptSignIn(account: string, address: string): Promise<Attempt> {
  const net = addressKey(address)
  const pair = `signin:${account}|${net}`
  const byAddress = `signin-address:${net}`
  const byAccount = `signin-account:${account}`
  const counts = await count([
    { key: pair, seconds: SIGN_IN_LIMITS.perAccountAndAddress.seconds },
    { key: byAddress, seconds: SIGN_IN_LIMITS.perAddress.seconds },
    { key: byAccount, seconds: SIGN_IN_LIMITS.perAccount.seconds },
  ])
  const over = [
    [counts.get(pair)!, SIGN_IN_LIMITS.perAccountAndAddress.points],
    [counts.get(byAddress)!, SIGN_IN_LIMITS.perAddress.points],
  ].filter(([row, points]) => (row as Count).count > (points as number)) as [Count, number][]
  if (over.length) {
    return { allowed: false, retryAfterSeconds: Math.max(...over.map(([row]) => secondsUntil(row.windowEnds))) }
  }
  const slowed = counts.get(byAccount)!.count > SIGN_IN_LIMITS.perAccount.points
  return {
    allowed: true,
    slowDownMs: slowed ? SIGN_IN_LIMITS.perAccount.slowDownMs : 0,
    // A right password: this address's failures for the account are forgiven, nothing else counted.
    succeeded: async () => {
      await prisma.throttle.deleteMany({ where: { key: pair } })
      await refund([byAddress, byAccount])
    },
  }
}

/** Counts a check of a signed-in user's current password (changing it): 5 per 15 minutes. */
export async function attemptPasswordCheck(userId: string): Promise<Attempt> {
  const key = `password:${userId}`
  const row = (await count([{ key, seconds: PASSWORD_CHECK_LIMIT.seconds }])).get(key)!
  if (row.count > PASSWORD_CHECK_LIMIT.points)
    return { allowed: false, retryAfterSeconds: secondsUntil(row.windowEnds) }
  return {
    allowed: true,
    slowDownMs: 0,
    succeeded: () => prisma.throttle.deleteMany({ where: { key } }).then(() => {}),
  }
}

/** Requests to the public pages (a customer's consultation link), per address. */
export const PUBLIC_PAGE_LIMIT = { points: 60, seconds: 10 * MINUTE }

/** Counts a request to a public page from this address: over the limit it is refused (429). */
export async function attemptPublicRequest(address: string): Promise<Attempt> {
  const key = `public:${addressKey(address)}`
  const row = (await count([{ key, seconds: PUBLIC_PAGE_LIMIT.seconds }])).get(key)!
  if (row.count > PUBLIC_PAGE_LIMIT.points) return { allowed: false, retryAfterSeconds: secondsUntil(row.windowEnds) }
  return { allowed: true, slowDownMs: 0, succeeded: async () => {} }
}

/** Deletes counters whose window ended (the daily retention job). */
export async function deleteExpiredThrottles(now = new Date()): Promise<number> {
  return (await prisma.throttle.deleteMany({ where: { windowEnds: { lt: now } } })).count
}
