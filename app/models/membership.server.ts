import { accessibleBy } from '@casl/prisma/runtime'
import type { RegionRole } from '~/generated/prisma/enums.ts'
import type { AppAbility } from '~/permissions/ability.ts'
import { authorize } from '~/permissions/authorize.ts'
import { Conflict, Invalid, invariantFound } from '~/utils/errors.ts'
import { prisma } from '~/utils/db.server.ts'
import { recordAudit } from './audit.server.ts'
import { normalizeEmail } from './auth.server.ts'

export function listRegionMemberships(ability: AppAbility, regionId: string) {
  return prisma.membership.findMany({
    where: { AND: [accessibleBy(ability, 'read').ofType('Membership'), { regionId }] },
    orderBy: [{ role: 'asc' }, { user: { name: 'asc' } }],
    select: {
      id: true,
      role: true,
      regionId: true,
      user: { select: { id: true, name: true, email: true, deactivatedAt: true } },
    },
  })
}

/**
 * Adds an existing user (by email) to a region. The ability is checked on the membership that
 * would exist afterwards, so a manager can only create member/frontline rows in a region they manage.
 */
export async function addMembership(
  ability: AppAbility,
  actorId: string,
  regionId: string,
  input: { email: string; role: RegionRole },
) {
  authorize(ability, 'create', 'Membership', { regionId, role: input.role })
  const user = await prisma.user.findUnique({ where: { email: normalizeEmail(input.email) }, select: { id: true } })
  if (!user) throw new Invalid('errors.noSuchUser', 'email')
  return prisma.$transaction(async (tx) => {
    const existing = await tx.membership.findUnique({ where: { userId_regionId: { userId: user.id, regionId } } })
    if (existing) throw new Conflict('errors.alreadyMember', 'email')
    const membership = await tx.membership.create({ data: { userId: user.id, regionId, role: input.role } })
    await recordAudit(tx, {
      actorId,
      action: 'membership.create',
      subjectType: 'Membership',
      subjectId: membership.id,
      regionId,
      after: { userId: user.id, role: input.role },
    })
    return membership
  })
}

async function requireMembership(ability: AppAbility, membershipId: string) {
  const membership = await prisma.membership.findFirst({
    where: { AND: [accessibleBy(ability, 'read').ofType('Membership'), { id: membershipId }] },
  })
  invariantFound(membership)
  return membership
}

/** Changes a membership's role: allowed only if both the current and the new state are. */
export async function changeMembershipRole(
  ability: AppAbility,
  actorId: string,
  membershipId: string,
  role: RegionRole,
) {
  const membership = await requireMembership(ability, membershipId)
  authorize(ability, 'update', 'Membership', membership)
  authorize(ability, 'update', 'Membership', { ...membership, role })
  if (membership.role === role) return membership
  return prisma.$transaction(async (tx) => {
    const updated = await tx.membership.update({ where: { id: membership.id }, data: { role } })
    await recordAudit(tx, {
      actorId,
      action: 'membership.update',
      subjectType: 'Membership',
      subjectId: membership.id,
      regionId: membership.regionId,
      before: { userId: membership.userId, role: membership.role },
      after: { userId: membership.userId, role },
    })
    return updated
  })
}

export async function removeMembership(ability: AppAbility, actorId: string, membershipId: string) {
  const membership = await requireMembership(ability, membershipId)
  authorize(ability, 'delete', 'Membership', membership)
  await prisma.$transaction(async (tx) => {
    await tx.membership.delete({ where: { id: membership.id } })
    await recordAudit(tx, {
      actorId,
      action: 'membership.delete',
      subjectType: 'Membership',
      subjectId: membership.id,
      regionId: membership.regionId,
      before: { userId: membership.userId, role: membership.role },
    })
  })
}
