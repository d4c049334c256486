// Regional guidelines: a region's concrete rules under a published principle. A versioned
// document (app/models/document.server.ts) with the review flow (member drafts and submits,
// manager publishes or sends back) and *needs review* when HQ publishes a newer principle version.
import type { Guideline, GuidelineStatus } from '~/generated/prisma/client.ts'
import { can, type Action, type AppAbility } from '~/permissions/ability.ts'
import { authorize } from '~/permissions/authorize.ts'
import { prisma } from '~/utils/db.server.ts'
import { Conflict, Invalid } from '~/utils/errors.ts'
import { recordAudit } from './audit.server.ts'
import { recordEvent } from './events.server.ts'
import * as versioned from './document.server.ts'
import { requirePublishedPrinciple, requireVersion } from './principle.server.ts'
import { requireRegion } from './region.server.ts'

export const guidelines: versioned.DocumentKind<Guideline> = {
  subject: 'Guideline',
  versionSubject: 'GuidelineVersion',
  foreignKey: 'guidelineId',
  audit: 'guideline',
  messages: 'guidelines',
  // Prisma's delegates are generic in their arguments; the core needs only this shape of them.
  documents: (db) => db.guideline as unknown as versioned.DocumentTable<Guideline>,
  versions: (db) => db.guidelineVersion as unknown as versioned.VersionTable,
  regionOf: (g) => g.regionId,
}

/** A published guideline whose principle has a newer published version than it was checked against. */
export function needsReview(
  guideline: { status: GuidelineStatus; publishedVersion: number; basedOnPrincipleVersion: number },
  principleVersion: number,
) {
  return (
    guideline.status !== 'archived' &&
    guideline.publishedVersion > 0 &&
    guideline.basedOnPrincipleVersion < principleVersion
  )
}

export function isOverdue(
  guideline: { status: GuidelineStatus; publishedVersion: number; reviewBy: Date | null },
  now = new Date(),
) {
  return (
    guideline.status !== 'archived' &&
    guideline.publishedVersion > 0 &&
    guideline.reviewBy !== null &&
    guideline.reviewBy < now
  )
}

const guidelineInclude = {
  principle: { select: { id: true, slug: true, title: true, publishedVersion: true, status: true } },
  region: { select: { id: true, name: true } },
  updatedBy: { select: { name: true } },
} as const
type GuidelineWithContext = Guideline & {
  principle: { id: string; slug: string; title: string; publishedVersion: number; status: string }
  region: { id: string; name: string }
  updatedBy: { name: string }
}

/**
 * The guideline (NotFound if missing or not readable; Forbidden unless the ability allows
 * `action`), its principle, region and latest published version.
 */
export async function requireGuideline(ability: AppAbility, guidelineId: string, action: Action = 'read') {
  const guideline = (await versioned.requireDocument(
    guidelines,
    ability,
    { id: guidelineId },
    action,
    prisma,
    guidelineInclude,
  )) as GuidelineWithContext
  const published = await versioned.publishedVersionOf(guidelines, guideline)
  return { guideline, published, seesDraft: can(ability, 'readDraft', 'Guideline', guideline) }
}

/** What the user may do on a guideline's page (the buttons it shows; every action checks again). */
export function guidelineActions(ability: AppAbility, guideline: Guideline) {
  const inProgress = guideline.status === 'draft' || guideline.status === 'review'
  const published = guideline.publishedVersion > 0 && guideline.status !== 'archived'
  const team = { guideline: { regionId: guideline.regionId } }
  return {
    edit: can(ability, 'update', 'Guideline', guideline),
    publish: can(ability, 'publish', 'Guideline', guideline),
    archive: can(ability, 'archive', 'Guideline', guideline),
    comment:
      inProgress &&
      can(ability, 'readDraft', 'Guideline', guideline) &&
      can(ability, 'create', 'GuidelineComment', team),
    resolve: can(ability, 'update', 'GuidelineComment', team),
    // Its region's manager shares a published guideline with all regions and proposes it to HQ.
    share: published && can(ability, 'share', 'Guideline', guideline),
    propose: published && can(ability, 'create', 'Proposal', { regionId: guideline.regionId }),
  }
}

/** Whether the user may start a draft guideline for this region (the "new guideline" page). */
export function requireGuidelineAuthor(ability: AppAbility, regionId: string) {
  authorize(ability, 'create', 'Guideline', { regionId, status: 'draft' })
}

