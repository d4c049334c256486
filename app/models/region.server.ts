import { accessibleBy } from '@casl/prisma/runtime'
import { can, type AppAbility } from '~/permissions/ability.ts'
import { authorize } from '~/permissions/authorize.ts'
import { Conflict, Invalid, invariantFound, isUniqueViolation } from '~/utils/errors.ts'
import { prisma } from '~/utils/db.server.ts'
import { slugify } from '~/utils/slug.ts'
import { REGION_ROLES } from '~/validation/schemas.ts'
import { recordAudit } from './audit.server.ts'
import { listRegionMemberships } from './membership.server.ts'

export function listRegions(ability: AppAbility) {
  return prisma.region.findMany({
    where: accessibleBy(ability, 'read').ofType('Region'),
    orderBy: { name: 'asc' },
    select: { id: true, name: true, slug: true, description: true, _count: { select: { memberships: true } } },
  })
}

/** The regions page: every region the ability may read (Forbidden for whoever reads none). */
export async function requireRegions(ability: AppAbility) {
  authorize(ability, 'read', 'Region')
  return listRegions(ability)
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

/**
 * The region of a page the user opens: one of their own regions comes with their session (no
 * query; the ability still decides), any other is looked up like `requireRegion`.
 */
export async function requireRegionOf(
  ability: AppAbility,
  memberships: { region: { id: string; name: string; slug: string } }[],
  regionId: string,
): Promise<{ id: string; name: string; slug: string }> {
  const own = memberships.find((m) => m.region.id === regionId)?.region
  if (own && can(ability, 'read', 'Region', own)) return own
  return requireRegion(ability, regionId)
}

export async function createRegion(
  ability: AppAbility,
  actorId: string,
  input: { name: string; description?: string },
) {
  authorize(ability, 'create', 'Region')
  const slug = slugify(input.name)
  if (!slug) throw new Invalid('errors.nameNeedsLetters', 'name')
  try {
    return await prisma.$transaction(async (tx) => {
      const region = await tx.region.create({
        data: { name: input.name, slug, description: input.description || null },
      })
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
    if (isUniqueViolation(error)) throw new Conflict('errors.regionExists', 'name')
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
    if (isUniqueViolation(error)) throw new Conflict('errors.regionExists', 'name')
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
    if (memberships > 0) throw new Conflict('errors.regionInUse')
    if (guidelines + decisions > 0) throw new Conflict('errors.regionHasGuidelines')
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

/** A region's page: the region, its team as far as the ability shows it, and what the user may do there. */
export async function regionPage(ability: AppAbility, regionId: string) {
  const region = await requireRegion(ability, regionId)
  const memberships = await listRegionMemberships(ability, region.id)
  return {
    region,
    memberships: memberships.map((m) => ({
      ...m,
      may: { update: can(ability, 'update', 'Membership', m), remove: can(ability, 'delete', 'Membership', m) },
    })),
    may: {
      update: can(ability, 'update', 'Region', region),
      remove: can(ability, 'delete', 'Region', region),
      workspace: can(ability, 'readDraft', 'Guideline', { regionId: region.id }),
    },
    assignableRoles: REGION_ROLES.filter((role) => can(ability, 'create', 'Membership', { regionId: region.id, role })),
  }
}
