// Comments, with one level of replies, in the two places people discuss a text before it is
// published: a principle in consultation (regions and HQ; each comment belongs to the version the
// consultation leads to and says which region it speaks for; HQ resolves) and a guideline draft
// or review (the region's team; the manager resolves and sends back with a comment).
import { accessibleBy } from '@casl/prisma/runtime'
import type { GuidelineStatus, Principle } from '~/generated/prisma/client.ts'
import { can, type AppAbility } from '~/permissions/ability.ts'
import { authorize } from '~/permissions/authorize.ts'
import { prisma } from '~/utils/db.server.ts'
import { Conflict, Invalid, invariantFound } from '~/utils/errors.ts'
import { recordAudit } from './audit.server.ts'
import { findRepeat } from './repeat.server.ts'
import { recordEvent } from './events.server.ts'
import type { Tx } from './document.server.ts'

type CommentSubject = 'PrincipleComment' | 'GuidelineComment'

interface CommentRow {
  id: string
  parentId: string | null
  resolvedAt: Date | null
  regionId?: string | null
}
/** The part of the two comment tables' Prisma delegates used here. */
interface CommentTable {
  findMany(args: object): Promise<never[]>
  findFirst(args: { where: object; select?: object }): Promise<CommentRow | null>
  create(args: { data: object }): Promise<CommentRow>
  update(args: { where: { id: string }; data: object }): Promise<unknown>
}
interface CommentKind {
  subject: CommentSubject
  table(db: Tx | typeof prisma): CommentTable
  /** Audit action of a new comment; resolving appends `.resolve`. */
  audit: string
  /** What a comment shows besides author, body and dates. */
  select: Record<string, object | true>
}

const consultation: CommentKind = {
  subject: 'PrincipleComment',
  table: (db) => db.principleComment as unknown as CommentTable,
  audit: 'principle.comment',
  select: { region: { select: { name: true } } },
}
const team: CommentKind = {
  subject: 'GuidelineComment',
  table: (db) => db.guidelineComment as unknown as CommentTable,
  audit: 'guideline.comment',
  select: { sendBack: true },
}

const readable = (kind: CommentKind, ability: AppAbility): object => accessibleBy(ability, 'read').ofType(kind.subject)

function commentSelect(kind: CommentKind) {
  return {
    id: true,
    body: true,
    createdAt: true,
    resolvedAt: true,
    author: { select: { name: true } },
    resolvedBy: { select: { name: true } },
    ...kind.select,
  }
}

export interface CommentView {
  id: string
  body: string
  createdAt: Date
  resolvedAt: Date | null
  author: { name: string }
  resolvedBy: { name: string } | null
  region?: { name: string } | null
  sendBack?: boolean
}
export type Thread = CommentView & { replies: CommentView[] }

/** Top-level comments with their replies, oldest first, as far as the ability may read them. */
function listThreads(kind: CommentKind, ability: AppAbility, where: object): Promise<Thread[]> {
  return kind.table(prisma).findMany({
    where: { AND: [readable(kind, ability), where, { parentId: null }] },
    orderBy: { createdAt: 'asc' },
    select: {
      ...commentSelect(kind),
      replies: { where: readable(kind, ability), orderBy: { createdAt: 'asc' }, select: commentSelect(kind) },
    },
  })
}

/** Writes a comment (a reply only to a top-level comment in the same place) and its audit event. */
async function writeComment(
  kind: CommentKind,
  actorId: string,
  place: object,
  input: { body: string; parentId?: string; regionId: string | null; data: object; audit: object },
) {
  return prisma.$transaction(async (tx) => {
    if (input.parentId) {
      const parent = await kind
        .table(tx)
        .findFirst({ where: { id: input.parentId, ...place }, select: { parentId: true } })
      if (!parent) throw new Invalid('comments.errors.noParent')
      if (parent.parentId) throw new Invalid('comments.errors.replyDepth')
    }
    const same = { ...place, ...input.data, parentId: input.parentId ?? null, authorId: actorId, body: input.body }
    const repeat = await findRepeat(tx, `${kind.subject}:${actorId}`, (since) =>
      kind.table(tx).findFirst({ where: { ...same, createdAt: { gte: since } } }),
    )
    if (repeat) return repeat
    const comment = await kind.table(tx).create({ data: same })
    await recordAudit(tx, {
      actorId,
      action: kind.audit,
      subjectType: kind.subject,
      subjectId: comment.id,
      regionId: input.regionId,
      after: { ...input.audit, parentId: comment.parentId },
    })
    if (input.parentId) {
      await recordEvent(tx, actorId, {
        kind: 'comment.reply',
        subject: kind.subject,
        commentId: comment.id,
        parentId: input.parentId,
      })
    }
    return comment
  })
}

/** Marks a comment resolved (once; resolving again changes nothing). `record` is what the ability checks. */
async function markResolved(
  kind: CommentKind,
  ability: AppAbility,
  actorId: string,
  where: object,
  record: (c: CommentRow) => object,
  regionId: (c: CommentRow) => string | null,
) {
  await prisma.$transaction(async (tx) => {
    const comment = await kind.table(tx).findFirst({ where: { AND: [readable(kind, ability), where] } })
    invariantFound(comment)
    authorize(ability, 'update', kind.subject, record(comment) as Record<string, unknown>)
    if (comment.resolvedAt) return
    await kind.table(tx).update({ where: { id: comment.id }, data: { resolvedAt: new Date(), resolvedById: actorId } })
    await recordAudit(tx, {
      actorId,
      action: `${kind.audit}.resolve`,
      subjectType: kind.subject,
      subjectId: comment.id,
      regionId: regionId(comment),
    })
  })
}

