import crypto from 'node:crypto'
import { accessibleBy } from '@casl/prisma/runtime'
import type { OrgRole } from '~/generated/prisma/enums.ts'
import type { Action, AppAbility } from '~/permissions/ability.ts'
import { authorize } from '~/permissions/authorize.ts'
import { Conflict, Invalid, invariantFound, isUniqueViolation } from '~/utils/errors.ts'
import { prisma } from '~/utils/db.server.ts'
import { hashPassword, MIN_PASSWORD_LENGTH, NO_PASSWORD } from '~/utils/password.server.ts'
import { recordAudit } from './audit.server.ts'
import { normalizeEmail } from './auth.server.ts'

export function listUsers(ability: AppAbility) {
  return prisma.user.findMany({
    where: accessibleBy(ability, 'read').ofType('User'),
    orderBy: [{ deactivatedAt: { sort: 'desc', nulls: 'first' } }, { name: 'asc' }],
    select: {
      id: true,
      name: true,
      email: true,
      orgRole: true,
      deactivatedAt: true,
      memberships: { select: { role: true, region: { select: { id: true, name: true } } } },
    },
  })
}

/** The user directory (the admin's: whoever may create users): every user the ability may read. */
export async function requireUserDirectory(ability: AppAbility) {
  authorize(ability, 'create', 'User')
  return listUsers(ability)
}

/** A user's record if the ability may read it (NotFound otherwise) and do `action` on it (Forbidden). */
export async function requireUserRecord(ability: AppAbility, userId: string, action: Action = 'read') {
  const user = await prisma.user.findFirst({
    where: { AND: [accessibleBy(ability, 'read').ofType('User'), { id: userId }] },
    select: {
      id: true,
      name: true,
      email: true,
      employeeNumber: true,
      orgRole: true,
      deactivatedAt: true,
      erasedAt: true,
      mustChangePassword: true,
      createdAt: true,
      memberships: {
        select: { id: true, role: true, regionId: true, region: { select: { id: true, name: true } } },
        orderBy: { region: { name: 'asc' } },
      },
    },
  })
  invariantFound(user)
  authorize(ability, action, 'User', user)
  return user
}

/** A readable temporary password (about 80 bits), shown once to the admin who made it. */
export function generateTemporaryPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789'
  const bytes = crypto.randomBytes(16)
  const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length])
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8, 12), chars.slice(12, 16)]
    .map((g) => g.join(''))
    .join('-')
}

export async function createUser(
  ability: AppAbility,
  actorId: string,
  input: { name: string; email: string; orgRole: OrgRole | null },
) {
  authorize(ability, 'create', 'User')
  const temporaryPassword = generateTemporaryPassword()
  const passwordHash = await hashPassword(temporaryPassword)
  try {
    const user = await prisma.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: {
          name: input.name,
          email: normalizeEmail(input.email),
          orgRole: input.orgRole,
          passwordHash,
          mustChangePassword: true,
        },
      })
      await recordAudit(tx, {
        actorId,
        action: 'user.create',
        subjectType: 'User',
        subjectId: created.id,
        after: { email: created.email, name: created.name, orgRole: created.orgRole },
      })
      return created
    })
    return { user, temporaryPassword }
  } catch (error) {
    if (isUniqueViolation(error)) throw new Conflict('errors.emailTaken', 'email')
    throw error
  }
}

export async function setOrgRole(ability: AppAbility, actorId: string, userId: string, orgRole: OrgRole | null) {
  const user = await requireUserRecord(ability, userId, 'update')
  if (user.id === actorId && user.orgRole === 'admin' && orgRole !== 'admin') {
    throw new Conflict('errors.cannotDemoteSelf')
  }
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { orgRole } })
    await recordAudit(tx, {
      actorId,
      action: 'user.orgRole',
      subjectType: 'User',
      subjectId: user.id,
      before: { orgRole: user.orgRole },
      after: { orgRole },
    })
  })
}

/** Deactivated users cannot sign in and their sessions end at once; their history stays. */
export async function setUserActive(ability: AppAbility, actorId: string, userId: string, active: boolean) {
  const user = await requireUserRecord(ability, userId, 'update')
  if (user.id === actorId && !active) throw new Conflict('errors.cannotDeactivateSelf')
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { deactivatedAt: active ? null : new Date() } })
    if (!active) await tx.session.deleteMany({ where: { userId: user.id } })
    await recordAudit(tx, {
      actorId,
      action: active ? 'user.reactivate' : 'user.deactivate',
      subjectType: 'User',
      subjectId: user.id,
    })
  })
}

/** Gives the user a new temporary password (to change at next sign-in) and ends their sessions. */
export async function resetPassword(ability: AppAbility, actorId: string, userId: string) {
  const user = await requireUserRecord(ability, userId, 'update')
  const temporaryPassword = generateTemporaryPassword()
  const passwordHash = await hashPassword(temporaryPassword)
  await prisma.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, mustChangePassword: true, passwordChangedAt: new Date() },
    })
    await tx.session.deleteMany({ where: { userId: user.id } })
    await recordAudit(tx, { actorId, action: 'user.password.reset', subjectType: 'User', subjectId: user.id })
  })
  return temporaryPassword
}

/** The user's own interface (and e-mail) language, when they switch it. */
export async function setOwnLanguage(userId: string, language: 'nl' | 'en') {
  await prisma.user.updateMany({ where: { id: userId, language: { not: language } }, data: { language } })
}

