// The one place where Leidraad's permission matrix (../shared/DESIGN.md) becomes CASL rules.
// Every loader and action gets its ability from here (requireAbility in app/web/auth.server.ts), and list
// queries filter with `accessibleBy` from the same rules, so a list never shows what a detail
// page would refuse.
import { AbilityBuilder } from '@casl/ability'
import { packRules } from '@casl/ability/extra'
import { createPrismaAbility } from '@casl/prisma/runtime'
import type { Prisma } from '~/generated/prisma/browser.ts'
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

/** Principle statuses whose published version (or consultation text) everyone signed in reads. */
const VISIBLE_PRINCIPLE: Prisma.PrincipleWhereInput = { status: { in: ['draft', 'consultation', 'published'] } }

/** A guideline its region shared as an example for all regions (its published version). */
const SHARED_EXAMPLE: Prisma.GuidelineWhereInput = {
  sharedAt: { not: null },
  publishedVersion: { gt: 0 },
  status: { not: 'archived' },
}

export function defineAbilityFor(user: AbilityUser, now: Date = new Date()): AppAbility {
  const { can, cannot, build } = new AbilityBuilder<AppAbility>(createPrismaAbility)
  if (user.deactivatedAt) return build()

  // Everyone reads their own account, the feedback they sent (also after leaving a region), and
  // their own notifications (marking them read). The mail outbox is the admin's (manage all).
  can('read', 'User', { id: user.id })
  can(['read', 'update'], 'Notification', { userId: user.id })
  can('read', 'Feedback', { authorId: user.id })
  // The customer signals they logged themselves.
  can('read', 'CustomerSignal', { authorId: user.id })
  // The tone check's phrase families: everyone who writes sees them in the editor.
  can('read', 'PhraseFamily')

  // Principles: everyone signed in reads what is published and what is in consultation; a
  // published principle whose working copy is being revised (status draft, publishedVersion > 0)
  // stays readable as its published version. Working copies are HQ's until consultation opens.
  can('read', 'Principle', { status: { in: ['consultation', 'published'] } })
  can('read', 'Principle', { status: 'draft', publishedVersion: { gt: 0 } })
  can('readDraft', 'Principle', { status: 'consultation' })
  can('read', 'PrincipleVersion', { principle: { is: VISIBLE_PRINCIPLE } })
  can('read', 'PrincipleComment', { principle: { is: VISIBLE_PRINCIPLE } })
  const openConsultation: Prisma.PrincipleWhereInput = { status: 'consultation', consultationEndsAt: { gt: now } }

  if (user.orgRole === 'admin') {
    can('manage', 'all')
    // Published versions are immutable (a database trigger too); consultation has its dates.
    cannot(['update', 'delete'], ['PrincipleVersion', 'GuidelineVersion'])
    cannot('comment', 'Principle', { OR: [{ status: { not: 'consultation' } }, { consultationEndsAt: { lte: now } }] })
    // The audit log is append-only, for admins too.
    cannot(['update', 'delete'], 'AuditEvent')
    // Phrase families are disabled, not deleted, so the audit trail keeps what they were.
    cannot('delete', ['PhraseFamily', 'SearchSynonym'])
    // Read confirmations are the region's own people's: an admin confirms only where they belong.
    cannot('acknowledge', 'Guideline')
    const belongs = user.memberships.map((m) => m.regionId)
    if (belongs.length) can('acknowledge', 'Guideline', { regionId: { in: belongs }, publishedVersion: { gt: 0 } })
    return build()
  }

  if (user.orgRole === 'hq_editor') {
    // HQ reads every region (read only), who works there, and the audit trail of principles.
    can('read', 'Region')
    can('read', 'Membership')
    can('read', 'AuditEvent', {
      subjectType: { in: ['Principle', 'PrincipleVersion', 'PrincipleComment', 'PhraseFamily', 'SearchSynonym'] },
    })
    // HQ keeps the tone check's phrase families and the search's synonym groups (add, edit,
    // disable; never delete: disable keeps history), and sees what the floor searches for in vain.
    can(['create', 'update'], 'PhraseFamily')
    // Writers' reports of wrong and missed underlines: HQ reviews them (accept or decline).
    can(['read', 'update'], 'ToneReport')
    can('create', 'ToneReport', { reporterId: user.id })
    can(['read', 'create', 'update'], 'SearchSynonym')
    can('read', 'SearchMiss')
    // HQ writes the main line: every principle, its lifecycle and its consultation.
    can(['read', 'readDraft', 'create', 'update', 'publish', 'archive'], 'Principle')
    can('read', ['PrincipleVersion', 'PrincipleComment'])
    can('comment', 'Principle', openConsultation)
    can('create', 'PrincipleComment', { regionId: null })
    // Resolving a consultation comment.
    can('update', 'PrincipleComment')
    // Every region's guidelines and decisions, read only.
    can(['read', 'readDraft'], 'Guideline')
    can('read', ['GuidelineVersion', 'GuidelineComment', 'CustomerInput', 'PrincipleDecision'])
    // Frontline feedback that a region passed on as input for the principle.
    can('read', 'Feedback', { passedToHqAt: { not: null } })
    // Every region's customer signals, texts and aggregates, read only (to compare regions' choices).
    can('read', 'CustomerSignal')
    // Local rules the regions propose for the main line: HQ takes them into a draft or declines.
    can(['read', 'update'], 'Proposal')
    can('readExample', 'Guideline', SHARED_EXAMPLE)
    // Customer panels: HQ consults customers on principles, and reads the regions' rounds.
    can('read', 'CustomerConsultation')
    can(['create', 'update'], 'CustomerConsultation', { principleId: { not: null } })
    can('read', 'CustomerResponse')
    can('update', 'CustomerResponse', { consultation: { is: { principleId: { not: null } } } })
  }

  const regionIds = (roles: RegionRole[]) =>
    user.memberships.filter((m) => roles.includes(m.role)).map((m) => m.regionId)

  const ownRegions = regionIds(['manager', 'member', 'frontline'])
  if (ownRegions.length) can('read', 'Region', { id: { in: ownRegions } })

  // Managers and members speak for their region in a consultation; frontline reads only.
  const speaksFor = regionIds(['manager', 'member'])
  if (speaksFor.length) {
    can('comment', 'Principle', openConsultation)
    can('create', 'PrincipleComment', { regionId: { in: speaksFor } })
    // Writers tell the tone check where it was wrong, and see what became of their reports.
    can(['read', 'create'], 'ToneReport', { reporterId: user.id })
  }

  // Guidelines. Everyone in a region reads its published guidelines (the published version only);
  // managers and members also read and write drafts; only managers publish, archive, send back
  // and resolve *needs review*. Nobody but admin and HQ sees another region.
  if (ownRegions.length) {
    const inOwn = { regionId: { in: ownRegions } }
    can('read', 'Guideline', {
      ...inOwn,
      publishedVersion: { gt: 0 },
      status: { in: ['draft', 'review', 'published'] },
    })
    can('read', 'GuidelineVersion', {
      guideline: { is: { ...inOwn, status: { in: ['draft', 'review', 'published'] } } },
    })
    can('read', 'PrincipleDecision', inOwn)
    // Feedback on a guideline of one's region, and "read and understood" on its published ones.
    can('create', 'Feedback', { ...inOwn, authorId: user.id })
    // Everyone on the floor logs what customers say, as themselves, in their own region.
    can('create', 'CustomerSignal', { ...inOwn, authorId: user.id })
    can('acknowledge', 'Guideline', {
      ...inOwn,
      publishedVersion: { gt: 0 },
      status: { in: ['draft', 'review', 'published'] },
    })
  }
  const writes = regionIds(['manager', 'member'])
  if (writes.length) {
    const inWritten = { regionId: { in: writes } }
    can(['read', 'readDraft'], 'Guideline', inWritten)
    can('read', 'GuidelineVersion', { guideline: { is: inWritten } })
    can('create', 'Guideline', { ...inWritten, status: 'draft' })
    can(['read', 'create'], ['GuidelineComment', 'CustomerInput'], { guideline: { is: inWritten } })
    // Regions learn from each other: the examples other regions shared (never frontline).
    can('readExample', 'Guideline', SHARED_EXAMPLE)
    // What became of the region's proposals to HQ.
    can('read', 'Proposal', inWritten)
  }
  const memberOf = regionIds(['member'])
  if (memberOf.length) can('update', 'Guideline', { regionId: { in: memberOf }, status: { in: ['draft', 'review'] } })

  const managed = regionIds(['manager'])
  if (managed.length) {
    can(['update', 'publish', 'archive'], 'Guideline', { regionId: { in: managed } })
    // Share a published guideline as an example for all regions, and propose it to HQ.
    can('share', 'Guideline', { regionId: { in: managed }, publishedVersion: { gt: 0 } })
    can(['read', 'create'], 'Proposal', { regionId: { in: managed } })
    // Customer panels on the region's drafts: open a round, make links, accept or reject answers.
    can(['create', 'read', 'update'], 'CustomerConsultation', { regionId: { in: managed } })
    can(['read', 'update'], 'CustomerResponse', { consultation: { is: { regionId: { in: managed } } } })
    can('update', 'GuidelineComment', { guideline: { is: { regionId: { in: managed } } } })
    can(['create', 'update', 'delete'], 'PrincipleDecision', { regionId: { in: managed } })
    // The region's feedback inbox: read, answer, close, pass to HQ.
    can(['read', 'update'], 'Feedback', { regionId: { in: managed } })
    // What the region's floor searched for and did not find (words and counts, nobody's name).
    can('read', 'SearchMiss', { regionId: { in: managed } })
    // The region's customer signals: read them all, import a survey tool's file, use them as
    // customer input, and set the complaint threshold of the review suggestions (update).
    can(['read', 'create', 'update'], 'CustomerSignal', { regionId: { in: managed } })
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

/** The rules in the compact form the browser rebuilds its ability from (see root.tsx). */
export function packAbility(ability: AppAbility) {
  return packRules(ability.rules)
}
