// The signed session cookie. It carries only the session row's id; the row decides (expiry,
// revocation), see app/models/auth.server.ts.
import { createCookieSessionStorage } from '@remix-run/node'
import { SESSION_TTL_MS } from '~/models/auth.server.ts'
import { singleton } from '~/utils/singleton.server.ts'
import type { Flash } from './flash.server.ts'
import { getSessionSecrets } from '~/utils/secrets.server.ts'

export const SESSION_COOKIE = '__leidraad_session'

export const sessionStorage = singleton('session-storage', () =>
  createCookieSessionStorage<{ sessionId: string }, { flash: Flash }>({
    cookie: {
      name: SESSION_COOKIE,
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secrets: getSessionSecrets(),
      maxAge: SESSION_TTL_MS / 1000,
    },
  }),
)

export async function getCookieSession(request: Request) {
  return sessionStorage.getSession(request.headers.get('Cookie'))
}

/**
 * Cookie options that follow the request's real protocol: `Secure` over https (production, also
 * behind a proxy that says so and is trusted, TRUST_PROXY), not over plain http — so the demo
 * opens from a phone on the shop's Wi-Fi by the machine's address.
 */
export function cookieOptions(request: Request) {
  return { secure: new URL(request.url).protocol === 'https:' }
}

/** The Set-Cookie header that stores the session (with the flash message, if any). */
export function commitCookieSession(request: Request, session: Awaited<ReturnType<typeof getCookieSession>>) {
  return sessionStorage.commitSession(session, cookieOptions(request))
}

/** The Set-Cookie header that removes the session cookie. */
export function destroyCookieSession(request: Request, session: Awaited<ReturnType<typeof getCookieSession>>) {
  return sessionStorage.destroySession(session, cookieOptions(request))
}
