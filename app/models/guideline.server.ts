// Regional guidelines: a region's concrete rules under a published principle. Working copy +
// immutable versions (as principles), the review flow (member drafts and submits, manager
// publishes or sends back), and *needs review* when HQ publishes a newer principle version.
import { accessibleBy } from '@casl/prisma/runtime'
import type { Prisma } from '~/generated/prisma/client.ts'
import type { GuidelineStatus } from '~/generated/prisma/enums.ts'
import type { AppAbility } from '~/permissions/ability.ts'
import { authorize, can, invariantFound } from '~/permissions/authorize.server.ts'
import { prisma } from '~/utils/db.server.ts'
import { recordAudit } from './audit.server.ts'
import { DomainError, StaleRevisionError } from './errors.server.ts'
import type { DocumentInput } from './principle.server.ts'

const readable = (ability: AppAbility) => accessibleBy(ability, 'read').ofType('Guideline')

/** A published guideline whose principle has a newer published version than it was checked against. */
export function needsReview(guideline: { status: GuidelineStatus; publishedVersion: number; basedOnPrincipleVersion: number }, principleVersion: number) {
  return guideline.status !== 'archived' && guideline.publishedVersion > 0 && guideline.basedOnPrincipleVersion < principleVersion
}

export function isOverdue(guideline: { status: GuidelineStatus; publishedVersion: number; reviewBy: Date | null }, now = new Date()) {
  return guideline.status !== 'archived' && guideline.publishedVersion > 0 && guideline.reviewBy !== null && guideline.reviewBy < now
}

/** The guideline (404 if missing or not readable), its principle, region and latest published version. */
export async function requireGuideline(ability: AppAbility, guidelineId: string) {
  const guideline = await prisma.guideline.findFirst({
    where: { AND: [readable(ability), { id: guidelineId }] },
    include: {
      principle: { select: { id: true, slug: true, title: true, publishedVersion: true, status: true } },
      region: { select: { id: true, name: true } },
      updatedBy: { select: { name: true } },
    },
  })
  invariantFound(guideline)
  const published = guideline.publishedVersion
    ? await prisma.guidelineVersion.findUnique({
        where: { guidelineId_number: { guidelineId: guideline.id, number: guideline.publishedVersion } },
        include: { publishedBy: { select: { name: true } } },
      })
    : null
  return { guideline, published, seesDraft: can(ability, 'readDraft', 'Guideline', guideline) }
}

/** The published principle a region writes under (404 unless published and readable). */
export async function requirePublishedPrinciple(ability: AppAbility, principleId: string) {
  const principle = await prisma.principle.findFirst({
    where: {
      AND: [accessibleBy(ability, 'read').ofType('Principle'), { id: principleId, publishedVersion: { gt: 0 }, status: { not: 'archived' } }],
    },
  })
  invariantFound(principle)
  return principle
}

/** A principle version by number, for a principle the caller has already checked. */
export function getPrincipleVersion(principleId: string, number: number) {
  return prisma.principleVersion.findUniqueOrThrow({ where: { principleId_number: { principleId, number } } })
}

export async function createGuideline(
  ability: AppAbility,
  actorId: string,
  input: DocumentInput & { regionId: string; principleId: string },
) {
  const principle = await requirePublishedPrinciple(ability, input.principleId)
  authorize(ability, 'create', 'Guideline', { regionId: input.regionId, status: 'draft' })
  return prisma.$transaction(async (tx) => {
    const guideline = await tx.guideline.create({
      data: {
        regionId: input.regionId,
        principleId: principle.id,
        title: input.title,
        body: input.json as Prisma.InputJsonValue,
        bodyText: input.text,
        basedOnPrincipleVersion: principle.publishedVersion,
        createdById: actorId,
        updatedById: actorId,
      },
    })
    await recordAudit(tx, {
      actorId,
      action: 'guideline.create',
      subjectType: 'Guideline',
      subjectId: guideline.id,
      regionId: guideline.regionId,
      after: { title: guideline.title, principleId: principle.id },
    })
    return guideline
  })
}

/** Saves the working copy unless someone saved since `baseRevision` (StaleRevisionError, nothing written). */
export async function saveGuideline(
  ability: AppAbility,
  actorId: string,
  guidelineId: string,
  input: DocumentInput & { baseRevision: number },
) {
  return prisma.$transaction(async (tx) => {
    const current = await tx.guideline.findFirst({ where: { AND: [readable(ability), { id: guidelineId }] } })
    invariantFound(current)
    authorize(ability, 'update', 'Guideline', current)
    if (current.status === 'archived') throw new DomainError('guidelines.errors.archived', 409)
    const status: GuidelineStatus = current.status === 'published' ? 'draft' : current.status
    const { count } = await tx.guideline.updateMany({
      where: { id: guidelineId, revision: input.baseRevision, status: { not: 'archived' } },
      data: { title: input.title, body: input.json as Prisma.InputJsonValue, bodyText: input.text, status, revision: { increment: 1 }, updatedById: actorId },
    })
    if (count === 0) {
      const latest = await tx.guideline.findUniqueOrThrow({ where: { id: guidelineId }, include: { updatedBy: { select: { name: true } } } })
      throw new StaleRevisionError({ ...latest, updatedBy: latest.updatedBy.name })
    }
    await recordAudit(tx, {
      actorId,
      action: 'guideline.update',
      subjectType: 'Guideline',
      subjectId: guidelineId,
      regionId: current.regionId,
      before: { title: current.title, revision: current.revision, status: current.status },
      after: { title: input.title, revision: input.baseRevision + 1, status },
    })
  })
}

type Step = {
  action: 'update' | 'publish' | 'archive'
  from: GuidelineStatus[]
  audit: string
  data: Prisma.GuidelineUpdateManyMutationInput
  comment?: string
}