export async function createGuideline(
  ability: AppAbility,
  actorId: string,
  input: versioned.DocumentInput & { regionId: string; principleId: string },
  options: { after?: (guideline: Guideline, tx: versioned.Tx) => Promise<unknown> } = {},
) {
  const principle = await requirePublishedPrinciple(ability, input.principleId)
  requireGuidelineAuthor(ability, input.regionId)
  return versioned.createDocument(guidelines, actorId, input, {
    after: options.after,
    data: () => ({
      regionId: input.regionId,
      principleId: principle.id,
      basedOnPrincipleVersion: principle.publishedVersion,
    }),
    audit: (guideline) => ({ title: guideline.title, principleId: principle.id }),
  })
}

/** Saves the working copy unless someone saved since `baseRevision` (StaleRevisionError, nothing written). */
export const saveGuideline: versioned.SaveWorkingCopy = (...args) => versioned.saveWorkingCopy(guidelines, ...args)

export const submitForReview = (ability: AppAbility, actorId: string, id: string) =>
  versioned.changeStatus(guidelines, ability, actorId, id, {
    action: 'update',
    from: ['draft'],
    audit: 'submit',
    data: () => ({ status: 'review' }),
    after: (g, tx) =>
      recordEvent(tx, actorId, { kind: 'guideline.submitted', guidelineId: g.id, regionId: g.regionId }),
  })

export const sendBack = (ability: AppAbility, actorId: string, id: string, comment: string) =>
  versioned.changeStatus(guidelines, ability, actorId, id, {
    action: 'publish',
    from: ['review'],
    audit: 'send-back',
    data: () => ({ status: 'draft' }),
    after: async (g, tx) => {
      await tx.guidelineComment.create({
        data: { guidelineId: g.id, authorId: actorId, body: comment, sendBack: true },
      })
      await recordEvent(tx, actorId, { kind: 'guideline.sentBack', guidelineId: g.id, regionId: g.regionId })
    },
    note: { comment },
  })

export const archiveGuideline = (ability: AppAbility, actorId: string, id: string) =>
  versioned.changeStatus(guidelines, ability, actorId, id, {
    action: 'archive',
    from: ['draft', 'review', 'published'],
    audit: 'archive',
    data: () => ({ status: 'archived' }),
  })

/** How readers take a new version: a material change (everyone confirms again, by `confirmBy`) or a minor correction. */
export type ReadCampaign = { material: true; confirmBy: Date } | { material: false }

/**
 * Publishes the working copy as the next immutable version, checked against the principle's
 * current version (which clears *needs review*), with a review-by date. A material change asks
 * every reader to confirm again by a due date; a minor correction keeps their confirmations (the
 * first version is always material: there is nothing to correct).
 */
export function publishGuideline(
  ability: AppAbility,
  actorId: string,
  guidelineId: string,
  input: { changeNote: string; reviewBy: Date; baseRevision: number; campaign?: ReadCampaign },
  now = new Date(),
) {
  if (input.reviewBy <= now) throw new Invalid('guidelines.errors.reviewByInPast', 'reviewBy')
  const campaign = input.campaign ?? { material: true, confirmBy: defaultConfirmBy(now) }
  if (campaign.material && campaign.confirmBy <= now)
    throw new Invalid('guidelines.errors.confirmByInPast', 'confirmBy')
  type WithPrinciple = Guideline & { principle: { publishedVersion: number } }
  const basedOn = (g: Guideline) => (g as WithPrinciple).principle.publishedVersion
  return versioned.publishWorkingCopy(guidelines, ability, actorId, guidelineId, {
    from: ['draft', 'review'],
    baseRevision: input.baseRevision,
    changeNote: input.changeNote,
    include: { principle: { select: { publishedVersion: true } } },
    document: (g) => ({
      basedOnPrincipleVersion: basedOn(g),
      reviewBy: input.reviewBy,
      confirmedAt: null,
      confirmationNote: null,
    }),
    version: async (g, number, tx) => {
      const corrected =
        campaign.material || number === 1
          ? null
          : await tx.guidelineVersion.findFirst({ where: { guidelineId: g.id, number: number - 1 } })
      return {
        basedOnPrincipleVersion: basedOn(g),
        material: !corrected,
        confirmBy: campaign.material ? campaign.confirmBy : corrected ? null : defaultConfirmBy(now),
        confirmationVersion: corrected ? corrected.confirmationVersion : number,
      }
    },
    audit: (g, version) => ({
      guidelineId: g.id,
      number: version.number,
      basedOnPrincipleVersion: basedOn(g),
      reviewBy: input.reviewBy.toISOString(),
      material: campaign.material || version.number === 1,
    }),
    after: (g, version, tx) =>
      recordEvent(tx, actorId, {
        kind: 'guideline.published',
        guidelineId: g.id,
        regionId: g.regionId,
        number: version.number,
        material: campaign.material || version.number === 1,
        confirmBy: campaign.material ? campaign.confirmBy.toISOString() : null,
      }),
  })
}

