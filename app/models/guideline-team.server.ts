// Working on a guideline with the team: comments on drafts and reviews, and the customer input
// that shaped it.
import { accessibleBy } from '@casl/prisma/runtime'
import type { CustomerInputSource, GuidelineStatus } from '~/generated/prisma/enums.ts'
import type { AppAbility } from '~/permissions/ability.ts'
import { authorize, invariantFound } from '~/permissions/authorize.server.ts'
import { prisma } from '~/utils/db.server.ts'
import { recordAudit } from './audit.server.ts'
import { DomainError } from './errors.server.ts'

type GuidelineRef = { id: string; regionId: string; status: GuidelineStatus }

const commentSelect = {
  id: true,
  body: true,
  sendBack: true,
  createdAt: true,
  resolvedAt: true,
  author: { select: { name: true } },
  resolvedBy: { select: { name: true } },
} as const

export function listGuidelineThreads(ability: AppAbility, guidelineId: string) {
  const readable = accessibleBy(ability, 'read').ofType('GuidelineComment')
  return prisma.guidelineComment.findMany({
    where: { AND: [readable, { guidelineId, parentId: null }] },
    orderBy: { createdAt: 'asc' },
    select: { ...commentSelect, replies: { where: readable, orderBy: { createdAt: 'asc' }, select: commentSelect } },
  })
}

export async function addGuidelineComment(
  ability: AppAbility,
  actorId: string,
  guideline: GuidelineRef,
  input: { body: string; parentId?: string },
) {
  authorize(ability, 'create', 'GuidelineComment', { guideline: { regionId: guideline.regionId } } as never)
  if (guideline.status !== 'draft' && guideline.status !== 'review') throw new DomainError('guidelines.errors.commentsClosed', 409)
  return prisma.$transaction(async (tx) => {
    if (input.parentId) {
      const parent = await tx.guidelineComment.findFirst({ where: { id: input.parentId, guidelineId: guideline.id }, select: { parentId: true } })
      if (!parent) throw new DomainError('comments.errors.noParent', 400)
      if (parent.parentId) throw new DomainError('comments.errors.replyDepth', 400)
    }
    const comment = await tx.guidelineComment.create({
      data: { guidelineId: guideline.id, parentId: input.parentId ?? null, authorId: actorId, body: input.body },
    })
    await recordAudit(tx, {
      actorId,
      action: 'guideline.comment',
      subjectType: 'GuidelineComment',
      subjectId: comment.id,
      regionId: guideline.regionId,
      after: { guidelineId: guideline.id, parentId: comment.parentId },
    })
    return comment
  })
}

export async function resolveGuidelineComment(ability: AppAbility, actorId: string, guideline: GuidelineRef, commentId: string) {
  await prisma.$transaction(async (tx) => {
    const comment = await tx.guidelineComment.findFirst({
      where: { AND: [accessibleBy(ability, 'read').ofType('GuidelineComment'), { id: commentId, guidelineId: guideline.id }] },
    })
    invariantFound(comment)
    authorize(ability, 'update', 'GuidelineComment', { ...comment, guideline: { regionId: guideline.regionId } } as never)
    if (comment.resolvedAt) return
    await tx.guidelineComment.update({ where: { id: comment.id }, data: { resolvedAt: new Date(), resolvedById: actorId } })
    await recordAudit(tx, { actorId, action: 'guideline.comment.resolve', subjectType: 'GuidelineComment', subjectId: comment.id, regionId: guideline.regionId })
  })
}

export function listCustomerInput(ability: AppAbility, guidelineId: string) {
  return prisma.customerInput.findMany({
    where: { AND: [accessibleBy(ability, 'read').ofType('CustomerInput'), { guidelineId }] },
    orderBy: { heardOn: 'desc' },
    select: { id: true, said: true, source: true, heardOn: true, createdBy: { select: { name: true } } },
  })
}

/** Records what customers said; part of writing the guideline, so it needs the right to edit it. */
export async function addCustomerInput(
  ability: AppAbility,
  actorId: string,
  guideline: GuidelineRef,
  input: { said: string; source: CustomerInputSource; heardOn: Date },
) {
  authorize(ability, 'update', 'Guideline', guideline)
  authorize(ability, 'create', 'CustomerInput', { guideline: { regionId: guideline.regionId } } as never)
  if (input.heardOn > new Date()) throw new DomainError('guidelines.errors.heardInFuture', 400, 'heardOn')
  return prisma.$transaction(async (tx) => {
    const row = await tx.customerInput.create({ data: { guidelineId: guideline.id, createdById: actorId, ...input } })
    await recordAudit(tx, {
      actorId,
      action: 'guideline.customer-input',
      subjectType: 'CustomerInput',
      subjectId: row.id,
      regionId: guideline.regionId,
      after: { guidelineId: guideline.id, source: input.source },
    })
    return row
  })
}
