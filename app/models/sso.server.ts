// Single sign-on, the domain side: the admin maps the provider's groups to organisation roles and
// region memberships; at every SSO sign-in the user is found (or created, when a group gives
// access) and their roles follow their groups. Only what SSO gave is taken away by SSO: a role or
// membership an admin or manager set by hand, or the HR import made, stays. Every change is audited.
import { accessibleBy } from '@casl/prisma/runtime'
import type { OrgRole, RegionRole } from '~/generated/prisma/enums.ts'
import type { AppAbility } from '~/permissions/ability.ts'
import { authorize } from '~/permissions/authorize.ts'
import { prisma } from '~/utils/db.server.ts'
import { Conflict, Invalid, invariantFound, isUniqueViolation } from '~/utils/errors.ts'
import type { SsoClaims } from '~/utils/oidc.server.ts'
import { NO_PASSWORD } from '~/utils/password.server.ts'
import { recordAudit } from './audit.server.ts'
import { normalizeEmail } from './auth.server.ts'
import type { Tx } from './document.server.ts'

const ORG_RANK: Record<OrgRole, number> = { hq_editor: 1, admin: 2 }
const REGION_RANK: Record<RegionRole, number> = { frontline: 1, member: 2, manager: 3 }

export function listGroupMappings(ability: AppAbility) {
  authorize(ability, 'read', 'SsoGroupMapping')
  return prisma.ssoGroupMapping.findMany({
    where: accessibleBy(ability, 'read').ofType('SsoGroupMapping'),
    orderBy: [{ group: 'asc' }, { createdAt: 'asc' }],
    select: { id: true, group: true, orgRole: true, regionRole: true, region: { select: { id: true, name: true } } },
  })
}