/** Readers confirm a material change within two weeks unless the manager says otherwise. */
export const CONFIRM_WITHIN_DAYS = 14
export function defaultConfirmBy(now = new Date()) {
  return new Date(now.getTime() + CONFIRM_WITHIN_DAYS * 86_400_000)
}

/** "Still valid" after a principle change: moves the guideline to the principle's current version. */
export async function confirmStillValid(ability: AppAbility, actorId: string, guidelineId: string, note: string) {
  await prisma.$transaction(async (tx) => {
    const guideline = (await versioned.requireDocument(guidelines, ability, { id: guidelineId }, 'publish', tx, {
      principle: { select: { publishedVersion: true } },
    })) as Guideline & { principle: { publishedVersion: number } }
    if (!needsReview(guideline, guideline.principle.publishedVersion))
      throw new Conflict('guidelines.errors.noReviewNeeded')
    // Only if nobody confirmed it meanwhile: two managers at once give one confirmation and a 409,
    // never a silently overwritten note.
    const { count } = await tx.guideline.updateMany({
      where: { id: guidelineId, basedOnPrincipleVersion: guideline.basedOnPrincipleVersion },
      data: {
        basedOnPrincipleVersion: guideline.principle.publishedVersion,
        confirmedAt: new Date(),
        confirmationNote: note,
      },
    })
    if (count === 0) throw new Conflict('guidelines.errors.noReviewNeeded')
    await recordAudit(tx, {
      actorId,
      action: 'guideline.confirm-still-valid',
      subjectType: 'Guideline',
      subjectId: guidelineId,
      regionId: guideline.regionId,
      before: { basedOnPrincipleVersion: guideline.basedOnPrincipleVersion },
      after: { basedOnPrincipleVersion: guideline.principle.publishedVersion, note },
    })
  })
}

/** The versions of a guideline, newest first, with their text (for the word diff between two). */
export function listGuidelineVersions(ability: AppAbility, guidelineId: string) {
  return versioned.listDocumentVersions<Guideline, { bodyText: string; basedOnPrincipleVersion: number }>(
    guidelines,
    ability,
    guidelineId,
    {
      bodyText: true,
      basedOnPrincipleVersion: true,
    },
  )
}

export function requireGuidelineVersion(ability: AppAbility, guidelineId: string, number: number) {
  return versioned.requireDocumentVersion(guidelines, ability, guidelineId, number)
}

/**
 * The *needs review* page of a guideline (for who resolves it: the manager): the principle
 * version it was written under, the principle's current version, and the guideline as frontline reads it.
 */
export async function requireReview(ability: AppAbility, guidelineId: string) {
  const { guideline, published } = await requireGuideline(ability, guidelineId, 'publish')
  const [before, after] = await Promise.all([
    requireVersion(ability, guideline.principle.id, guideline.basedOnPrincipleVersion),
    requireVersion(ability, guideline.principle.id, guideline.principle.publishedVersion),
  ])
  return { guideline, published, before, after, needsReview: needsReview(guideline, after.number) }
}

/**
 * The "new guideline" page: the region the user starts a draft for and the published principle
 * it goes under, with the principle's current text.
 */
export async function requireNewGuidelineTarget(ability: AppAbility, regionId: string, principleId: string) {
  const region = await requireRegion(ability, regionId)
  const principle = await requirePublishedPrinciple(ability, principleId)
  requireGuidelineAuthor(ability, region.id)
  const version = await requireVersion(ability, principle.id, principle.publishedVersion)
  return { region, principle, version }
}