/**
 * The first admin of a fresh installation (or a later one): creates the user as admin with the
 * given password, or makes an existing user admin (and sets the password when one is given).
 * Run from the command line (`npm run admin:create`), so there is no ability: the operator with
 * access to the database is the authority. Audited as done by nobody in the app.
 */
export async function createOrPromoteAdmin(input: { email: string; name?: string; password?: string }) {
  const email = normalizeEmail(input.email)
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new Invalid('errors.email', 'email')
  if (input.password !== undefined && input.password.length < MIN_PASSWORD_LENGTH) {
    throw new Invalid('errors.passwordTooShort', 'password')
  }
  const passwordHash = input.password ? await hashPassword(input.password) : undefined
  return prisma.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email } })
    if (!existing) {
      if (!passwordHash) throw new Invalid('admin.passwordRequired', 'password')
      const user = await tx.user.create({
        data: { email, name: input.name?.trim() || email.split('@')[0]!, orgRole: 'admin', passwordHash },
      })
      await recordAudit(tx, {
        actorId: null,
        action: 'user.create',
        subjectType: 'User',
        subjectId: user.id,
        after: { email, orgRole: 'admin', by: 'admin:create' },
      })
      return { user, created: true }
    }
    const user = await tx.user.update({
      where: { id: existing.id },
      data: {
        orgRole: 'admin',
        orgRoleFromSso: false,
        deactivatedAt: null,
        ...(input.name?.trim() ? { name: input.name.trim() } : {}),
        ...(passwordHash ? { passwordHash, mustChangePassword: false, passwordChangedAt: new Date() } : {}),
      },
    })
    if (passwordHash) await tx.session.deleteMany({ where: { userId: user.id } })
    await recordAudit(tx, {
      actorId: null,
      action: 'user.orgRole',
      subjectType: 'User',
      subjectId: user.id,
      before: { orgRole: existing.orgRole, deactivated: existing.deactivatedAt !== null },
      after: { orgRole: 'admin', by: 'admin:create', passwordSet: Boolean(passwordHash) },
    })
    return { user, created: false }
  })
}

/**
 * Everything Leidraad keeps about the signed-in user, as they may download it (their right of
 * access): the account, memberships, what they wrote, confirmed and were told, and what they did.
 */
export async function personalData(userId: string) {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      name: true,
      email: true,
      employeeNumber: true,
      orgRole: true,
      language: true,
      createdAt: true,
      passwordChangedAt: true,
      oidcSubject: true,
      memberships: { select: { role: true, source: true, createdAt: true, region: { select: { name: true } } } },
      notificationSettings: { select: { kind: true, delivery: true } },
      principleComments: { select: { body: true, createdAt: true, principle: { select: { title: true } } } },
      guidelineComments: { select: { body: true, createdAt: true, guideline: { select: { title: true } } } },
      feedbackGiven: {
        select: { body: true, status: true, answer: true, createdAt: true, guideline: { select: { title: true } } },
      },
      acknowledgements: {
        select: { versionNumber: true, createdAt: true, guidelineVersion: { select: { title: true } } },
      },
      customerInputs: { select: { said: true, source: true, heardOn: true, guideline: { select: { title: true } } } },
      signals: { select: { kind: true, channel: true, said: true, score: true, occurredAt: true, noRule: true } },
      notifications: { select: { kind: true, params: true, createdAt: true, readAt: true } },
      auditEvents: { select: { action: true, subjectType: true, createdAt: true }, orderBy: { createdAt: 'asc' } },
    },
  })
  return { exportedAt: new Date().toISOString(), ...user }
}

/**
 * Erases a person (the admin; their right to erasure): name and addresses anonymised ("Voormalig
 * medewerker"), sign-in removed, memberships, sessions, notifications and preferences deleted.
 * What they wrote and published stays (the organisation's rules and history) under that name.
 * Not yourself, and not the last active admin.
 */
export async function eraseUser(ability: AppAbility, actorId: string, userId: string) {
  const user = await requireUserRecord(ability, userId, 'delete')
  if (user.id === actorId) throw new Conflict('errors.cannotEraseSelf')
  await prisma.$transaction(async (tx) => {
    if (user.orgRole === 'admin') {
      const admins = await tx.user.count({ where: { orgRole: 'admin', deactivatedAt: null, id: { not: user.id } } })
      if (!admins) throw new Conflict('errors.lastAdmin')
    }
    await tx.user.update({
      where: { id: user.id },
      data: {
        name: ERASED_NAME,
        email: null,
        employeeNumber: null,
        oidcSubject: null,
        orgRole: null,
        orgRoleFromSso: false,
        passwordHash: NO_PASSWORD,
        mustChangePassword: false,
        language: 'nl',
        deactivatedAt: new Date(),
        erasedAt: new Date(),
      },
    })
    await tx.session.deleteMany({ where: { userId: user.id } })
    await tx.membership.deleteMany({ where: { userId: user.id } })
    await tx.notification.deleteMany({ where: { userId: user.id } })
    await tx.notificationSetting.deleteMany({ where: { userId: user.id } })
    await tx.mail.deleteMany({ where: { userId: user.id, status: { in: ['pending', 'kept', 'failed', 'unknown'] } } })
    await recordAudit(tx, { actorId, action: 'user.erase', subjectType: 'User', subjectId: user.id })
  })
}

/** How an erased person is named where their work stays. */
export const ERASED_NAME = 'Voormalig medewerker'
