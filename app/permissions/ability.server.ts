// The one place where Leidraad's permission matrix (../shared/DESIGN.md) becomes CASL rules.
// Every loader and action gets its ability from here (see require-ability.server.ts), and list
// queries filter with `accessibleBy` from the same rules, so a list never shows what a detail
// page would refuse.
import { AbilityBuilder } from '@casl/ability'
import { createPrismaAbility } from '@casl/prisma/runtime'
import type { OrgRole, RegionRole } from '~/generated/prisma/enums.ts'
import type { AppAbility } from './ability.ts'

/** What the rules need to know about the signed-in user. */
export interface AbilityUser {
  id: string
  orgRole: OrgRole | null
  deactivatedAt: Date | null
  memberships: { regionId: string; role: RegionRole }[]
}

/** Region roles a manager may hand out or take away in the regions they manage. */
export const MANAGER_ASSIGNABLE_ROLES: RegionRole[] = ['member', 'frontline']

export function defineAbilityFor(user: AbilityUser): AppAbility {
  const { can, cannot, build } = new AbilityBuilder<AppAbility>(createPrismaAbility)
  if (user.deactivatedAt) return build()

  // Everyone reads their own account.
  can('read', 'User', { id: user.id })

  if (user.orgRole === 'admin') {
    can('manage', 'all')
    // The audit log is append-only, for admins too.
    cannot(['update', 'delete'], 'AuditEvent')
    return build()
  }

  if (user.orgRole === 'hq_editor') {
    // HQ reads every region (read only) and the audit trail of principles.
    can('read', 'Region')
    can('read', 'AuditEvent', { subjectType: { in: ['Principle', 'PrincipleVersion'] } })
  }

  const regionIds = (roles: RegionRole[]) =>
    user.memberships.filter((m) => roles.includes(m.role)).map((m) => m.regionId)

  const ownRegions = regionIds(['manager', 'member', 'frontline'])
  if (ownRegions.length) can('read', 'Region', { id: { in: ownRegions } })

  const managed = regionIds(['manager'])
  if (managed.length) {
    can('read', 'Membership', { regionId: { in: managed } })
    can(['create', 'update', 'delete'], 'Membership', {
      regionId: { in: managed },
      role: { in: MANAGER_ASSIGNABLE_ROLES },
    })
    can('read', 'User', { memberships: { some: { regionId: { in: managed } } } })
    can('read', 'AuditEvent', { regionId: { in: managed } })
  }

  return build()
}
