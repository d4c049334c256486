// The frontline handbook: a region's published guidelines under the principles in HQ's order,
// what the reader still has to read, read confirmations, and Dutch search. Everything a reader
// sees comes from published versions and is filtered by the same ability as the rest.
import { accessibleBy } from '@casl/prisma/runtime'
import { can, type AppAbility } from '~/permissions/ability.ts'
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

/** The region's handbook: principles in HQ's order with the region's published guidelines and the reader's read state. */
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
      versionId: string
      title: string
      changedAt: Date
      confirmed: boolean
      everConfirmed: boolean
    }[]
  >`
    SELECT g."id", p."id" AS "principleId", p."slug" AS "principleSlug", pv."title" AS "principleTitle",
      v."id" AS "versionId", v."title", v."publishedAt" AS "changedAt",
      EXISTS (SELECT 1 FROM "Acknowledgement" a WHERE a."userId" = ${userId} AND a."guidelineVersionId" = v."id") AS "confirmed",
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
    guidelines: { id: string; title: string; changedAt: Date; state: ReadState }[]
  }[] = []
  for (const row of rows) {
    let principle = principles.at(-1)
    if (principle?.id !== row.principleId) {
      principle = { id: row.principleId, slug: row.principleSlug, title: row.principleTitle, guidelines: [] }
      principles.push(principle)
    }
    const state: ReadState = row.confirmed ? 'read' : row.everConfirmed ? 'changed' : 'new'
    principle.guidelines.push({ id: row.id, title: row.title, changedAt: row.changedAt, state })
  }
  return principles
}

/** One guideline as frontline reads it: its published version and the principle behind it. */
export async function getHandbookGuideline(ability: AppAbility, userId: string, regionId: string, guidelineId: string) {
  const guideline = await prisma.guideline.findFirst({
    where: { AND: [publishedIn(ability, regionId), { id: guidelineId }] },
    select: {
      id: true,
      regionId: true,
      principleId: true,
      publishedVersion: true,
      principle: { select: { slug: true, publishedVersion: true } },
    },
  })
  invariantFound(guideline)
  const [version, principle, acknowledgements] = await Promise.all([
    prisma.guidelineVersion.findUniqueOrThrow({
      where: { guidelineId_number: { guidelineId: guideline.id, number: guideline.publishedVersion } },
      select: { id: true, number: true, title: true, body: true, publishedAt: true },
    }),
    prisma.principleVersion.findUnique({
      where: {
        principleId_number: { principleId: guideline.principleId, number: guideline.principle.publishedVersion },
      },
      select: { id: true, title: true, body: true },
    }),
    prisma.acknowledgement.findMany({
      where: { userId, guidelineId: guideline.id },
      select: { guidelineVersionId: true, createdAt: true },
    }),
  ])
  const acknowledgement = acknowledgements.find((a) => a.guidelineVersionId === version.id)
  return { guideline, version, principle, acknowledgedAt: acknowledgement?.createdAt ?? null }
}

/** "Read and understood" for the guideline's current version (idempotent). */
export async function acknowledge(
  ability: AppAbility,
  userId: string,
  regionId: string,
  guidelineId: string,
  versionNumber: number,
) {
  const { guideline, version } = await getHandbookGuideline(ability, userId, regionId, guidelineId)
  authorize(ability, 'read', 'Guideline', { ...guideline, status: 'published' })
  // Confirming a version that is no longer current would confirm text the reader did not see.
  if (version.number !== versionNumber) return { stale: true as const }
  await prisma.$transaction(async (tx) => {
    const existing = await tx.acknowledgement.findUnique({
      where: { userId_guidelineVersionId: { userId, guidelineVersionId: version.id } },
    })
    if (existing) return
    const row = await tx.acknowledgement.create({
      data: { userId, guidelineVersionId: version.id, guidelineId, regionId },
    })
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
 * Per published guideline of a region: how many of its frontline staff confirmed the current
 * version. For those who work on the region's guidelines (the workspace).
 */
export async function confirmationCounts(ability: AppAbility, regionId: string) {
  authorize(ability, 'readDraft', 'Guideline', { regionId })
  const [frontline, rows] = await Promise.all([
    prisma.membership.count({ where: { regionId, role: 'frontline', user: { deactivatedAt: null } } }),
    prisma.$queryRaw<{ guidelineId: string; confirmed: bigint }[]>`
      SELECT g."id" AS "guidelineId", count(a."id") AS "confirmed"
      FROM "Guideline" g
      JOIN "GuidelineVersion" v ON v."guidelineId" = g."id" AND v."number" = g."publishedVersion"
      LEFT JOIN "Acknowledgement" a ON a."guidelineVersionId" = v."id"
        AND a."userId" IN (SELECT m."userId" FROM "Membership" m WHERE m."regionId" = ${regionId} AND m."role" = 'frontline')
      WHERE g."regionId" = ${regionId} AND g."publishedVersion" > 0
      GROUP BY g."id"`,
  ])
  return { frontline, confirmed: new Map(rows.map((r) => [r.guidelineId, Number(r.confirmed)])) }
}

/**
 * Per region: read confirmations of the current versions by the region's frontline staff,
 * against what would be complete (frontline staff × published guidelines). One query for all
 * regions; regions whose workspace the ability does not open are left out.
 */
export async function confirmationRatesByRegion(ability: AppAbility, requested: string[]) {
  const regionIds = requested.filter((regionId) => can(ability, 'readDraft', 'Guideline', { regionId }))
  if (!regionIds.length) return new Map<string, { confirmed: number; expected: number }>()
  const rows = await prisma.$queryRaw<{ regionId: string; confirmed: bigint; guidelines: bigint; frontline: bigint }[]>`
    WITH current AS (
      SELECT g."id", g."regionId", v."id" AS "versionId"
      FROM "Guideline" g JOIN "GuidelineVersion" v ON v."guidelineId" = g."id" AND v."number" = g."publishedVersion"
      WHERE g."publishedVersion" > 0 AND g."status" <> 'archived' AND g."regionId" = ANY(${regionIds}::text[])
    ), staff AS (
      SELECT m."regionId", m."userId" FROM "Membership" m JOIN "User" u ON u."id" = m."userId"
      WHERE m."role" = 'frontline' AND u."deactivatedAt" IS NULL AND m."regionId" = ANY(${regionIds}::text[])
    )
    SELECT r."id" AS "regionId",
      (SELECT count(*) FROM "Acknowledgement" a JOIN current c ON c."versionId" = a."guidelineVersionId"
        JOIN staff s ON s."userId" = a."userId" AND s."regionId" = c."regionId" WHERE c."regionId" = r."id") AS "confirmed",
      (SELECT count(*) FROM current c WHERE c."regionId" = r."id") AS "guidelines",
      (SELECT count(*) FROM staff s WHERE s."regionId" = r."id") AS "frontline"
    FROM "Region" r WHERE r."id" = ANY(${regionIds}::text[])`
  return new Map(
    rows.map((r) => [
      r.regionId,
      { confirmed: Number(r.confirmed), expected: Number(r.guidelines) * Number(r.frontline) },
    ]),
  )
}
