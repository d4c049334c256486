// The frontline handbook: a region's published guidelines under the principles in HQ's order,
// what the reader still has to read (and by when), and read confirmations. Everything a reader
// sees comes from published versions and is filtered by the same ability as the rest. A
// confirmation counts for the version confirmed and for later minor corrections of it
// (GuidelineVersion.confirmationVersion); a material change asks for a new one.
import { accessibleBy } from '@casl/prisma/runtime'
import type { AppAbility } from '~/permissions/ability.ts'
import { authorize } from '~/permissions/authorize.ts'
import { invariantFound } from '~/utils/errors.ts'
import { prisma } from '~/utils/db.server.ts'
import { recordAudit } from './audit.server.ts'

const publishedIn = (ability: AppAbility, regionId: string) => ({
  AND: [
    accessibleBy(ability, 'read').ofType('Guideline'),
    { regionId, publishedVersion: { gt: 0 }, status: { not: 'archived' as const } },
  ],
})

export type ReadState = 'new' | 'changed' | 'read'

/**
 * The handbook is the hot path, so it reads with one SQL query instead of several Prisma queries.
 * The ability is still the judge: it must allow reading published guidelines of this region
 * (the guideline rules are per region), checked here on a record of exactly that shape; a test
 * asserts this list equals `accessibleBy(ability).ofType('Guideline')` for every role.
 */
export function authorizeHandbook(ability: AppAbility, regionId: string) {
  authorize(ability, 'read', 'Guideline', { regionId, publishedVersion: 1, status: 'published' })
}

export async function getHandbook(ability: AppAbility, userId: string, regionId: string) {
  authorizeHandbook(ability, regionId)
  const rows = await prisma.$queryRaw<
    {
      id: string
      principleId: string
      principleSlug: string
      principleTitle: string
      title: string
      changedAt: Date
      confirmBy: Date | null
      confirmed: boolean
      everConfirmed: boolean
      underReview: boolean
    }[]
  >`
    SELECT g."id", p."id" AS "principleId", p."slug" AS "principleSlug", pv."title" AS "principleTitle",
      v."title", v."publishedAt" AS "changedAt", v."confirmBy",
      g."basedOnPrincipleVersion" < p."publishedVersion" AS "underReview",
      EXISTS (SELECT 1 FROM "Acknowledgement" a WHERE a."userId" = ${userId} AND a."guidelineId" = g."id"
        AND a."versionNumber" >= v."confirmationVersion") AS "confirmed",
      EXISTS (SELECT 1 FROM "Acknowledgement" a WHERE a."userId" = ${userId} AND a."guidelineId" = g."id") AS "everConfirmed"
    FROM "Guideline" g
    JOIN "GuidelineVersion" v ON v."guidelineId" = g."id" AND v."number" = g."publishedVersion"
    JOIN "Principle" p ON p."id" = g."principleId"
    JOIN "PrincipleVersion" pv ON pv."principleId" = p."id" AND pv."number" = p."publishedVersion"
    WHERE g."regionId" = ${regionId} AND g."publishedVersion" > 0 AND g."status" <> 'archived'
      AND p."position" IS NOT NULL AND p."status" <> 'archived'
    ORDER BY p."position", v."title"`
  const principles: {
    id: string
    slug: string
    title: string
    guidelines: {
      id: string
      title: string
      changedAt: Date
      state: ReadState
      confirmBy: Date | null
      /** HQ changed the principle since this rule was written; the region is reviewing it. */
      underReview: boolean
    }[]
  }[] = []
  for (const row of rows) {
    let principle = principles.at(-1)
    if (principle?.id !== row.principleId) {
      principle = { id: row.principleId, slug: row.principleSlug, title: row.principleTitle, guidelines: [] }
      principles.push(principle)
    }
    const state: ReadState = row.confirmed ? 'read' : row.everConfirmed ? 'changed' : 'new'
    principle.guidelines.push({
      id: row.id,
      title: row.title,
      changedAt: row.changedAt,
      state,
      confirmBy: state === 'read' ? null : row.confirmBy,
      underReview: row.underReview,
    })
  }
  return principles
}

/** What the reader still has to confirm, soonest due first (the handbook's to-do). */
export function toConfirm(principles: Awaited<ReturnType<typeof getHandbook>>) {
  return principles
    .flatMap((p) => p.guidelines)
    .filter((g) => g.state !== 'read')
    .sort((a, b) => (a.confirmBy?.getTime() ?? Infinity) - (b.confirmBy?.getTime() ?? Infinity))
}

/**
 * One guideline as frontline reads it: its published version, the principle behind it, and
 * whether (and when) the reader confirmed the current text.
 */
