// HQ's principles: the working copy HQ edits, its lifecycle (draft → consultation → published →
// archived), immutable published versions and HQ's order. Every change writes an AuditEvent in
// the same transaction; every read and write goes through the ability.
import { accessibleBy } from '@casl/prisma/runtime'
import type { JSONContent } from '@tiptap/core'
import type { Prisma } from '~/generated/prisma/client.ts'
import type { PrincipleStatus } from '~/generated/prisma/enums.ts'
import type { Action, AppAbility } from '~/permissions/ability.ts'
import { authorize, can, invariantFound } from '~/permissions/authorize.server.ts'
import { prisma, type Db } from '~/utils/db.server.ts'
import { firstFreeSlug, slugify } from '~/utils/slug.ts'
import { recordAudit } from './audit.server.ts'
import { DomainError, StaleRevisionError } from './errors.server.ts'

export { StaleRevisionError }

export interface DocumentInput {
  title: string
  json: JSONContent
  text: string
}


const readable = (ability: AppAbility) => accessibleBy(ability, 'read').ofType('Principle')

/** Every principle the ability may read, in HQ's order; titles are the published ones unless the reader may see drafts. */
export async function listPrinciples(ability: AppAbility) {
  const rows = await prisma.principle.findMany({
    where: readable(ability),
    orderBy: [{ position: { sort: 'asc', nulls: 'last' } }, { updatedAt: 'desc' }],
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      revision: true,
      publishedVersion: true,
      position: true,
      consultationEndsAt: true,
      updatedAt: true,
      versions: { orderBy: { number: 'desc' }, take: 1, select: { number: true, title: true, publishedAt: true } },
    },
  })
  return rows.map(({ versions, title, ...row }) => {
    const seesDraft = can(ability, 'readDraft', 'Principle', row)
    const latest = versions[0] ?? null
    return { ...row, title: seesDraft || !latest ? title : latest.title, workingTitle: seesDraft ? title : null, latest }
  })
}

/** The principle (404 if missing or not readable), with its latest published version. */
export async function requirePrinciple(ability: AppAbility, slug: string) {
  const principle = await prisma.principle.findFirst({
    where: { AND: [readable(ability), { slug }] },
    include: { updatedBy: { select: { name: true } } },
  })
  invariantFound(principle)
  const published = principle.publishedVersion
    ? await prisma.principleVersion.findUnique({
        where: { principleId_number: { principleId: principle.id, number: principle.publishedVersion } },
        include: { publishedBy: { select: { name: true } } },
      })
    : null
  const seesDraft = can(ability, 'readDraft', 'Principle', principle)
  return { principle, published, seesDraft }
}

async function uniqueSlug(tx: Pick<Db, 'principle'>, title: string) {
  const base = slugify(title)
  if (!base) throw new DomainError('errors.nameNeedsLetters', 400, 'title')
  const taken = await tx.principle.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })
  return firstFreeSlug(base, taken.map((p) => p.slug))
}

export async function createPrinciple(ability: AppAbility, actorId: string, input: DocumentInput) {
  authorize(ability, 'create', 'Principle')
  return prisma.$transaction(async (tx) => {
    const principle = await tx.principle.create({
      data: {
        slug: await uniqueSlug(tx, input.title),
        title: input.title,
        body: input.json as Prisma.InputJsonValue,
        bodyText: input.text,
        createdById: actorId,
        updatedById: actorId,
      },
    })
    await recordAudit(tx, {
      actorId,
      action: 'principle.create',
      subjectType: 'Principle',
      subjectId: principle.id,
      after: { title: principle.title, slug: principle.slug },
    })
    return principle
  })
}

/**
 * Saves the working copy, only if nobody saved since `baseRevision` (otherwise StaleRevisionError
 * and nothing is written). Editing a published principle starts a draft revision; its published
 * version stays what everyone reads until the next publication.
 */
