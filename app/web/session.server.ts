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
      secure: process.env.NODE_ENV === 'production' && !process.env.ALLOW_HTTP,
      secrets: getSessionSecrets(),
      maxAge: SESSION_TTL_MS / 1000,
    },
  }),
)

export async function getCookieSession(request: Request) {
  return sessionStorage.getSession(request.headers.get('Cookie'))
}