async function step(ability: AppAbility, actorId: string, guidelineId: string, s: Step) {
  await prisma.$transaction(async (tx) => {
    const guideline = await tx.guideline.findFirst({ where: { AND: [readable(ability), { id: guidelineId }] } })
    invariantFound(guideline)
    authorize(ability, s.action, 'Guideline', guideline)
    if (!s.from.includes(guideline.status)) throw new DomainError('guidelines.errors.wrongStatus', 409)
    const { count } = await tx.guideline.updateMany({ where: { id: guidelineId, status: guideline.status, revision: guideline.revision }, data: s.data })
    if (count === 0) throw new DomainError('principles.errors.changedMeanwhile', 409)
    if (s.comment) {
      await tx.guidelineComment.create({ data: { guidelineId, authorId: actorId, body: s.comment, sendBack: true } })
    }
    await recordAudit(tx, {
      actorId,
      action: s.audit,
      subjectType: 'Guideline',
      subjectId: guidelineId,
      regionId: guideline.regionId,
      before: { status: guideline.status },
      after: JSON.parse(JSON.stringify({ ...s.data, comment: s.comment })),
    })
  })
}

export const submitForReview = (ability: AppAbility, actorId: string, id: string) =>
  step(ability, actorId, id, { action: 'update', from: ['draft'], audit: 'guideline.submit', data: { status: 'review' } })

export const sendBack = (ability: AppAbility, actorId: string, id: string, comment: string) =>
  step(ability, actorId, id, { action: 'publish', from: ['review'], audit: 'guideline.send-back', data: { status: 'draft' }, comment })

export const archiveGuideline = (ability: AppAbility, actorId: string, id: string) =>
  step(ability, actorId, id, { action: 'archive', from: ['draft', 'review', 'published'], audit: 'guideline.archive', data: { status: 'archived' } })

/**
 * Publishes the working copy as the next immutable version, checked against the principle's
 * current version (which clears *needs review*), with a review-by date.
 */
export async function publishGuideline(
  ability: AppAbility,
  actorId: string,
  guidelineId: string,
  input: { changeNote: string; reviewBy: Date; baseRevision: number },
  now = new Date(),
) {
  if (input.reviewBy <= now) throw new DomainError('guidelines.errors.reviewByInPast', 400, 'reviewBy')
  return prisma.$transaction(async (tx) => {
    const guideline = await tx.guideline.findFirst({
      where: { AND: [readable(ability), { id: guidelineId }] },
      include: { principle: { select: { publishedVersion: true } } },
    })
    invariantFound(guideline)
    authorize(ability, 'publish', 'Guideline', guideline)
    if (guideline.status !== 'draft' && guideline.status !== 'review') throw new DomainError('guidelines.errors.wrongStatus', 409)
    const number = guideline.publishedVersion + 1
    const basedOn = guideline.principle.publishedVersion
    const { count } = await tx.guideline.updateMany({
      where: { id: guidelineId, revision: input.baseRevision, status: guideline.status },
      data: { status: 'published', publishedVersion: number, basedOnPrincipleVersion: basedOn, reviewBy: input.reviewBy, confirmedAt: null, confirmationNote: null },
    })
    if (count === 0) throw new DomainError('principles.errors.changedMeanwhile', 409)
    const version = await tx.guidelineVersion.create({
      data: {
        guidelineId,
        number,
        title: guideline.title,
        body: guideline.body as Prisma.InputJsonValue,
        bodyText: guideline.bodyText,
        changeNote: input.changeNote,
        basedOnPrincipleVersion: basedOn,
        publishedById: actorId,
      },
    })
    await recordAudit(tx, {
      actorId,
      action: 'guideline.publish',
      subjectType: 'GuidelineVersion',
      subjectId: version.id,
      regionId: guideline.regionId,
      after: { guidelineId, number, basedOnPrincipleVersion: basedOn, reviewBy: input.reviewBy.toISOString() },
    })
    return version
  })
}

/** "Still valid" after a principle change: moves the guideline to the principle's current version. */
export async function confirmStillValid(ability: AppAbility, actorId: string, guidelineId: string, note: string) {
  await prisma.$transaction(async (tx) => {
    const guideline = await tx.guideline.findFirst({
      where: { AND: [readable(ability), { id: guidelineId }] },
      include: { principle: { select: { publishedVersion: true } } },
    })
    invariantFound(guideline)
    authorize(ability, 'publish', 'Guideline', guideline)
    if (!needsReview(guideline, guideline.principle.publishedVersion)) throw new DomainError('guidelines.errors.noReviewNeeded', 409)
    await tx.guideline.update({
      where: { id: guidelineId },
      data: { basedOnPrincipleVersion: guideline.principle.publishedVersion, confirmedAt: new Date(), confirmationNote: note },
    })
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

export function listGuidelineVersions(ability: AppAbility, guidelineId: string) {
  return prisma.guidelineVersion.findMany({
    where: { AND: [accessibleBy(ability, 'read').ofType('GuidelineVersion'), { guidelineId }] },
    orderBy: { number: 'desc' },
    select: { number: true, title: true, bodyText: true, changeNote: true, basedOnPrincipleVersion: true, publishedAt: true, publishedBy: { select: { name: true } } },
  })
}

export async function requireGuidelineVersion(ability: AppAbility, guidelineId: string, number: number) {
  const version = await prisma.guidelineVersion.findFirst({
    where: { AND: [accessibleBy(ability, 'read').ofType('GuidelineVersion'), { guidelineId, number }] },
    include: { publishedBy: { select: { name: true } } },
  })
  invariantFound(version)
  return version
}
