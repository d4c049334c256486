// Read campaigns: after a material change every reader in the region confirms the new text by a
// due date. The manager sees who has not confirmed and reminds them (once a day per person at
// most); overdue confirmations reach the reader and the manager's digest; HQ sees read rates per
// region, today and over time. A confirmation counts for its version and for later minor
// corrections of it (GuidelineVersion.confirmationVersion).
import type { AppAbility } from '~/permissions/ability.ts'
import { can } from '~/permissions/ability.ts'
import { authorize } from '~/permissions/authorize.ts'
import { isoDateInOrganisation } from '~/utils/dates.ts'
import { prisma } from '~/utils/db.server.ts'
import { recordAudit } from './audit.server.ts'
import { requireGuideline } from './guideline.server.ts'
import { deliver } from './notifications.server.ts'

/**
 * Per published guideline of a region: how many of its frontline staff confirmed the current
 * text. For those who work on the region's guidelines (the workspace).
 */
export async function confirmationCounts(ability: AppAbility, regionId: string) {
  authorize(ability, 'readDraft', 'Guideline', { regionId })
  const [frontline, rows] = await Promise.all([
    prisma.membership.count({ where: { regionId, role: 'frontline', user: { deactivatedAt: null } } }),
    prisma.$queryRaw<{ guidelineId: string; confirmed: bigint }[]>`
      SELECT g."id" AS "guidelineId", count(DISTINCT a."userId") AS "confirmed"
      FROM "Guideline" g
      JOIN "GuidelineVersion" v ON v."guidelineId" = g."id" AND v."number" = g."publishedVersion"
      LEFT JOIN "Acknowledgement" a ON a."guidelineId" = g."id" AND a."versionNumber" >= v."confirmationVersion"
        AND a."userId" IN (SELECT m."userId" FROM "Membership" m JOIN "User" u ON u."id" = m."userId"
          WHERE m."regionId" = ${regionId} AND m."role" = 'frontline' AND u."deactivatedAt" IS NULL)
      WHERE g."regionId" = ${regionId} AND g."publishedVersion" > 0
      GROUP BY g."id"`,
  ])
  return { frontline, confirmed: new Map(rows.map((r) => [r.guidelineId, Number(r.confirmed)])) }
}

/**
 * Per region: confirmations of the current texts by the region's frontline staff, against what
 * would be complete (frontline staff × published guidelines). One query for all regions; regions
 * whose workspace the ability does not open are left out.
 */
export async function confirmationRatesByRegion(ability: AppAbility, requested: string[]) {
  const regionIds = requested.filter((regionId) => can(ability, 'readDraft', 'Guideline', { regionId }))
  return readRates(regionIds)
}