export async function addGroupMapping(
  ability: AppAbility,
  actorId: string,
  input: { group: string; orgRole: OrgRole | null; regionId: string | null; regionRole: RegionRole | null },
) {
  authorize(ability, 'create', 'SsoGroupMapping')
  if (!input.orgRole && !(input.regionId && input.regionRole)) throw new Invalid('sso.errors.nothingGiven')
  if (Boolean(input.regionId) !== Boolean(input.regionRole)) throw new Invalid('sso.errors.regionAndRole', 'regionRole')
  try {
    return await prisma.$transaction(async (tx) => {
      if (input.regionId && !(await tx.region.findUnique({ where: { id: input.regionId } })))
        throw new Invalid('sso.errors.noRegion', 'regionId')
      const mapping = await tx.ssoGroupMapping.create({ data: input })
      await recordAudit(tx, {
        actorId,
        action: 'sso.mapping.create',
        subjectType: 'SsoGroupMapping',
        subjectId: mapping.id,
        regionId: input.regionId,
        after: input,
      })
      return mapping
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new Conflict('sso.errors.duplicate', 'group')
    throw error
  }
}

export async function removeGroupMapping(ability: AppAbility, actorId: string, id: string) {
  authorize(ability, 'delete', 'SsoGroupMapping')
  await prisma.$transaction(async (tx) => {
    const mapping = await tx.ssoGroupMapping.findUnique({ where: { id } })
    invariantFound(mapping)
    await tx.ssoGroupMapping.delete({ where: { id } })
    const { id: _id, createdAt: _createdAt, ...before } = mapping
    await recordAudit(tx, {
      actorId,
      action: 'sso.mapping.delete',
      subjectType: 'SsoGroupMapping',
      subjectId: id,
      regionId: mapping.regionId,
      before,
    })
  })
}

/** What a user's groups give: the highest organisation role and, per region, the highest role. */
async function accessFromGroups(tx: Tx, groups: string[]) {
  const mappings = groups.length ? await tx.ssoGroupMapping.findMany({ where: { group: { in: groups } } }) : []
  let orgRole: OrgRole | null = null
  const regions = new Map<string, RegionRole>()
  for (const m of mappings) {
    if (m.orgRole && (!orgRole || ORG_RANK[m.orgRole] > ORG_RANK[orgRole])) orgRole = m.orgRole
    if (m.regionId && m.regionRole) {
      const current = regions.get(m.regionId)
      if (!current || REGION_RANK[m.regionRole] > REGION_RANK[current]) regions.set(m.regionId, m.regionRole)
    }
  }
  return { orgRole, regions }
}

export type SsoSignIn =
  { ok: true; userId: string; mustChangePassword: boolean } | { ok: false; reason: 'noAccess' | 'deactivated' }

/**
 * The user behind a verified SSO sign-in: found by their provider account, else linked by their
 * (verified) e-mail address, else created when their groups give them access. Their roles and
 * memberships then follow their groups (see the module comment). One transaction.
 */
export async function signInWithSso(claims: SsoClaims): Promise<SsoSignIn> {
  const subject = `${claims.issuer} ${claims.subject}`
  const email = claims.email && claims.emailVerified !== false ? normalizeEmail(claims.email) : null
  return prisma.$transaction(async (tx) => {
    const access = await accessFromGroups(tx, claims.groups)
    let user =
      (await tx.user.findUnique({ where: { oidcSubject: subject }, include: { memberships: true } })) ??
      (email ? await tx.user.findUnique({ where: { email }, include: { memberships: true } }) : null)
    if (user?.deactivatedAt || user?.erasedAt) return { ok: false, reason: 'deactivated' }
    if (!user) {
      if (!access.orgRole && !access.regions.size) return { ok: false, reason: 'noAccess' }
      user = await tx.user.create({
        data: {
          email,
          name: claims.name?.trim() || email || 'Nieuwe medewerker',
          passwordHash: NO_PASSWORD,
          oidcSubject: subject,
        },
        include: { memberships: true },
      })
      await recordAudit(tx, {
        actorId: null,
        action: 'user.create',
        subjectType: 'User',
        subjectId: user.id,
        after: { email, name: user.name, by: 'sso' },
      })
    } else if (user.oidcSubject !== subject || (claims.name && claims.name !== user.name)) {
      await tx.user.update({
        where: { id: user.id },
        data: { oidcSubject: subject, ...(claims.name ? { name: claims.name } : {}) },
      })
      if (user.oidcSubject !== subject) {
        await recordAudit(tx, {
          actorId: null,
          action: 'user.sso.link',
          subjectType: 'User',
          subjectId: user.id,
          after: { by: 'sso' },
        })
      }
    }

    // The organisation role follows the groups, unless someone set it by hand.
    const manualRole = user.orgRole !== null && !user.orgRoleFromSso
    if (!manualRole && user.orgRole !== access.orgRole) {
      await tx.user.update({
        where: { id: user.id },
        data: { orgRole: access.orgRole, orgRoleFromSso: access.orgRole !== null },
      })
      await recordAudit(tx, {
        actorId: null,
        action: 'user.orgRole',
        subjectType: 'User',
        subjectId: user.id,
        before: { orgRole: user.orgRole },
        after: { orgRole: access.orgRole, by: 'sso' },
      })
    }

    // Memberships: add what the groups give, change SSO ones whose role changed, remove SSO ones the groups no longer give.
    for (const [regionId, role] of access.regions) {
      const existing = user.memberships.find((m) => m.regionId === regionId)
      if (!existing) {
        const created = await tx.membership.create({ data: { userId: user.id, regionId, role, source: 'sso' } })
        await recordAudit(tx, {
          actorId: null,
          action: 'membership.create',
          subjectType: 'Membership',
          subjectId: created.id,
          regionId,
          after: { userId: user.id, role, by: 'sso' },
        })
      } else if (existing.source === 'sso' && existing.role !== role) {
        await tx.membership.update({ where: { id: existing.id }, data: { role } })
        await recordAudit(tx, {
          actorId: null,
          action: 'membership.update',
          subjectType: 'Membership',
          subjectId: existing.id,
          regionId,
          before: { userId: user.id, role: existing.role },
          after: { userId: user.id, role, by: 'sso' },
        })
      }
    }
    for (const membership of user.memberships) {
      if (membership.source !== 'sso' || access.regions.has(membership.regionId)) continue
      await tx.membership.delete({ where: { id: membership.id } })
      await recordAudit(tx, {
        actorId: null,
        action: 'membership.delete',
        subjectType: 'Membership',
        subjectId: membership.id,
        regionId: membership.regionId,
        before: { userId: user.id, role: membership.role },
        after: { by: 'sso' },
      })
    }
    return { ok: true, userId: user.id, mustChangePassword: false }
  })
}
