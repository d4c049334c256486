import { RateLimiterMemory } from 'rate-limiter-flexible'
import { singleton } from './singleton.server.ts'

/**
 * Failed sign-ins are counted per account and per client address. The counters live in this
 * process (one app server); with several servers, swap in rate-limiter-flexible's
 * RateLimiterPostgres with the same options.
 */
export const SIGN_IN_LIMITS = {
  perAccount: { points: 5, duration: 15 * 60 },
  perAddress: { points: 30, duration: 15 * 60 },
}

const limiters = singleton('sign-in-limiters', () => ({
  account: new RateLimiterMemory({ keyPrefix: 'signin-account', ...SIGN_IN_LIMITS.perAccount }),
  address: new RateLimiterMemory({ keyPrefix: 'signin-address', ...SIGN_IN_LIMITS.perAddress }),
}))

/** Seconds until another attempt is allowed, or 0 when it is allowed now. */
export async function signInRetryAfter(email: string, address: string): Promise<number> {
  const [account, client] = await Promise.all([
    limiters.account.get(email.toLowerCase()),
    limiters.address.get(address),
  ])
  const blocked = [
    account && account.consumedPoints >= SIGN_IN_LIMITS.perAccount.points ? account.msBeforeNext : 0,
    client && client.consumedPoints >= SIGN_IN_LIMITS.perAddress.points ? client.msBeforeNext : 0,
  ]
  return Math.ceil(Math.max(...blocked) / 1000)
}

export async function recordFailedSignIn(email: string, address: string): Promise<void> {
  await Promise.all([limiters.account.penalty(email.toLowerCase(), 1), limiters.address.penalty(address, 1)])
}

export async function clearFailedSignIns(email: string): Promise<void> {
  await limiters.account.delete(email.toLowerCase())
}
