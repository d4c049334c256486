// Consultation comments on a principle. A comment belongs to the version the consultation leads
// to (publishedVersion + 1 at the time), so it stays with that version after publication.
// One level of replies; HQ resolves.
import { accessibleBy } from '@casl/prisma/runtime'
import type { Principle } from '~/generated/prisma/client.ts'
import type { AppAbility } from '~/permissions/ability.ts'
import { authorize, can, invariantFound } from '~/permissions/authorize.server.ts'
import { prisma } from '~/utils/db.server.ts'
import { recordAudit } from './audit.server.ts'
import { DomainError } from './errors.server.ts'

const readableComments = (ability: AppAbility) => accessibleBy(ability, 'read').ofType('PrincipleComment')

const commentSelect = {
  id: true,
  body: true,
  createdAt: true,
  resolvedAt: true,
  author: { select: { name: true } },
  region: { select: { name: true } },
  resolvedBy: { select: { name: true } },
} as const

/** The threads on one version of a principle: top-level comments with their replies, oldest first. */
export function listCommentThreads(ability: AppAbility, principleId: string, versionNumber: number) {
  return prisma.principleComment.findMany({
    where: { AND: [readableComments(ability), { principleId, versionNumber, parentId: null }] },
    orderBy: { createdAt: 'asc' },
    select: {
      ...commentSelect,
      replies: { where: readableComments(ability), orderBy: { createdAt: 'asc' }, select: commentSelect },
    },
  })
}

/** How many comments (replies included) each region made on a version; HQ's null region last. */
export async function countCommentsByRegion(ability: AppAbility, principleId: string, versionNumber: number) {
  const groups = await prisma.principleComment.groupBy({
    by: ['regionId'],
    where: { AND: [readableComments(ability), { principleId, versionNumber }] },
    _count: { _all: true },
  })
  const regions = await prisma.region.findMany({
    where: { id: { in: groups.map((g) => g.regionId).filter((id): id is string => id !== null) } },
    select: { id: true, name: true },
  })
  const names = new Map(regions.map((r) => [r.id, r.name]))
  return groups
    .map((g) => ({ regionId: g.regionId, regionName: g.regionId ? (names.get(g.regionId) ?? '') : null, count: g._count._all }))
    .sort((a, b) => (a.regionName ?? '\uffff').localeCompare(b.regionName ?? '\uffff'))
}

/** The regions the ability lets the user speak for in a consultation. */
export function commentRegionOptions<M extends { regionId: string }>(ability: AppAbility, user: { memberships: M[] }): M[] {
  return user.memberships.filter((m) => can(ability, 'create', 'PrincipleComment', { regionId: m.regionId }))
}

/** Whether the user may comment for headquarters (no region). */
export const speaksForHq = (ability: AppAbility) => can(ability, 'create', 'PrincipleComment', { regionId: null })

export async function addComment(
  ability: AppAbility,
  actorId: string,
  principle: Pick<Principle, 'id' | 'status' | 'consultationEndsAt' | 'publishedVersion'>,
  input: { body: string; regionId: string | null; parentId?: string },
) {
  authorize(ability, 'comment', 'Principle', principle)
  authorize(ability, 'create', 'PrincipleComment', { regionId: input.regionId })
  const versionNumber = principle.publishedVersion + 1
  return prisma.$transaction(async (tx) => {
    if (input.parentId) {
      const parent = await tx.principleComment.findFirst({
        where: { id: input.parentId, principleId: principle.id, versionNumber },
        select: { parentId: true },
      })
      if (!parent) throw new DomainError('comments.errors.noParent', 400)
      if (parent.parentId) throw new DomainError('comments.errors.replyDepth', 400)
    }
    const comment = await tx.principleComment.create({
      data: {
        principleId: principle.id,
        versionNumber,
        parentId: input.parentId ?? null,
        authorId: actorId,
        regionId: input.regionId,
        body: input.body,
      },
    })
    await recordAudit(tx, {
      actorId,
      action: 'principle.comment',
      subjectType: 'PrincipleComment',
      subjectId: comment.id,
      regionId: input.regionId,
      after: { principleId: principle.id, versionNumber, parentId: comment.parentId },
    })
    return comment
  })
}

export async function resolveComment(ability: AppAbility, actorId: string, principleId: string, commentId: string) {
  await prisma.$transaction(async (tx) => {
    const comment = await tx.principleComment.findFirst({
      where: { AND: [readableComments(ability), { id: commentId, principleId }] },
    })
    invariantFound(comment)
    authorize(ability, 'update', 'PrincipleComment', comment)
    if (comment.resolvedAt) return
    await tx.principleComment.update({ where: { id: comment.id }, data: { resolvedAt: new Date(), resolvedById: actorId } })
    await recordAudit(tx, {
      actorId,
      action: 'principle.comment.resolve',
      subjectType: 'PrincipleComment',
      subjectId: comment.id,
      regionId: comment.regionId,
    })
  })
}
