// The frontline handbook: a region's published guidelines under the principles in HQ's order,
// what the reader still has to read (and by when), and read confirmations. Everything a reader
// sees comes from published versions and is filtered by the same ability as the rest. A
// confirmation counts for the version confirmed and for later minor corrections of it
// (GuidelineVersion.confirmationVersion); a material change asks for a new one.
import { accessibleBy } from '@casl/prisma/runtime'
import type { AppAbility } from '~/permissions/ability.ts'
import { authorize } from '~/permissions/authorize.ts'
import { invariantFound } from '~/utils/errors.ts'
import { prisma, readingDb, type Db } from '~/utils/db.server.ts'
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

/** A region's handbook as every reader sees it: principles in HQ's order, their published guidelines. */
export interface RegionHandbook {
  principles: {
    id: string
    slug: string
    title: string
    guidelines: {
      id: string
      title: string
      changedAt: Date
      confirmBy: Date | null
      /** The oldest version whose confirmation still counts (a minor correction keeps earlier ones). */
      confirmationVersion: number
      /** HQ changed the principle since this rule was written; the region is reviewing it. */
      underReview: boolean
    }[]
  }[]
}

/**
 * The handbook's parts that do not depend on the reader, per region, kept while its stamp holds.
 * The stamp is computed from the published versions themselves (read on every request, so every
 * app process sees a new version at once, without messages between processes or clocks).
 */
const regionHandbooks = new Map<string, { stamp: string; handbook: Promise<RegionHandbook> }>()
const MAX_CACHED_REGIONS = 500

/**
 * The region's handbook with the reader's read state: one statement for the stamp and the reader's
 * confirmations, and (only when the region published something since) one for the list itself.
 * `stamp` names the list's content, for caching what is made of it (the rendered list).
 */
export async function getHandbook(ability: AppAbility, userId: string, regionId: string) {
  authorizeHandbook(ability, regionId)
  const db = readingDb()
  const [row] = await db.$queryRaw<{ stamp: string; confirmed: Record<string, number> }[]>`
    /* prepared */ SELECT md5(
        coalesce((SELECT string_agg(concat_ws(':', g."id", g."publishedVersion", g."status", g."basedOnPrincipleVersion", g."principleId"), ',' ORDER BY g."id")
          FROM "Guideline" g WHERE g."regionId" = ${regionId} AND g."publishedVersion" > 0), '') || '|' ||
        coalesce((SELECT string_agg(concat_ws(':', p."id", p."publishedVersion", p."position", p."status"), ',' ORDER BY p."id")
          FROM "Principle" p), '')) AS "stamp",
      coalesce((SELECT json_object_agg(a."guidelineId", a."version") FROM (
        SELECT a."guidelineId", max(a."versionNumber") AS "version" FROM "Acknowledgement" a
        WHERE a."userId" = ${userId} AND a."regionId" = ${regionId} GROUP BY a."guidelineId") a), '{}'::json) AS "confirmed"`
  const { stamp, confirmed } = row!
  let cached = regionHandbooks.get(regionId)
  if (cached?.stamp !== stamp) {
    cached = { stamp, handbook: loadRegionHandbook(db, regionId) }
    regionHandbooks.delete(regionId)
    if (regionHandbooks.size >= MAX_CACHED_REGIONS) regionHandbooks.delete(regionHandbooks.keys().next().value!)
    regionHandbooks.set(regionId, cached)
    cached.handbook.catch(() => regionHandbooks.delete(regionId))
  }
  const { principles } = await cached.handbook
  const readState = (guideline: { id: string; confirmationVersion: number }): ReadState => {
    const version = confirmed[guideline.id]
    return version === undefined ? 'new' : version >= guideline.confirmationVersion ? 'read' : 'changed'
  }
  return {
    stamp,
    principles: principles.map((principle) => ({
      ...principle,
      guidelines: principle.guidelines.map((guideline) => {
        const state = readState(guideline)
        return { ...guideline, state, confirmBy: state === 'read' ? null : guideline.confirmBy }
      }),
    })),
  }
}