export async function getHandbookGuideline(ability: AppAbility, userId: string, regionId: string, guidelineId: string) {
  const guideline = await prisma.guideline.findFirst({
    where: { AND: [publishedIn(ability, regionId), { id: guidelineId }] },
    select: {
      id: true,
      regionId: true,
      principleId: true,
      publishedVersion: true,
      basedOnPrincipleVersion: true,
      principle: { select: { slug: true, publishedVersion: true } },
    },
  })
  invariantFound(guideline)
  // While the guideline needs review, the reader sees the principle as it was when the rule was
  // written — never the old rule beside a new "why" that contradicts it.
  const underReview = guideline.basedOnPrincipleVersion < guideline.principle.publishedVersion
  const principleVersion =
    underReview && guideline.basedOnPrincipleVersion > 0
      ? guideline.basedOnPrincipleVersion
      : guideline.principle.publishedVersion
  const [version, principle, acknowledgements] = await Promise.all([
    prisma.guidelineVersion.findUniqueOrThrow({
      where: { guidelineId_number: { guidelineId: guideline.id, number: guideline.publishedVersion } },
      select: {
        id: true,
        number: true,
        title: true,
        body: true,
        publishedAt: true,
        material: true,
        confirmBy: true,
        confirmationVersion: true,
      },
    }),
    prisma.principleVersion.findUnique({
      where: {
        principleId_number: { principleId: guideline.principleId, number: principleVersion },
      },
      select: { id: true, number: true, title: true, body: true },
    }),
    prisma.acknowledgement.findMany({
      where: { userId, guidelineId: guideline.id },
      orderBy: { versionNumber: 'desc' },
      select: { versionNumber: true, createdAt: true },
    }),
  ])
  const acknowledgement = acknowledgements.find((a) => a.versionNumber >= version.confirmationVersion)
  return { guideline, version, principle, underReview, acknowledgedAt: acknowledgement?.createdAt ?? null }
}

/**
 * "Read and understood" for the guideline's current version. Idempotent: a double click, or two
 * tabs at once, is one confirmation (the unique index decides; the second insert is skipped).
 */
export async function acknowledge(
  ability: AppAbility,
  userId: string,
  regionId: string,
  guidelineId: string,
  versionNumber: number,
) {
  const { guideline, version, acknowledgedAt } = await getHandbookGuideline(ability, userId, regionId, guidelineId)
  authorize(ability, 'acknowledge', 'Guideline', { ...guideline, status: 'published' })
  // Confirming a version that is no longer current would confirm text the reader did not see.
  if (version.number !== versionNumber) return { stale: true as const }
  if (acknowledgedAt) return { stale: false as const }
  await prisma.$transaction(async (tx) => {
    const [row] = await tx.acknowledgement.createManyAndReturn({
      data: [{ userId, guidelineVersionId: version.id, guidelineId, regionId, versionNumber: version.number }],
      skipDuplicates: true,
      select: { id: true },
    })
    if (!row) return
    await recordAudit(tx, {
      actorId: userId,
      action: 'guideline.acknowledge',
      subjectType: 'Acknowledgement',
      subjectId: row.id,
      regionId,
      after: { guidelineId, version: version.number },
    })
  })
  return { stale: false as const }
}

/**
 * The region's handbook on paper: every current guideline with its published text, under the
 * principles in HQ's order (the same rows the home lists, through the same ability).
 */
export async function getPrintableHandbook(ability: AppAbility, regionId: string) {
  authorizeHandbook(ability, regionId)
  const guidelines = await prisma.guideline.findMany({
    where: {
      AND: [publishedIn(ability, regionId), { principle: { position: { not: null }, status: { not: 'archived' } } }],
    },
    select: {
      id: true,
      publishedVersion: true,
      principle: { select: { id: true, position: true, publishedVersion: true } },
    },
  })
  if (!guidelines.length) return []
  const [versions, principleVersions] = await Promise.all([
    prisma.guidelineVersion.findMany({
      where: { OR: guidelines.map((g) => ({ guidelineId: g.id, number: g.publishedVersion })) },
      select: { id: true, guidelineId: true, number: true, title: true, body: true, publishedAt: true },
    }),
    prisma.principleVersion.findMany({
      where: {
        OR: [...new Map(guidelines.map((g) => [g.principle.id, g.principle])).values()].map((p) => ({
          principleId: p.id,
          number: p.publishedVersion,
        })),
      },
      select: { principleId: true, title: true },
    }),
  ])
  const position = new Map(guidelines.map((g) => [g.principle.id, g.principle.position ?? 0]))
  return principleVersions
    .sort((a, b) => position.get(a.principleId)! - position.get(b.principleId)!)
    .map((p) => ({
      id: p.principleId,
      title: p.title,
      guidelines: versions
        .filter((v) => guidelines.some((g) => g.id === v.guidelineId && g.principle.id === p.principleId))
        .sort((a, b) => a.title.localeCompare(b.title, 'nl')),
    }))
}