export async function savePrinciple(
  ability: AppAbility,
  actorId: string,
  principleId: string,
  input: DocumentInput & { baseRevision: number },
) {
  return prisma.$transaction(async (tx) => {
    const current = await tx.principle.findFirst({
      where: { AND: [readable(ability), { id: principleId }] },
      include: { updatedBy: { select: { name: true } } },
    })
    invariantFound(current)
    authorize(ability, 'update', 'Principle', current)
    if (current.status === 'archived') throw new DomainError('principles.errors.archived', 409)
    const nextStatus: PrincipleStatus = current.status === 'published' ? 'draft' : current.status
    // The revision check and the write are one statement, so two concurrent saves cannot both win.
    const { count } = await tx.principle.updateMany({
      where: { id: principleId, revision: input.baseRevision, status: { not: 'archived' } },
      data: {
        title: input.title,
        body: input.json as Prisma.InputJsonValue,
        bodyText: input.text,
        status: nextStatus,
        revision: { increment: 1 },
        updatedById: actorId,
      },
    })
    if (count === 0) {
      const latest = await tx.principle.findUniqueOrThrow({
        where: { id: principleId },
        include: { updatedBy: { select: { name: true } } },
      })
      throw new StaleRevisionError({
        title: latest.title,
        body: latest.body,
        revision: latest.revision,
        updatedBy: latest.updatedBy.name,
        updatedAt: latest.updatedAt,
      })
    }
    await recordAudit(tx, {
      actorId,
      action: 'principle.update',
      subjectType: 'Principle',
      subjectId: principleId,
      before: { title: current.title, revision: current.revision, status: current.status },
      after: { title: input.title, revision: input.baseRevision + 1, status: nextStatus },
    })
    return { revision: input.baseRevision + 1 }
  })
}

type Transition = {
  action: Action
  from: PrincipleStatus[]
  auditAction: string
  data: (principle: { publishedVersion: number; position: number | null }) => Prisma.PrincipleUpdateManyMutationInput
}

async function transition(ability: AppAbility, actorId: string, principleId: string, step: Transition, note?: Prisma.InputJsonObject) {
  return prisma.$transaction(async (tx) => {
    const principle = await tx.principle.findFirst({ where: { AND: [readable(ability), { id: principleId }] } })
    invariantFound(principle)
    authorize(ability, step.action, 'Principle', principle)
    if (!step.from.includes(principle.status)) throw new DomainError('principles.errors.wrongStatus', 409)
    const data = step.data(principle)
    const { count } = await tx.principle.updateMany({
      where: { id: principleId, status: principle.status, revision: principle.revision },
      data,
    })
    if (count === 0) throw new DomainError('principles.errors.changedMeanwhile', 409)
    await recordAudit(tx, {
      actorId,
      action: step.auditAction,
      subjectType: 'Principle',
      subjectId: principleId,
      before: { status: principle.status, consultationEndsAt: principle.consultationEndsAt?.toISOString() ?? null },
      after: { ...JSON.parse(JSON.stringify(data)), ...note },
    })
    return principle
  })
}

/** Sends the working copy out for consultation until `endsAt`. */
export function openConsultation(ability: AppAbility, actorId: string, principleId: string, endsAt: Date, now = new Date()) {
  if (endsAt <= now) throw new DomainError('principles.errors.endInPast', 400, 'endsAt')
  return transition(ability, actorId, principleId, {
    action: 'update',
    from: ['draft'],
    auditAction: 'principle.consultation.open',
    data: () => ({ status: 'consultation', consultationEndsAt: endsAt }),
  })
}

/** Takes a consultation back to draft (the comments stay attached to that version). */
export function closeConsultation(ability: AppAbility, actorId: string, principleId: string) {
  return transition(ability, actorId, principleId, {
    action: 'update',
    from: ['consultation'],
    auditAction: 'principle.consultation.close',
    data: () => ({ status: 'draft', consultationEndsAt: null }),
  })
}

export async function archivePrinciple(ability: AppAbility, actorId: string, principleId: string) {
  return transition(ability, actorId, principleId, {
    action: 'archive',
    from: ['draft', 'consultation', 'published'],
    auditAction: 'principle.archive',
    data: () => ({ status: 'archived', position: null, consultationEndsAt: null }),
  })
}