async function loadRegionHandbook(db: Db, regionId: string): Promise<RegionHandbook> {
  const rows = await db.$queryRaw<
    {
      id: string
      principleId: string
      principleSlug: string
      principleTitle: string
      title: string
      changedAt: Date
      confirmBy: Date | null
      confirmationVersion: number
      underReview: boolean
    }[]
  >`
    SELECT g."id", p."id" AS "principleId", p."slug" AS "principleSlug", pv."title" AS "principleTitle",
      v."title", v."publishedAt" AS "changedAt", v."confirmBy", v."confirmationVersion",
      g."basedOnPrincipleVersion" < p."publishedVersion" AS "underReview"
    FROM "Guideline" g
    JOIN "GuidelineVersion" v ON v."guidelineId" = g."id" AND v."number" = g."publishedVersion"
    JOIN "Principle" p ON p."id" = g."principleId"
    JOIN "PrincipleVersion" pv ON pv."principleId" = p."id" AND pv."number" = p."publishedVersion"
    WHERE g."regionId" = ${regionId} AND g."publishedVersion" > 0 AND g."status" <> 'archived'
      AND p."position" IS NOT NULL AND p."status" <> 'archived'
    ORDER BY p."position", v."title"`
  const principles: RegionHandbook['principles'] = []
  for (const { principleId, principleSlug, principleTitle, ...guideline } of rows) {
    let principle = principles.at(-1)
    if (principle?.id !== principleId) {
      principle = { id: principleId, slug: principleSlug, title: principleTitle, guidelines: [] }
      principles.push(principle)
    }
    principle.guidelines.push(guideline)
  }
  return { principles }
}

/** What the reader still has to confirm, soonest due first (the handbook's to-do). */
export function toConfirm(principles: Awaited<ReturnType<typeof getHandbook>>['principles']) {
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
  authorizeHandbook(ability, regionId)
  // One statement: the guideline, its published version, the principle version it stands beside
  // (during a review, the one the rule was written under — never the old rule beside a new "why"
  // that contradicts it) and the reader's confirmation of the current text.
  const [row] = await readingDb().$queryRaw<
    {
      id: string
      regionId: string
      principleId: string
      publishedVersion: number
      basedOnPrincipleVersion: number
      principleSlug: string
      principlePublishedVersion: number
      versionId: string
      number: number
      title: string
      body: unknown
      publishedAt: Date
      material: boolean
      confirmBy: Date | null
      confirmationVersion: number
      principleVersionId: string | null
      principleNumber: number | null
      principleTitle: string | null
      principleBody: unknown
      acknowledgedAt: Date | null
    }[]
  >`
    /* prepared */ SELECT g."id", g."regionId", g."principleId", g."publishedVersion", g."basedOnPrincipleVersion",
      p."slug" AS "principleSlug", p."publishedVersion" AS "principlePublishedVersion",
      v."id" AS "versionId", v."number", v."title", v."body", v."publishedAt", v."material", v."confirmBy",
      v."confirmationVersion", pv."id" AS "principleVersionId", pv."number" AS "principleNumber",
      pv."title" AS "principleTitle", pv."body" AS "principleBody",
      (SELECT a."createdAt" FROM "Acknowledgement" a WHERE a."userId" = ${userId} AND a."guidelineId" = g."id"
        AND a."versionNumber" >= v."confirmationVersion" ORDER BY a."versionNumber" DESC LIMIT 1) AS "acknowledgedAt"
    FROM "Guideline" g
    JOIN "Principle" p ON p."id" = g."principleId"
    JOIN "GuidelineVersion" v ON v."guidelineId" = g."id" AND v."number" = g."publishedVersion"
    LEFT JOIN "PrincipleVersion" pv ON pv."principleId" = p."id" AND pv."number" = CASE
      WHEN g."basedOnPrincipleVersion" < p."publishedVersion" AND g."basedOnPrincipleVersion" > 0
      THEN g."basedOnPrincipleVersion" ELSE p."publishedVersion" END
    WHERE g."id" = ${guidelineId} AND g."regionId" = ${regionId} AND g."publishedVersion" > 0
      AND g."status" <> 'archived'`
  invariantFound(row)
  const guideline = {
    id: row.id,
    regionId: row.regionId,
    principleId: row.principleId,
    publishedVersion: row.publishedVersion,
    basedOnPrincipleVersion: row.basedOnPrincipleVersion,
    principle: { slug: row.principleSlug, publishedVersion: row.principlePublishedVersion },
  }
  const version = {
    id: row.versionId,
    number: row.number,
    title: row.title,
    body: row.body,
    publishedAt: row.publishedAt,
    material: row.material,
    confirmBy: row.confirmBy,
    confirmationVersion: row.confirmationVersion,
  }
  const principle = row.principleVersionId
    ? { id: row.principleVersionId, number: row.principleNumber!, title: row.principleTitle!, body: row.principleBody }
    : null
  const underReview = row.basedOnPrincipleVersion < row.principlePublishedVersion
  return { guideline, version, principle, underReview, acknowledgedAt: row.acknowledgedAt }
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