async function readRates(regionIds: string[]) {
  if (!regionIds.length) return new Map<string, { confirmed: number; expected: number }>()
  const rows = await prisma.$queryRaw<{ regionId: string; confirmed: bigint; guidelines: bigint; frontline: bigint }[]>`
    WITH current AS (
      SELECT g."id", g."regionId", v."confirmationVersion"
      FROM "Guideline" g JOIN "GuidelineVersion" v ON v."guidelineId" = g."id" AND v."number" = g."publishedVersion"
      WHERE g."publishedVersion" > 0 AND g."status" <> 'archived' AND g."regionId" = ANY(${regionIds}::text[])
    ), staff AS (
      SELECT m."regionId", m."userId" FROM "Membership" m JOIN "User" u ON u."id" = m."userId"
      WHERE m."role" = 'frontline' AND u."deactivatedAt" IS NULL AND m."regionId" = ANY(${regionIds}::text[])
    )
    SELECT r."id" AS "regionId",
      (SELECT count(*) FROM current c JOIN staff s ON s."regionId" = c."regionId"
        WHERE c."regionId" = r."id" AND EXISTS (SELECT 1 FROM "Acknowledgement" a
          WHERE a."userId" = s."userId" AND a."guidelineId" = c."id" AND a."versionNumber" >= c."confirmationVersion")) AS "confirmed",
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

/**
 * Who of the region's frontline staff confirmed the guideline's current text and who has not,
 * with the due date and the last reminder — for the manager, who reminds from here.
 */
export async function listReaders(ability: AppAbility, guidelineId: string) {
  const { guideline, published } = await requireGuideline(ability, guidelineId, 'publish')
  if (!published) return { guideline, version: null, readers: [] }
  const version = await prisma.guidelineVersion.findUniqueOrThrow({
    where: { id: published.id },
    select: { id: true, number: true, title: true, material: true, confirmBy: true, confirmationVersion: true },
  })
  const staff = await prisma.user.findMany({
    where: { deactivatedAt: null, memberships: { some: { regionId: guideline.regionId, role: 'frontline' } } },
    orderBy: { name: 'asc' },
    select: {
      id: true,
      name: true,
      acknowledgements: {
        where: { guidelineId, versionNumber: { gte: version.confirmationVersion } },
        orderBy: { createdAt: 'asc' },
        take: 1,
        select: { createdAt: true },
      },
      notifications: {
        where: { kind: 'confirmation.due', dedupeKey: { startsWith: `reminder:${version.id}:` } },
        orderBy: { createdAt: 'desc' },
        take: 1,
        select: { createdAt: true },
      },
    },
  })
  const today = isoDateInOrganisation(new Date())
  return {
    guideline,
    version,
    readers: staff.map((person) => {
      const remindedAt = person.notifications[0]?.createdAt ?? null
      return {
        id: person.id,
        name: person.name,
        confirmedAt: person.acknowledgements[0]?.createdAt ?? null,
        remindedAt,
        remindedToday: remindedAt !== null && isoDateInOrganisation(remindedAt) === today,
      }
    }),
  }
}

/**
 * The manager reminds frontline staff who have not confirmed the current text (one person, or
 * everyone still open): a notification and, as they chose, an e-mail. At most once a day per
 * person per version; returns how many were reminded now.
 */
export async function remindReaders(ability: AppAbility, actorId: string, guidelineId: string, only?: string) {
  const { guideline, version, readers } = await listReaders(ability, guidelineId)
  if (!version) return 0
  const open = readers.filter((r) => !r.confirmedAt && !r.remindedToday && (!only || r.id === only))
  if (!open.length) return 0
  const day = isoDateInOrganisation(new Date())
  const created = await prisma.$transaction(async (tx) => {
    const count = await deliver(tx, {
      userIds: open.map((r) => r.id),
      kind: 'confirmation.due',
      // Only who may read the published guideline gets the reminder (the ability decides).
      subject: ['Guideline', { ...guideline, status: 'published' }],
      params: { title: version.title, version: version.number, confirmBy: version.confirmBy?.toISOString() ?? null },
      link: `/handbook/${guideline.regionId}/${guideline.id}`,
      dedupeKey: `reminder:${version.id}:${day}`,
    })
    await recordAudit(tx, {
      actorId,
      action: 'guideline.remind',
      subjectType: 'Guideline',
      subjectId: guideline.id,
      regionId: guideline.regionId,
      after: { version: version.number, reminded: count },
    })
    return count
  })
  return created
}

/**
 * Confirmations past their due date: each reader who has not confirmed a current material
 * version after its `confirmBy` hears it once (the worker runs this; the manager's digest lists
 * them too). Returns the number of new notifications.
 */
export async function notifyOverdueConfirmations(now = new Date()) {
  const rows = await prisma.$queryRaw<
    {
      versionId: string
      guidelineId: string
      regionId: string
      title: string
      number: number
      confirmBy: Date
      userId: string
    }[]
  >`
    SELECT v."id" AS "versionId", g."id" AS "guidelineId", g."regionId", v."title", v."number", v."confirmBy", m."userId"
    FROM "Guideline" g
    JOIN "GuidelineVersion" v ON v."guidelineId" = g."id" AND v."number" = g."publishedVersion"
    JOIN "Membership" m ON m."regionId" = g."regionId" AND m."role" = 'frontline'
    JOIN "User" u ON u."id" = m."userId" AND u."deactivatedAt" IS NULL
    WHERE g."status" <> 'archived' AND v."confirmBy" IS NOT NULL AND v."confirmBy" < ${now}
      AND NOT EXISTS (SELECT 1 FROM "Acknowledgement" a WHERE a."userId" = m."userId" AND a."guidelineId" = g."id"
        AND a."versionNumber" >= v."confirmationVersion")
      AND NOT EXISTS (SELECT 1 FROM "Notification" n WHERE n."userId" = m."userId" AND n."dedupeKey" = 'overdue:' || v."id")`
  const byVersion = new Map<string, typeof rows>()
  for (const row of rows) byVersion.set(row.versionId, [...(byVersion.get(row.versionId) ?? []), row])
  let created = 0
  for (const [versionId, users] of byVersion) {
    const first = users[0]!
    created += await prisma.$transaction((tx) =>
      deliver(tx, {
        userIds: users.map((u) => u.userId),
        kind: 'confirmation.overdue',
        subject: [
          'Guideline',
          { id: first.guidelineId, regionId: first.regionId, status: 'published', publishedVersion: first.number },
        ],
        params: { title: first.title, version: first.number, confirmBy: first.confirmBy.toISOString() },
        link: `/handbook/${first.regionId}/${first.guidelineId}`,
        dedupeKey: `overdue:${versionId}`,
      }),
    )
  }
  return created
}

/** Overdue confirmations in the regions a manager manages (for the digest and the start page). */
export async function overdueConfirmations(regionIds: string[], now = new Date()) {
  if (!regionIds.length) return []
  const rows = await prisma.$queryRaw<
    { guidelineId: string; regionId: string; title: string; confirmBy: Date; open: bigint }[]
  >`
    SELECT g."id" AS "guidelineId", g."regionId", v."title", v."confirmBy", count(m."userId") AS "open"
    FROM "Guideline" g
    JOIN "GuidelineVersion" v ON v."guidelineId" = g."id" AND v."number" = g."publishedVersion"
    JOIN "Membership" m ON m."regionId" = g."regionId" AND m."role" = 'frontline'
    JOIN "User" u ON u."id" = m."userId" AND u."deactivatedAt" IS NULL
    WHERE g."regionId" = ANY(${regionIds}::text[]) AND g."status" <> 'archived'
      AND v."confirmBy" IS NOT NULL AND v."confirmBy" < ${now}
      AND NOT EXISTS (SELECT 1 FROM "Acknowledgement" a WHERE a."userId" = m."userId" AND a."guidelineId" = g."id"
        AND a."versionNumber" >= v."confirmationVersion")
    GROUP BY g."id", g."regionId", v."title", v."confirmBy"
    ORDER BY v."confirmBy"`
  return rows.map((r) => ({ ...r, open: Number(r.open) }))
}

/** Writes today's read rate of every region (once a day; running again the same day updates it). */
export async function snapshotReadRates(now = new Date()) {
  const regions = await prisma.region.findMany({ select: { id: true } })
  const rates = await readRates(regions.map((r) => r.id))
  const day = new Date(`${isoDateInOrganisation(now)}T00:00:00Z`)
  for (const [regionId, rate] of rates) {
    await prisma.readRateSnapshot.upsert({
      where: { regionId_day: { regionId, day } },
      create: { regionId, day, ...rate },
      update: rate,
    })
  }
  return rates.size
}

/** Read rates per region over the last `weeks` weeks (one value per week: its last snapshot), for HQ. */
export async function readRateHistory(ability: AppAbility, weeks = 8, now = new Date()) {
  authorize(ability, 'readDraft', 'Guideline')
  const since = new Date(now.getTime() - weeks * 7 * 86_400_000)
  const [regions, snapshots] = await Promise.all([
    prisma.region.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } }),
    prisma.readRateSnapshot.findMany({ where: { day: { gte: since } }, orderBy: { day: 'asc' } }),
  ])
  const visible = regions.filter((region) => can(ability, 'readDraft', 'Guideline', { regionId: region.id }))
  const weekOf = (day: Date) => Math.floor((now.getTime() - day.getTime()) / (7 * 86_400_000))
  return {
    weeks: Array.from({ length: weeks }, (_, i) => weeks - 1 - i),
    regions: visible.map((region) => {
      const perWeek = new Map<number, number | null>()
      for (const s of snapshots) {
        if (s.regionId !== region.id) continue
        perWeek.set(weekOf(s.day), s.expected ? Math.round((100 * s.confirmed) / s.expected) : null)
      }
      return {
        id: region.id,
        name: region.name,
        percent: Array.from({ length: weeks }, (_, i) => perWeek.get(weeks - 1 - i) ?? null),
      }
    }),
  }
}