// --- Consultation on a principle --------------------------------------------------------------

/** The threads on one version of a principle. */
export function listConsultationThreads(ability: AppAbility, principleId: string, versionNumber: number) {
  return listThreads(consultation, ability, { principleId, versionNumber })
}

/** How many comments (replies included) each region made on a version; HQ's null region last. */
export async function countCommentsByRegion(ability: AppAbility, principleId: string, versionNumber: number) {
  const groups = await prisma.principleComment.groupBy({
    by: ['regionId'],
    where: { AND: [accessibleBy(ability, 'read').ofType('PrincipleComment'), { principleId, versionNumber }] },
    _count: { _all: true },
  })
  const regions = await prisma.region.findMany({
    where: { id: { in: groups.map((g) => g.regionId).filter((id): id is string => id !== null) } },
    select: { id: true, name: true },
  })
  const names = new Map(regions.map((r) => [r.id, r.name]))
  return groups
    .map((g) => ({
      regionId: g.regionId,
      regionName: g.regionId ? (names.get(g.regionId) ?? '') : null,
      count: g._count._all,
    }))
    .sort((a, b) => (a.regionName ?? '\uffff').localeCompare(b.regionName ?? '\uffff'))
}

/** The regions the ability lets the user speak for in a consultation. */
export function commentRegionOptions<M extends { regionId: string }>(
  ability: AppAbility,
  user: { memberships: M[] },
): M[] {
  return user.memberships.filter((m) => can(ability, 'create', 'PrincipleComment', { regionId: m.regionId }))
}

/** Whether the user may comment for headquarters (no region). */
export const speaksForHq = (ability: AppAbility) => can(ability, 'create', 'PrincipleComment', { regionId: null })

/**
 * What the consultation section of a principle page shows this reader: the threads, the counts
 * per region (for whoever resolves), and whether and for whom they may comment.
 */
export async function consultationFor<M extends { regionId: string; region: { name: string } }>(
  ability: AppAbility,
  user: { memberships: M[] },
  principle: Principle,
) {
  const nextVersion = principle.publishedVersion + 1
  const resolves = can(ability, 'update', 'PrincipleComment', { principleId: principle.id })
  const [threads, regionCounts] = await Promise.all([
    listConsultationThreads(ability, principle.id, nextVersion),
    resolves ? countCommentsByRegion(ability, principle.id, nextVersion) : null,
  ])
  return {
    nextVersion,
    threads,
    regionCounts,
    canComment: can(ability, 'comment', 'Principle', principle),
    canResolve: resolves,
    regions: commentRegionOptions(ability, user).map((m) => ({ id: m.regionId, name: m.region.name })),
    speaksForHq: speaksForHq(ability),
  }
}

/**
 * A comment in the consultation, for a region the user speaks for (or HQ). Without a region the
 * user's first region is taken, or HQ for those who speak for HQ.
 */
export async function addComment(
  ability: AppAbility,
  actorId: string,
  principle: Pick<Principle, 'id' | 'status' | 'consultationEndsAt' | 'publishedVersion'>,
  input: { body: string; regionId: string | null; parentId?: string },
) {
  authorize(ability, 'comment', 'Principle', principle)
  authorize(ability, 'create', 'PrincipleComment', { regionId: input.regionId })
  const versionNumber = principle.publishedVersion + 1
  return writeComment(
    consultation,
    actorId,
    { principleId: principle.id, versionNumber },
    {
      body: input.body,
      parentId: input.parentId,
      regionId: input.regionId,
      data: { regionId: input.regionId },
      audit: { principleId: principle.id, versionNumber },
    },
  )
}

/** The region a consultation comment speaks for when the form did not say. */
export function defaultCommentRegion(
  ability: AppAbility,
  user: { memberships: { regionId: string }[] },
  chosen?: string,
): string | null {
  if (chosen) return chosen
  return speaksForHq(ability) ? null : (commentRegionOptions(ability, user)[0]?.regionId ?? null)
}

export function resolveComment(ability: AppAbility, actorId: string, principleId: string, commentId: string) {
  return markResolved(
    consultation,
    ability,
    actorId,
    { id: commentId, principleId },
    (c) => c,
    (c) => c.regionId ?? null,
  )
}

// --- A guideline's team -----------------------------------------------------------------------

type GuidelineRef = { id: string; regionId: string; status: GuidelineStatus }

export function listGuidelineThreads(ability: AppAbility, guidelineId: string) {
  return listThreads(team, ability, { guidelineId })
}

export function addGuidelineComment(
  ability: AppAbility,
  actorId: string,
  guideline: GuidelineRef,
  input: { body: string; parentId?: string },
) {
  authorize(ability, 'create', 'GuidelineComment', { guideline: { regionId: guideline.regionId } })
  if (guideline.status !== 'draft' && guideline.status !== 'review')
    throw new Conflict('guidelines.errors.commentsClosed')
  return writeComment(
    team,
    actorId,
    { guidelineId: guideline.id },
    {
      body: input.body,
      parentId: input.parentId,
      regionId: guideline.regionId,
      data: {},
      audit: { guidelineId: guideline.id },
    },
  )
}

export function resolveGuidelineComment(
  ability: AppAbility,
  actorId: string,
  guideline: GuidelineRef,
  commentId: string,
) {
  return markResolved(
    team,
    ability,
    actorId,
    { id: commentId, guidelineId: guideline.id },
    (c) => ({ ...c, guideline: { regionId: guideline.regionId } }),
    () => guideline.regionId,
  )
}
