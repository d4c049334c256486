// HQ's principles: a versioned document (app/models/document.server.ts) with the lifecycle
// draft → consultation → published → archived, and HQ's order of the published ones. Every
// change writes an AuditEvent in the same transaction; every read and write goes through the ability.
import { accessibleBy } from '@casl/prisma/runtime'
import type { Principle } from '~/generated/prisma/client.ts'
import { can, type Action, type AppAbility } from '~/permissions/ability.ts'
import { authorize } from '~/permissions/authorize.ts'
import { prisma, type Db } from '~/utils/db.server.ts'
import { retryOnConflict } from '~/utils/db-errors.ts'
import { Conflict, Invalid, invariantFound } from '~/utils/errors.ts'
import { firstFreeSlug, slugify } from '~/utils/slug.ts'
import { recordAudit } from './audit.server.ts'
import { recordEvent } from './events.server.ts'
import * as versioned from './document.server.ts'

export { StaleRevisionError, type DocumentInput } from './document.server.ts'

export const principles: versioned.DocumentKind<Principle> = {
  subject: 'Principle',
  versionSubject: 'PrincipleVersion',
  foreignKey: 'principleId',
  audit: 'principle',
  messages: 'principles',
  // Prisma's delegates are generic in their arguments; the core needs only this shape of them.
  documents: (db) => db.principle as unknown as versioned.DocumentTable<Principle>,
  versions: (db) => db.principleVersion as unknown as versioned.VersionTable,
  regionOf: () => null,
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
    return {
      ...row,
      title: seesDraft || !latest ? title : latest.title,
      workingTitle: seesDraft ? title : null,
      latest,
    }
  })
}

/**
 * The principle (NotFound if missing or not readable; Forbidden unless the ability allows
 * `action` on it), with its latest published version and whether the reader sees the working copy.
 */
export async function requirePrinciple(ability: AppAbility, slug: string, action: Action = 'read') {
  const principle = await versioned.requireDocument(principles, ability, { slug }, action, prisma, {
    updatedBy: { select: { name: true } },
  })
  const withAuthor = principle as Principle & { updatedBy: { name: string } }
  const published = await versioned.publishedVersionOf(principles, principle)
  return { principle: withAuthor, published, seesDraft: can(ability, 'readDraft', 'Principle', principle) }
}

/** What HQ may do on a principle's page (the buttons it shows; the actions check again). */
export function principleActions(ability: AppAbility, principle: Principle) {
  return {
    update: can(ability, 'update', 'Principle', principle),
    archive: can(ability, 'archive', 'Principle', principle),
    publish: can(ability, 'publish', 'Principle', principle),
  }
}

async function uniqueSlug(tx: Pick<Db, 'principle'>, title: string) {
  const base = slugify(title)
  if (!base) throw new Invalid('errors.nameNeedsLetters', 'title')
  const taken = await tx.principle.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })
  return firstFreeSlug(
    base,
    taken.map((p) => p.slug),
  )
}

/** Whether the user may write new principles (the "new principle" page). */
export function requirePrincipleAuthor(ability: AppAbility) {
  authorize(ability, 'create', 'Principle')
}

export async function createPrinciple(
  ability: AppAbility,
  actorId: string,
  input: versioned.DocumentInput,
  after?: (principle: Principle, tx: versioned.Tx) => Promise<unknown>,
) {
  requirePrincipleAuthor(ability)
  return versioned.createDocument(principles, actorId, input, {
    data: async (tx) => ({ slug: await uniqueSlug(tx, input.title) }),
    audit: (principle) => ({ title: principle.title, slug: principle.slug }),
    after,
  })
}

/** Saves HQ's working copy (stale saves lose; a published principle gets a draft revision). */
export const savePrinciple: versioned.SaveWorkingCopy = (...args) => versioned.saveWorkingCopy(principles, ...args)

const beforeStep = (p: Principle) => ({
  status: p.status,
  consultationEndsAt: p.consultationEndsAt?.toISOString() ?? null,
})

/** Sends the working copy out for consultation until `endsAt`. */
export function openConsultation(
  ability: AppAbility,
  actorId: string,
  principleId: string,
  endsAt: Date,
  now = new Date(),
) {
  if (endsAt <= now) throw new Invalid('principles.errors.endInPast', 'endsAt')
  return versioned.changeStatus(principles, ability, actorId, principleId, {
    action: 'update',
    from: ['draft'],
    audit: 'consultation.open',
    before: beforeStep,
    data: () => ({ status: 'consultation', consultationEndsAt: endsAt }),
    after: (p, tx) => recordEvent(tx, actorId, { kind: 'consultation.opened', principleId: p.id }),
  })
}

/** Takes a consultation back to draft (the comments stay attached to that version). */
export function closeConsultation(ability: AppAbility, actorId: string, principleId: string) {
  return versioned.changeStatus(principles, ability, actorId, principleId, {
    action: 'update',
    from: ['consultation'],
    audit: 'consultation.close',
    before: beforeStep,
    data: () => ({ status: 'draft', consultationEndsAt: null }),
  })
}

export function archivePrinciple(ability: AppAbility, actorId: string, principleId: string) {
  return versioned.changeStatus(principles, ability, actorId, principleId, {
    action: 'archive',
    from: ['draft', 'consultation', 'published'],
    audit: 'archive',
    before: beforeStep,
    data: () => ({ status: 'archived', position: null, consultationEndsAt: null }),
  })
}

