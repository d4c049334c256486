import { accessibleBy } from '@casl/prisma/runtime'
import type { AppAbility } from '~/permissions/ability.ts'
import { authorize, invariantFound } from '~/permissions/authorize.server.ts'
import { prisma } from '~/utils/db.server.ts'
import { slugify } from '~/utils/slug.ts'
import { recordAudit } from './audit.server.ts'
import { DomainError, isUniqueViolation } from './errors.server.ts'

export function listRegions(ability: AppAbility) {
  return prisma.region.findMany({
    where: accessibleBy(ability, 'read').ofType('Region'),
    orderBy: { name: 'asc' },
    select: { id: true, name: true, slug: true, description: true, _count: { select: { memberships: true } } },
  })
}

/** The region if the ability may read it; 404 otherwise (its existence does not leak). */
export async function requireRegion(ability: AppAbility, regionId: string) {
  const region = await prisma.region.findFirst({
    where: { AND: [accessibleBy(ability, 'read').ofType('Region'), { id: regionId }] },
    select: { id: true, name: true, slug: true, description: true, createdAt: true },
  })
  invariantFound(region)
  return region
}

export async function createRegion(ability: AppAbility, actorId: string, input: { name: string; description?: string }) {
  authorize(ability, 'create', 'Region')
  const slug = slugify(input.name)
  if (!slug) throw new DomainError('errors.nameNeedsLetters', 400, 'name')
  try {
    return await prisma.$transaction(async (tx) => {
      const region = await tx.region.create({ data: { name: input.name, slug, description: input.description || null } })
      await recordAudit(tx, {
        actorId,
        action: 'region.create',
        subjectType: 'Region',
        subjectId: region.id,
        regionId: region.id,
        after: { name: region.name, slug: region.slug },
      })
      return region
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('errors.regionExists', 409, 'name')
    throw error
  }
}

export async function updateRegion(
  ability: AppAbility,
  actorId: string,
  regionId: string,
  input: { name: string; description?: string },
) {
  const region = await requireRegion(ability, regionId)
  authorize(ability, 'update', 'Region', region)
  try {
    return await prisma.$transaction(async (tx) => {
      const updated = await tx.region.update({
        where: { id: region.id },
        data: { name: input.name, slug: slugify(input.name) || region.slug, description: input.description || null },
      })
      await recordAudit(tx, {
        actorId,
        action: 'region.update',
        subjectType: 'Region',
        subjectId: region.id,
        regionId: region.id,
        before: { name: region.name, description: region.description },
        after: { name: updated.name, description: updated.description },
      })
      return updated
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('errors.regionExists', 409, 'name')
    throw error
  }
}

/** Removes a region only when nothing hangs on it: no memberships, guidelines or decisions. */
export async function deleteRegion(ability: AppAbility, actorId: string, regionId: string) {
  const region = await requireRegion(ability, regionId)
  authorize(ability, 'delete', 'Region', region)
  await prisma.$transaction(async (tx) => {
    const [memberships, guidelines, decisions] = await Promise.all([
      tx.membership.count({ where: { regionId: region.id } }),
      tx.guideline.count({ where: { regionId: region.id } }),
      tx.principleDecision.count({ where: { regionId: region.id } }),
    ])
    if (memberships > 0) throw new DomainError('errors.regionInUse', 409)
    if (guidelines + decisions > 0) throw new DomainError('errors.regionHasGuidelines', 409)
    await tx.region.delete({ where: { id: region.id } })
    await recordAudit(tx, {
      actorId,
      action: 'region.delete',
      subjectType: 'Region',
      subjectId: region.id,
      regionId: region.id,
      before: { name: region.name, slug: region.slug },
    })
  })
}