/** Brings an archived principle back: published again if it ever was, else a draft. */
export async function restorePrinciple(ability: AppAbility, actorId: string, principleId: string) {
  const maxPosition = await prisma.principle.aggregate({ _max: { position: true } })
  return transition(ability, actorId, principleId, {
    action: 'archive',
    from: ['archived'],
    auditAction: 'principle.restore',
    data: (p) =>
      p.publishedVersion > 0 ? { status: 'published', position: (maxPosition._max.position ?? 0) + 1 } : { status: 'draft' },
  })
}

/**
 * Publishes the working copy as the next immutable version. Only from consultation (HQ does not
 * publish from an ivory tower), and only the revision HQ looked at (`baseRevision`).
 */
export async function publishPrinciple(
  ability: AppAbility,
  actorId: string,
  principleId: string,
  input: { changeNote: string; baseRevision: number },
) {
  return prisma.$transaction(async (tx) => {
    const principle = await tx.principle.findFirst({ where: { AND: [readable(ability), { id: principleId }] } })
    invariantFound(principle)
    authorize(ability, 'publish', 'Principle', principle)
    if (principle.status !== 'consultation') throw new DomainError('principles.errors.publishNeedsConsultation', 409)
    const number = principle.publishedVersion + 1
    const position =
      principle.position ?? ((await tx.principle.aggregate({ _max: { position: true } }))._max.position ?? 0) + 1
    const { count } = await tx.principle.updateMany({
      where: { id: principleId, revision: input.baseRevision, status: 'consultation' },
      data: { status: 'published', publishedVersion: number, position, consultationEndsAt: null },
    })
    if (count === 0) throw new DomainError('principles.errors.changedMeanwhile', 409)
    const version = await tx.principleVersion.create({
      data: {
        principleId,
        number,
        title: principle.title,
        body: principle.body as Prisma.InputJsonValue,
        bodyText: principle.bodyText,
        changeNote: input.changeNote,
        publishedById: actorId,
      },
    })
    await recordAudit(tx, {
      actorId,
      action: 'principle.publish',
      subjectType: 'PrincipleVersion',
      subjectId: version.id,
      after: { principleId, number, title: version.title, changeNote: version.changeNote },
    })
    return version
  })
}

/** Swaps a published principle with its neighbour in HQ's order. */
export async function movePrinciple(ability: AppAbility, actorId: string, principleId: string, direction: 'up' | 'down') {
  await prisma.$transaction(async (tx) => {
    const principle = await tx.principle.findFirst({ where: { AND: [readable(ability), { id: principleId }] } })
    invariantFound(principle)
    authorize(ability, 'update', 'Principle', principle)
    if (principle.position === null) throw new DomainError('principles.errors.notOrdered', 409)
    const neighbour = await tx.principle.findFirst({
      where: { position: direction === 'up' ? { lt: principle.position } : { gt: principle.position } },
      orderBy: { position: direction === 'up' ? 'desc' : 'asc' },
    })
    if (!neighbour) return
    await tx.principle.update({ where: { id: principle.id }, data: { position: neighbour.position } })
    await tx.principle.update({ where: { id: neighbour.id }, data: { position: principle.position } })
    await recordAudit(tx, {
      actorId,
      action: 'principle.reorder',
      subjectType: 'Principle',
      subjectId: principle.id,
      before: { position: principle.position },
      after: { position: neighbour.position, direction },
    })
  })
}

/** The versions of a principle, newest first (no bodies). */
export function listVersions(ability: AppAbility, principleId: string) {
  return prisma.principleVersion.findMany({
    where: { AND: [accessibleBy(ability, 'read').ofType('PrincipleVersion'), { principleId }] },
    orderBy: { number: 'desc' },
    select: { number: true, title: true, changeNote: true, publishedAt: true, publishedBy: { select: { name: true } } },
  })
}

export async function requireVersion(ability: AppAbility, principleId: string, number: number) {
  const version = await prisma.principleVersion.findFirst({
    where: { AND: [accessibleBy(ability, 'read').ofType('PrincipleVersion'), { principleId, number }] },
    include: { publishedBy: { select: { name: true } } },
  })
  invariantFound(version)
  return version
}
