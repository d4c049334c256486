// Who is signed in: checking a password (with throttling), the session rows behind the cookie,
// and changing one's own password. The cookie and the redirects are the web layer's
// (app/web/auth.server.ts); this module only knows users and sessions.
import type { OrgRole, RegionRole } from '~/generated/prisma/enums.ts'
import { prisma } from '~/utils/db.server.ts'
import { hashPassword, verifyAgainstDummy, verifyPassword } from '~/utils/password.server.ts'
import { setTimeout as sleep } from 'node:timers/promises'
import { attemptPasswordCheck, attemptSignIn } from '~/utils/throttle.server.ts'
import { recordAudit } from './audit.server.ts'

/** How long a sign-in lasts. The database row decides; the cookie only carries its id. */
export const SESSION_TTL_MS = 1000 * 60 * 60 * 24 * 14

/** Who is signed in, as every loader and action sees them. */
export interface SessionUser {
  id: string
  email: string
  name: string
  orgRole: OrgRole | null
  mustChangePassword: boolean
  /** Always null here (a deactivated user has no live session); the ability reads it. */
  deactivatedAt: Date | null
  /** The user's regions, by region name. */
  memberships: { regionId: string; role: RegionRole; region: { id: string; name: string; slug: string } }[]
  sessionId: string
  sessionExpiresAt: Date
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}

/** The user a sign-in name names: an e-mail address (has an @) or an employee number. */
export function userBySignInName(name: string) {
  const normalized = normalizeEmail(name)
  return normalized.includes('@') ? { email: normalized } : { employeeNumber: name.trim() }
}

/** Whether password sign-in is refused for users who sign in through SSO (SSO_PASSWORD_SIGNIN=off). */
const passwordRefusedForSso = () => process.env.SSO_PASSWORD_SIGNIN === 'off'

export type SignInResult =
  | { ok: true; userId: string; mustChangePassword: boolean }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number }

/**
 * Checks an email and password. Unknown email, wrong password and deactivated account all
 * answer the same "invalid", after the same amount of work.
 */
export async function verifySignIn(signInName: string, password: string, clientAddress: string): Promise<SignInResult> {
  const attempt = await attemptSignIn(normalizeEmail(signInName), clientAddress)
  if (!attempt.allowed) return { ok: false, reason: 'throttled', retryAfterSeconds: attempt.retryAfterSeconds }
  if (attempt.slowDownMs) await sleep(attempt.slowDownMs)

  const user = await prisma.user.findFirst({
    where: userBySignInName(signInName),
    select: { id: true, passwordHash: true, deactivatedAt: true, mustChangePassword: true, oidcSubject: true },
  })
  const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password)
  const refused = user?.oidcSubject && passwordRefusedForSso()
  if (!user || !valid || user.deactivatedAt || refused) return { ok: false, reason: 'invalid' }
  await attempt.succeeded()
  return { ok: true, userId: user.id, mustChangePassword: user.mustChangePassword }
}

/** A new session row for the user; its id goes into the signed cookie. */
export function createSession(userId: string) {
  return prisma.session.create({
    data: { userId, expiresAt: new Date(Date.now() + SESSION_TTL_MS) },
    select: { id: true },
  })
}

/**
 * The user of a live session (not expired, not revoked, user not deactivated), or null. Every
 * request asks this, so it is one SQL statement: session, user and memberships with their regions.
 */
export async function findSessionUser(sessionId: string): Promise<SessionUser | null> {
  const rows = await prisma.$queryRaw<
    (Omit<SessionUser, 'memberships'> & { memberships: SessionUser['memberships'] })[]
  >`
    /* prepared */ SELECT u."id", u."email", u."name", u."orgRole"::text AS "orgRole", u."mustChangePassword", u."deactivatedAt",
      s."id" AS "sessionId", s."expiresAt" AS "sessionExpiresAt",
      COALESCE((SELECT json_agg(json_build_object('regionId', m."regionId", 'role', m."role",
          'region', json_build_object('id', r."id", 'name', r."name", 'slug', r."slug")) ORDER BY r."name", r."id")
        FROM "Membership" m JOIN "Region" r ON r."id" = m."regionId" WHERE m."userId" = u."id"), '[]'::json) AS "memberships"
    FROM "Session" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."id" = ${sessionId} AND s."expiresAt" > ${new Date()} AND u."deactivatedAt" IS NULL`
  return rows[0] ?? null
}

export async function endSession(sessionId: string): Promise<void> {
  await prisma.session.deleteMany({ where: { id: sessionId } })
}

/**
 * Changes the user's own password after checking the current one (5 checks per 15 minutes, so
 * a session left open cannot be used to guess it), and ends every other session of theirs.
 */
export async function changeOwnPassword(
  user: { id: string; sessionId: string },
  currentPassword: string,
  newPassword: string,
): Promise<'changed' | 'wrong' | { throttled: number }> {
  const attempt = await attemptPasswordCheck(user.id)
  if (!attempt.allowed) return { throttled: attempt.retryAfterSeconds }
  const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } })
  if (!(await verifyPassword(row.passwordHash, currentPassword))) return 'wrong'
  await attempt.succeeded()
  const passwordHash = await hashPassword(newPassword)
  await prisma.$transaction([
    prisma.user.update({
      where: { id: user.id },
      data: { passwordHash, mustChangePassword: false, passwordChangedAt: new Date() },
    }),
    prisma.session.deleteMany({ where: { userId: user.id, id: { not: user.sessionId } } }),
    recordAudit(prisma, { actorId: user.id, action: 'user.password.change', subjectType: 'User', subjectId: user.id }),
  ])
  return 'changed'
}
