import { createCookieSessionStorage } from '@remix-run/node'
import { getSessionSecrets } from './session-secret.server.ts'
import { singleton } from './singleton.server.ts'

/** How long a sign-in lasts. The database row decides; the cookie only carries its id. */
export const SESSION_TTL_MS = 1000 * 60 * 60 * 24 * 14

export const sessionStorage = singleton('session-storage', () =>
  createCookieSessionStorage<{ sessionId: string }, { flash: { kind: 'success' | 'error'; key: string } }>({
    cookie: {
      name: '__leidraad_session',
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