/** The place after the last one in HQ's order (under the order's lock, until the transaction ends). */
async function nextPosition(tx: versioned.Tx) {
  await lockOrder(tx)
  return ((await tx.principle.aggregate({ _max: { position: true } }))._max.position ?? 0) + 1
}

/** Brings an archived principle back: published again (at the end of HQ's order) if it ever was, else a draft. */
export function restorePrinciple(ability: AppAbility, actorId: string, principleId: string) {
  return versioned.changeStatus(principles, ability, actorId, principleId, {
    action: 'archive',
    from: ['archived'],
    audit: 'restore',
    before: beforeStep,
    data: async (p, tx) =>
      p.publishedVersion > 0 ? { status: 'published', position: await nextPosition(tx) } : { status: 'draft' },
  })
}

/**
 * Publishes the working copy as the next immutable version. Only from consultation (HQ does not
 * publish from an ivory tower), and only the revision HQ looked at (`baseRevision`).
 */
export function publishPrinciple(
  ability: AppAbility,
  actorId: string,
  principleId: string,
  input: { changeNote: string; baseRevision: number; withOpenComments?: boolean },
) {
  return versioned.publishWorkingCopy(principles, ability, actorId, principleId, {
    from: ['consultation'],
    baseRevision: input.baseRevision,
    changeNote: input.changeNote,
    document: async (p, number, tx) => {
      // Comments nobody has answered yet are a reason to wait: publishing past them is a choice HQ makes knowingly.
      const open = await tx.principleComment.count({
        where: { principleId: p.id, versionNumber: number, resolvedAt: null },
      })
      if (open && !input.withOpenComments) {
        throw new Invalid('principles.errors.openComments', 'withOpenComments', { count: open })
      }
      return { position: p.position ?? (await nextPosition(tx)), consultationEndsAt: null }
    },
    audit: (p, version) => ({
      principleId: p.id,
      number: version.number,
      title: version.title,
      changeNote: input.changeNote,
    }),
    // Regions whose guidelines or decisions rest on an older version hear that they need review.
    after: (p, version, tx) =>
      recordEvent(tx, actorId, { kind: 'principle.published', principleId: p.id, number: version.number }),
  })
}

/**
 * Every change of HQ's order (a move, a first publication taking the next place) holds this
 * lock until its transaction ends: two never read the same order and write conflicting places.
 * (The unique index on `position` would refuse them anyway; the lock makes them wait their turn.)
 */
async function lockOrder(tx: versioned.Tx) {
  await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock(7245001)')
}

/**
 * Swaps a principle with its neighbour above or below. `seenPosition` is where the mover saw it:
 * if someone moved it meanwhile, nothing is written (409) and the mover sees the new order.
 */
export async function movePrinciple(
  ability: AppAbility,
  actorId: string,
  principleId: string,
  direction: 'up' | 'down',
  seenPosition?: number,
) {
  await retryOnConflict(() =>
    prisma.$transaction(async (tx) => {
      await lockOrder(tx)
      const principle = await versioned.requireDocument(principles, ability, { id: principleId }, 'update', tx)
      if (principle.position === null) throw new Conflict('principles.errors.notOrdered')
      if (seenPosition !== undefined && principle.position !== seenPosition) {
        throw new Conflict('principles.errors.orderChanged')
      }
      const neighbour = await tx.principle.findFirst({
        where: { position: direction === 'up' ? { lt: principle.position } : { gt: principle.position } },
        orderBy: { position: direction === 'up' ? 'desc' : 'asc' },
      })
      if (!neighbour) return
      // Through a free place: the unique index holds after every statement.
      await tx.principle.update({ where: { id: principle.id }, data: { position: null } })
      await tx.principle.update({ where: { id: neighbour.id }, data: { position: principle.position } })
      await tx.principle.update({ where: { id: principle.id }, data: { position: neighbour.position } })
      await recordAudit(tx, {
        actorId,
        action: 'principle.reorder',
        subjectType: 'Principle',
        subjectId: principle.id,
        before: { position: principle.position },
        after: { position: neighbour.position, direction },
      })
    }),
  )
}

/** The versions of a principle, newest first (no bodies). */
export function listVersions(ability: AppAbility, principleId: string) {
  return versioned.listDocumentVersions(principles, ability, principleId)
}

export function requireVersion(ability: AppAbility, principleId: string, number: number) {
  return versioned.requireDocumentVersion(principles, ability, principleId, number)
}

/** The published principle a region writes under (NotFound unless published and readable). */
export async function requirePublishedPrinciple(ability: AppAbility, principleId: string) {
  const principle = await prisma.principle.findFirst({
    where: { AND: [readable(ability), { id: principleId, publishedVersion: { gt: 0 }, status: { not: 'archived' } }] },
  })
  invariantFound(principle)
  return principle
}

/** One side of a comparison: a published version by number, or `draft` (the working copy, for who may read it). */
export async function principleTextAt(ability: AppAbility, principle: Principle, side: string | null) {
  if (side === 'draft') {
    authorize(ability, 'readDraft', 'Principle', principle)
    return { label: 'draft' as const, title: principle.title, text: principle.bodyText }
  }
  const number = Number(side)
  const version = await requireVersion(ability, principle.id, number)
  return { label: number, title: version.title, text: version.bodyText }
}
