import crypto from 'node:crypto'
import { accessibleBy } from '@casl/prisma/runtime'
import type { OrgRole } from '~/generated/prisma/enums.ts'
import type { Action, AppAbility } from '~/permissions/ability.ts'
import { authorize } from '~/permissions/authorize.ts'
import { Conflict, invariantFound, isUniqueViolation } from '~/utils/errors.ts'
import { prisma } from '~/utils/db.server.ts'
import { hashPassword } from '~/utils/password.server.ts'
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
      orgRole: true,
      deactivatedAt: true,
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
