// Sign-in plumbing of the web layer: the session cookie → the signed-in user and their ability,
// redirects to the sign-in page, starting and ending sessions. Every loader and action starts
// here (through app/web/route.server.ts), because Remix runs parent and child loaders in
// parallel: a parent's check never protects a child.
import crypto from 'node:crypto'
import { redirect } from '@remix-run/node'
import { createSession, endSession, findSessionUser, type SessionUser } from '~/models/auth.server.ts'
import { defineAbilityFor } from '~/permissions/ability.server.ts'
import type { AppAbility } from '~/permissions/ability.ts'
import { safeRedirectPath } from '~/utils/redirect.ts'
import { oncePerRequest } from '~/utils/request-scope.server.ts'
import {
  commitCookieSession,
  destroyCookieSession,
  getCookieSession,
  SESSION_COOKIE,
  sessionStorage,
} from './session.server.ts'

export type { SessionUser }

export const PASSWORD_CHANGE_PATH = '/account/password'

// Looked up once per request. Remix gives the root and the route loader each their own Request
// object, so a page (a GET) shares the lookup through the request scope; a post keeps it per
// Request object, because its action may change the very user (a new password, a new session).
const sessionUsers = new WeakMap<Request, Promise<SessionUser | null>>()

/** The signed-in user, or null (no cookie, expired or revoked session, deactivated user). */
export function getSessionUser(request: Request): Promise<SessionUser | null> {
  const lookUp = () =>
    getCookieSession(request).then((cookie) => {
      const sessionId = cookie.get('sessionId')
      return sessionId ? findSessionUser(sessionId) : null
    })
  if (request.method === 'GET' || request.method === 'HEAD') return oncePerRequest('session-user', lookUp)
  let user = sessionUsers.get(request)
  if (!user) {
    user = lookUp()
    sessionUsers.set(request, user)
  }
  return user
}

/** The signed-in user; otherwise a redirect to the sign-in page that comes back here afterwards. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request)
  const url = new URL(request.url)
  if (!user) {
    const here = url.pathname + url.search
    const search = here === '/' ? '' : `?${new URLSearchParams({ redirectTo: safeRedirectPath(here) })}`
    throw redirect(`/login${search}`, { headers: await clearCookieHeaders(request) })
  }
  if (user.mustChangePassword && url.pathname !== PASSWORD_CHANGE_PATH && url.pathname !== '/logout') {
    throw redirect(PASSWORD_CHANGE_PATH)
  }
  return user
}

/** The guard every loader and action starts with: the signed-in user and their ability, built from the one rule definition. */
export async function requireAbility(request: Request): Promise<{ user: SessionUser; ability: AppAbility }> {
  const user = await requireUser(request)
  return { user, ability: defineAbilityFor(user) }
}

async function clearCookieHeaders(request: Request): Promise<HeadersInit> {
  if (!request.headers.get('Cookie')?.includes(SESSION_COOKIE)) return {}
  return { 'Set-Cookie': await destroyCookieSession(request, await getCookieSession(request)) }
}

/** Starts a session for the user and redirects with its cookie (`request`: the one signing in, for the cookie's options). */
export async function startSession(userId: string, redirectTo: string, request?: Request): Promise<Response> {
  const session = await createSession(userId)
  const cookieSession = await sessionStorage.getSession()
  cookieSession.set('sessionId', session.id)
  const setCookie = request
    ? await commitCookieSession(request, cookieSession)
    : await sessionStorage.commitSession(cookieSession)
  return redirect(redirectTo, { headers: { 'Set-Cookie': setCookie } })
}

export async function signOut(request: Request): Promise<Response> {
  const cookieSession = await getCookieSession(request)
  const sessionId = cookieSession.get('sessionId')
  if (sessionId) await endSession(sessionId)
  return redirect('/login', { headers: { 'Set-Cookie': await destroyCookieSession(request, cookieSession) } })
}

/**
 * Headers of every page: never stored by a browser or proxy (`no-store`: after signing out on a
 * shared phone, Back fetches again and lands on the sign-in page instead of the previous user's
 * page, and the back/forward cache keeps no copy). For a signed-in user, the page also says which
 * session it was made for and until when that session holds: the service worker serves a stored
 * handbook page offline only within that time, and forgets every page of an earlier session.
 */
export async function pageHeaders(request: Request, headers: Headers): Promise<void> {
  headers.set('Cache-Control', 'no-store')
  const user = await getSessionUser(request).catch(() => null)
  if (!user) return
  headers.set('X-Leidraad-Session', crypto.createHash('sha256').update(user.sessionId).digest('hex').slice(0, 16))
  headers.set('X-Leidraad-Session-Expires', user.sessionExpiresAt.toISOString())
}
