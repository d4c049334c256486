import { redirect } from '@remix-run/node'
import { prisma } from '~/utils/db.server.ts'
import { hashPassword, verifyAgainstDummy, verifyPassword } from '~/utils/password.server.ts'
import { getCookieSession, SESSION_TTL_MS, sessionStorage } from '~/utils/session.server.ts'
import { safeRedirectPath } from '~/utils/redirect.ts'
import { clearFailedSignIns, recordFailedSignIn, signInRetryAfter } from '~/utils/throttle.server.ts'
import { recordAudit } from './audit.server.ts'

const sessionUserSelect = {
  id: true,
  email: true,
  name: true,
  orgRole: true,
  deactivatedAt: true,
  mustChangePassword: true,
  memberships: {
    select: { regionId: true, role: true, region: { select: { id: true, name: true, slug: true } } },
    orderBy: { region: { name: 'asc' } },
  },
} as const

export type SessionUser = NonNullable<Awaited<ReturnType<typeof getSessionUser>>>

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}

export type SignInResult =
  | { ok: true; userId: string; mustChangePassword: boolean }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number }

/**
 * Checks an email and password. Unknown email, wrong password and deactivated account all
 * answer the same "invalid", after the same amount of work.
 */
export async function verifySignIn(emailInput: string, password: string, clientAddress: string): Promise<SignInResult> {
  const email = normalizeEmail(emailInput)
  const retryAfterSeconds = await signInRetryAfter(email, clientAddress)
  if (retryAfterSeconds > 0) return { ok: false, reason: 'throttled', retryAfterSeconds }

  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, deactivatedAt: true, mustChangePassword: true },
  })
  const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password)
  if (!user || !valid || user.deactivatedAt) {
    await recordFailedSignIn(email, clientAddress)
    return { ok: false, reason: 'invalid' }
  }
  await clearFailedSignIns(email)
  return { ok: true, userId: user.id, mustChangePassword: user.mustChangePassword }
}

/** Starts a session for the user and redirects with its cookie. */
export async function startSession(userId: string, redirectTo: string): Promise<Response> {
  const session = await prisma.session.create({
    data: { userId, expiresAt: new Date(Date.now() + SESSION_TTL_MS) },
    select: { id: true },
  })
  const cookieSession = await sessionStorage.getSession()
  cookieSession.set('sessionId', session.id)
  return redirect(redirectTo, {
    headers: { 'Set-Cookie': await sessionStorage.commitSession(cookieSession) },
  })
}

/** The signed-in user, or null (no cookie, expired or revoked session, deactivated user). */
// Root and route loaders of one request share the Request object: look the session up once.
const sessionUsers = new WeakMap<Request, ReturnType<typeof lookUpSessionUser>>()

export function getSessionUser(request: Request) {
  let user = sessionUsers.get(request)
  if (!user) {
    user = lookUpSessionUser(request)
    sessionUsers.set(request, user)
  }
  return user
}

async function lookUpSessionUser(request: Request) {
  const cookieSession = await getCookieSession(request)
  const sessionId = cookieSession.get('sessionId')
  if (!sessionId) return null
  const session = await prisma.session.findFirst({
    where: { id: sessionId, expiresAt: { gt: new Date() }, user: { deactivatedAt: null } },
    select: { id: true, user: { select: sessionUserSelect } },
  })
  return session ? { ...session.user, sessionId: session.id } : null
}

export const PASSWORD_CHANGE_PATH = '/account/password'

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

async function clearCookieHeaders(request: Request): Promise<HeadersInit> {
  if (!request.headers.get('Cookie')?.includes('__leidraad_session')) return {}
  return { 'Set-Cookie': await sessionStorage.destroySession(await getCookieSession(request)) }
}

export async function signOut(request: Request): Promise<Response> {
  const cookieSession = await getCookieSession(request)
  const sessionId = cookieSession.get('sessionId')
  if (sessionId) await prisma.session.deleteMany({ where: { id: sessionId } })
  return redirect('/login', { headers: { 'Set-Cookie': await sessionStorage.destroySession(cookieSession) } })
}

/**
 * Changes the user's own password after checking the current one, and ends every other
 * session of theirs. Returns false when the current password is wrong.
 */
export async function changeOwnPassword(
  user: { id: string; sessionId: string },
  currentPassword: string,
  newPassword: string,
): Promise<boolean> {
  const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } })
  if (!(await verifyPassword(row.passwordHash, currentPassword))) return false
  const passwordHash = await hashPassword(newPassword)
  await prisma.$transaction([
    prisma.user.update({
      where: { id: user.id },
      data: { passwordHash, mustChangePassword: false, passwordChangedAt: new Date() },
    }),
    prisma.session.deleteMany({ where: { userId: user.id, id: { not: user.sessionId } } }),
    recordAudit(prisma, { actorId: user.id, action: 'user.password.change', subjectType: 'User', subjectId: user.id }),
  ])
  return true
}
