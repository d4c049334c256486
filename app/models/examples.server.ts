// Regions learn from each other: a region's manager shares a published guideline as an example
// for all regions (and may withdraw it); managers and members of every region read the shared
// examples under each principle ("zo doen andere regio's het") and start their own draft from one
// — copied from its published version, with attribution, and told when the example gets a new
// version (app/models/notifications.server.ts). Frontline never reads another region's rules: the
// ability gives `readExample` to managers, members and HQ only.
import { accessibleBy } from '@casl/prisma/runtime'
import type { Guideline, Prisma } from '~/generated/prisma/client.ts'
import { renderVersionHtml } from '~/editor/render.server.ts'
import { can, type AppAbility } from '~/permissions/ability.ts'
import { authorize } from '~/permissions/authorize.ts'
import { prisma } from '~/utils/db.server.ts'
import { Conflict, invariantFound } from '~/utils/errors.ts'
import { recordAudit } from './audit.server.ts'
import { createGuideline, requireGuideline } from './guideline.server.ts'
import { findRepeat } from './repeat.server.ts'

/** Shares the guideline's published version with all regions, or withdraws it (`shared: false`). */
export async function setShared(ability: AppAbility, actorId: string, guidelineId: string, shared: boolean) {
  const { guideline } = await requireGuideline(ability, guidelineId)
  authorize(ability, 'share', 'Guideline', guideline)
  if (shared && (guideline.status === 'archived' || guideline.publishedVersion === 0))
    throw new Conflict('examples.errors.notPublished')
  return prisma.$transaction(async (tx) => {
    // Conditional, so a double click or two managers at once change it once (and audit it once).
    const { count } = await tx.guideline.updateMany({
      where: { id: guideline.id, sharedAt: shared ? null : { not: null } },
      data: shared ? { sharedAt: new Date(), sharedById: actorId } : { sharedAt: null, sharedById: null },
    })
    if (count) {
      await recordAudit(tx, {
        actorId,
        action: shared ? 'guideline.share' : 'guideline.unshare',
        subjectType: 'Guideline',
        subjectId: guideline.id,
        regionId: guideline.regionId,
        after: { version: guideline.publishedVersion },
      })
    }
    return { changed: count > 0 }
  })
}

const examplesWhere = (ability: AppAbility, where: Prisma.GuidelineWhereInput): Prisma.GuidelineWhereInput => ({
  AND: [accessibleBy(ability, 'readExample').ofType('Guideline'), where],
})

/** The shared examples under a principle, with their published text (none for whoever may not read them). */
export async function listExamples(ability: AppAbility, principleId: string) {
  if (!can(ability, 'readExample', 'Guideline', { sharedAt: new Date(), publishedVersion: 1, status: 'published' }))
    return []
  const examples = await prisma.guideline.findMany({
    where: examplesWhere(ability, { principleId }),
    orderBy: { sharedAt: 'desc' },
    select: {
      id: true,
      publishedVersion: true,
      sharedAt: true,
      region: { select: { id: true, name: true } },
      versions: { orderBy: { number: 'desc' }, take: 1, select: { id: true, title: true, body: true } },
      _count: { select: { copies: true } },
    },
  })
  return examples.flatMap((example) => {
    const version = example.versions[0]
    if (!version) return []
    return [
      {
        id: example.id,
        region: example.region,
        title: version.title,
        version: example.publishedVersion,
        sharedAt: example.sharedAt!,
        copies: example._count.copies,
        html: renderVersionHtml(version.id, version.body),
      },
    ]
  })
}

/**
 * Starts a draft in one of the user's regions from a shared example: its published text, with a
 * link back to it (attribution), so the region adapts it with its own team and customers.
 */
export async function startFromExample(ability: AppAbility, actorId: string, exampleId: string, regionId: string) {
  const example = await prisma.guideline.findFirst({
    where: examplesWhere(ability, { id: exampleId }),
    select: { id: true, regionId: true, principleId: true, publishedVersion: true },
  })
  invariantFound(example)
  if (example.regionId === regionId) throw new Conflict('examples.errors.ownRegion', 'regionId')
  const version = await prisma.guidelineVersion.findFirstOrThrow({
    where: { guidelineId: example.id, number: example.publishedVersion },
    select: { title: true, body: true, bodyText: true },
  })
  try {
    return await createGuideline(
      ability,
      actorId,
      {
        title: version.title,
        json: version.body as Prisma.JsonObject,
        text: version.bodyText,
        regionId,
        principleId: example.principleId,
      },
      {
        after: async (guideline, tx) => {
          // Started twice within a minute (a double click, two at once): the second finds the first
          // under the lock, and its own copy is rolled back.
          const earlier = await findRepeat(tx, `copy:${actorId}:${example.id}`, (since) =>
            tx.guideline.findFirst({
              where: {
                id: { not: guideline.id },
                copiedFromId: example.id,
                regionId,
                createdById: actorId,
                createdAt: { gte: since },
              },
            }),
          )
          if (earlier) throw new AlreadyStarted(earlier)
          await tx.guideline.update({
            where: { id: guideline.id },
            data: { copiedFromId: example.id, copiedFromVersion: example.publishedVersion },
          })
          await recordAudit(tx, {
            actorId,
            action: 'guideline.copy',
            subjectType: 'Guideline',
            subjectId: guideline.id,
            regionId,
            after: { from: example.id, fromRegion: example.regionId, version: example.publishedVersion },
          })
        },
      },
    )
  } catch (error) {
    if (error instanceof AlreadyStarted) return error.draft
    throw error
  }
}

/** Rolls back a second copy of the same example: the first is the answer. */
class AlreadyStarted extends Error {
  constructor(readonly draft: Guideline) {
    super('already started from this example')
  }
}

/** Where a guideline came from, when it started from another region's example the reader may read. */
export async function exampleSource(
  ability: AppAbility,
  guideline: { copiedFromId: string | null; copiedFromVersion: number | null },
) {
  if (!guideline.copiedFromId) return null
  const source = await prisma.guideline.findFirst({
    where: {
      AND: [
        {
          OR: [
            accessibleBy(ability, 'readExample').ofType('Guideline'),
            accessibleBy(ability, 'read').ofType('Guideline'),
          ],
        },
        { id: guideline.copiedFromId },
      ],
    },
    select: {
      id: true,
      title: true,
      publishedVersion: true,
      region: { select: { name: true } },
      principle: { select: { slug: true } },
    },
  })
  return source
    ? {
        ...source,
        copiedVersion: guideline.copiedFromVersion,
        newer: (guideline.copiedFromVersion ?? 0) < source.publishedVersion,
      }
    : null
}

/** The user's regions where they may start a draft (to start one from an example). */
export function regionsToStartIn(
  ability: AppAbility,
  memberships: { regionId: string; region: { id: string; name: string } }[],
) {
  return memberships
    .filter((m) => can(ability, 'create', 'Guideline', { regionId: m.regionId, status: 'draft' }))
    .map((m) => m.region)
}
