// The start page as a to-do list: everything that waits for this person, each item a link to
// where they act. Read with one SQL statement (the start page's only query), which also records
// the visit so "new since your last visit" means something. The sections a person gets follow
// from their ability: what a manager resolves (publish), where they write (update), whether they
// read every region (HQ), whether they manage users (admin). Frontline starts in the handbook.
import { ANY_REGION, can, type AppAbility } from '~/permissions/ability.ts'
import { prisma } from '~/utils/db.server.ts'
import type { SessionUser } from './auth.server.ts'
import { COMPLAINT_WINDOW_DAYS } from './signal.server.ts'

/** After this long without a page of the start page, the next visit is a new one. */
const VISIT_GAP_MS = 30 * 60 * 1000
/** Review-by dates within this many days are on the manager's list. */
const REVIEW_SOON_DAYS = 30
/** A published guideline fewer than this share of the region's frontline confirmed is on the list. */
export const LOW_READ_SHARE = 0.5
/** A region below this read rate is "behind on reading" for HQ. */
export const BEHIND_READ_SHARE = 0.8

export type TodoSection =
  | 'needsReview'
  | 'decisionReview'
  | 'approval'
  | 'feedback'
  | 'signals'
  | 'reviewDue'
  | 'lowRead'
  | 'sentBack'
  | 'replies'
  | 'consultation'
  | 'inbox'
  | 'proposals'
  | 'behind'
  | 'noRegion'
  | 'deactivatedOpen'

interface TodoRow {
  section: TodoSection
  id: string | null
  title: string | null
  ref: string | null
  at: Date | null
  n: number | null
  total: number | null
}

function regionsWhere(ability: AppAbility, user: SessionUser, check: (regionId: string) => boolean) {
  return user.memberships.map((m) => m.regionId).filter(check)
}

export async function startPage(ability: AppAbility, user: SessionUser, now = new Date()) {
  if (user.memberships.length && !can(ability, 'readDraft', 'Guideline')) return { kind: 'handbook' as const }
  const managed = regionsWhere(ability, user, (regionId) =>
    can(ability, 'publish', 'Guideline', { regionId, status: 'review' }),
  )
  const writes = regionsWhere(ability, user, (regionId) =>
    can(ability, 'create', 'Guideline', { regionId, status: 'draft' }),
  )
  // HQ and the admin read every region (a region nobody belongs to is the test); the admin also looks after accounts.
  const everyRegion = can(ability, 'readDraft', 'Guideline', { regionId: ANY_REGION })
  const admin = can(ability, 'create', 'User')
  const comments = writes.length > 0 || everyRegion
  const visitGap = new Date(now.getTime() - VISIT_GAP_MS)
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000)
  const soon = new Date(now.getTime() + REVIEW_SOON_DAYS * 86_400_000)
  const complaintsSince = new Date(now.getTime() - COMPLAINT_WINDOW_DAYS * 86_400_000)

  const rows = await prisma.$queryRaw<TodoRow[]>`
    WITH me AS (
      SELECT "previousVisitAt", "lastVisitAt" FROM "User" WHERE "id" = ${user.id}
    ), visit AS (
      UPDATE "User" SET "previousVisitAt" = "lastVisitAt", "lastVisitAt" = ${now}
      WHERE "id" = ${user.id} AND ("lastVisitAt" IS NULL OR "lastVisitAt" < ${visitGap})
      RETURNING "id"
    ), since AS (
      SELECT COALESCE(CASE WHEN "lastVisitAt" IS NULL OR "lastVisitAt" < ${visitGap} THEN "lastVisitAt" ELSE "previousVisitAt" END, ${weekAgo}) AS "at"
      FROM me
    ), work AS (
      SELECT g."id", g."regionId", g."title", g."status", g."publishedVersion", g."basedOnPrincipleVersion", g."reviewBy",
        g."createdById", g."updatedAt", p."publishedVersion" AS "principleVersion"
      FROM "Guideline" g JOIN "Principle" p ON p."id" = g."principleId"
      WHERE g."regionId" = ANY(${writes}::text[]) AND g."status" <> 'archived' AND p."status" <> 'archived'
    ), staff AS (
      SELECT m."regionId", count(*)::int AS "n" FROM "Membership" m JOIN "User" u ON u."id" = m."userId"
      WHERE m."role" = 'frontline' AND u."deactivatedAt" IS NULL AND m."regionId" = ANY(${managed}::text[])
      GROUP BY m."regionId"
    ), reads AS (
      SELECT g."id", v."title", g."regionId", v."confirmBy", s."n" AS "total",
        (SELECT count(DISTINCT a."userId")::int FROM "Acknowledgement" a
          JOIN "Membership" m ON m."userId" = a."userId" AND m."regionId" = g."regionId" AND m."role" = 'frontline'
          WHERE a."guidelineId" = g."id" AND a."versionNumber" >= v."confirmationVersion") AS "confirmed"
      FROM "Guideline" g
      JOIN "GuidelineVersion" v ON v."guidelineId" = g."id" AND v."number" = g."publishedVersion"
      JOIN staff s ON s."regionId" = g."regionId"
      WHERE g."regionId" = ANY(${managed}::text[]) AND g."status" <> 'archived' AND g."publishedVersion" > 0
    ), principles AS (
      SELECT count(*)::int AS "n" FROM "Principle" WHERE "position" IS NOT NULL AND "status" <> 'archived'
    )
    -- The manager: guidelines that need review after an HQ change …
    SELECT 'needsReview' AS "section", w."id", w."title", w."regionId" AS "ref", NULL::timestamp AS "at", NULL::int AS "n", NULL::int AS "total"
    FROM work w
    WHERE w."regionId" = ANY(${managed}::text[]) AND w."publishedVersion" > 0 AND w."basedOnPrincipleVersion" < w."principleVersion"
    UNION ALL
    -- … and decisions that do.
    SELECT 'decisionReview', d."principleId", pv."title", d."regionId", NULL, NULL, NULL
    FROM "PrincipleDecision" d
    JOIN "Principle" p ON p."id" = d."principleId"
    JOIN "PrincipleVersion" pv ON pv."principleId" = p."id" AND pv."number" = p."publishedVersion"
    WHERE d."regionId" = ANY(${managed}::text[]) AND d."basedOnPrincipleVersion" < p."publishedVersion" AND p."status" <> 'archived'
    UNION ALL
    -- The approval queue: drafts members submitted.
    SELECT 'approval', w."id", w."title", w."regionId", w."updatedAt", NULL, NULL
    FROM work w WHERE w."regionId" = ANY(${managed}::text[]) AND w."status" = 'review'
    UNION ALL
    -- Open feedback and questions, per region.
    SELECT 'feedback', f."regionId", r."name", f."regionId", max(f."createdAt"), count(*)::int, NULL
    FROM "Feedback" f JOIN "Region" r ON r."id" = f."regionId"
    WHERE f."regionId" = ANY(${managed}::text[]) AND f."status" = 'open'
    GROUP BY f."regionId", r."name"
    UNION ALL
    -- Rules customers stumble over: more complaints in 30 days than the region's threshold (a review suggestion).
    SELECT 'signals', g."id", v."title", g."regionId", max(s."occurredAt"), count(*)::int, r."complaintThreshold"
    FROM "CustomerSignal" s
    JOIN "Guideline" g ON g."id" = s."guidelineId"
    JOIN "GuidelineVersion" v ON v."guidelineId" = g."id" AND v."number" = g."publishedVersion"
    JOIN "Region" r ON r."id" = g."regionId"
    WHERE s."regionId" = ANY(${managed}::text[]) AND s."kind" = 'complaint' AND s."occurredAt" >= ${complaintsSince}
      AND g."status" <> 'archived'
    GROUP BY g."id", v."title", g."regionId", r."complaintThreshold"
    HAVING count(*) > r."complaintThreshold"
    UNION ALL
    -- Review-by dates passed or within 30 days.
    SELECT 'reviewDue', w."id", w."title", w."regionId", w."reviewBy", NULL, NULL
    FROM work w WHERE w."regionId" = ANY(${managed}::text[]) AND w."publishedVersion" > 0 AND w."reviewBy" < ${soon}
    UNION ALL
    -- Published guidelines few of the region's frontline have confirmed.
    SELECT 'lowRead', r."id", r."title", r."regionId", r."confirmBy", r."confirmed", r."total"
    FROM reads r WHERE r."confirmed" < r."total" * ${LOW_READ_SHARE}::float8
    UNION ALL
    -- The writer's drafts that came back …
    SELECT 'sentBack', w."id", w."title", w."regionId", c."createdAt", NULL, NULL
    FROM work w
    JOIN LATERAL (
      SELECT gc."sendBack", gc."createdAt" FROM "GuidelineComment" gc WHERE gc."guidelineId" = w."id" ORDER BY gc."createdAt" DESC LIMIT 1
    ) c ON c."sendBack"
    WHERE w."status" = 'draft' AND w."createdById" = ${user.id}
    UNION ALL
    -- … and replies from the team on them since the last visit.
    SELECT 'replies', w."id", w."title", w."regionId", max(gc."createdAt"), count(*)::int, NULL
    FROM work w
    JOIN "GuidelineComment" gc ON gc."guidelineId" = w."id" AND gc."authorId" <> ${user.id} AND NOT gc."sendBack"
      AND gc."createdAt" > (SELECT "at" FROM since)
    WHERE w."status" IN ('draft', 'review') AND w."createdById" = ${user.id}
    GROUP BY w."id", w."title", w."regionId"
    UNION ALL
    -- Consultations open for comment, with the comments new since the last visit and those unresolved.
    SELECT 'consultation', p."id", p."title", p."slug", p."consultationEndsAt",
      (SELECT count(*)::int FROM "PrincipleComment" pc WHERE pc."principleId" = p."id"
        AND pc."versionNumber" = p."publishedVersion" + 1 AND pc."authorId" <> ${user.id} AND pc."createdAt" > (SELECT "at" FROM since)),
      (SELECT count(*)::int FROM "PrincipleComment" pc WHERE pc."principleId" = p."id"
        AND pc."versionNumber" = p."publishedVersion" + 1 AND pc."resolvedAt" IS NULL)
    FROM "Principle" p
    WHERE ${comments} AND p."status" = 'consultation' AND p."consultationEndsAt" > ${now}
    UNION ALL
    -- HQ: one inbox of everything the regions passed on.
    SELECT 'inbox', NULL, NULL, NULL, max(f."passedToHqAt"),
      (count(*) FILTER (WHERE f."passedToHqAt" > (SELECT "at" FROM since)))::int, count(*)::int
    FROM "Feedback" f WHERE ${everyRegion} AND f."passedToHqAt" IS NOT NULL
    HAVING count(*) > 0
    UNION ALL
    -- HQ: local rules the regions proposed for the main line, waiting for a decision.
    SELECT 'proposals', p."id", v."title", r."name", p."createdAt", NULL, NULL
    FROM "Proposal" p
    JOIN "GuidelineVersion" v ON v."guidelineId" = p."guidelineId" AND v."number" = p."versionNumber"
    JOIN "Region" r ON r."id" = p."regionId"
    WHERE ${everyRegion} AND p."status" = 'open'
    UNION ALL
    -- HQ: regions behind on coverage (principles without a guideline or decision) or on reading.
    SELECT 'behind', r."id", r."name", r."id", NULL,
      (SELECT "n" FROM principles) - (
        SELECT count(DISTINCT x."principleId")::int FROM (
          SELECT g."principleId" FROM "Guideline" g JOIN "Principle" p ON p."id" = g."principleId"
          WHERE g."regionId" = r."id" AND g."publishedVersion" > 0 AND g."status" <> 'archived' AND p."position" IS NOT NULL AND p."status" <> 'archived'
          UNION ALL
          SELECT d."principleId" FROM "PrincipleDecision" d JOIN "Principle" p ON p."id" = d."principleId"
          WHERE d."regionId" = r."id" AND p."position" IS NOT NULL AND p."status" <> 'archived'
        ) x),
      (SELECT CASE WHEN s."expected" > 0 THEN (100 * s."confirmed" / s."expected")::int END
        FROM "ReadRateSnapshot" s WHERE s."regionId" = r."id" ORDER BY s."day" DESC LIMIT 1)
    FROM "Region" r WHERE ${everyRegion}
    UNION ALL
    -- The admin: active people who belong to no region and have no organisation role …
    SELECT 'noRegion', u."id", u."name", u."email", u."createdAt", NULL, NULL
    FROM "User" u
    WHERE ${admin} AND u."deactivatedAt" IS NULL AND u."orgRole" IS NULL
      AND NOT EXISTS (SELECT 1 FROM "Membership" m WHERE m."userId" = u."id")
    UNION ALL
    -- … and deactivated accounts that still hold something: a membership, a draft they last edited, open feedback.
    SELECT 'deactivatedOpen', u."id", u."name", u."email", u."deactivatedAt",
      ((SELECT count(*) FROM "Membership" m WHERE m."userId" = u."id")
        + (SELECT count(*) FROM "Guideline" g WHERE g."updatedById" = u."id" AND g."status" IN ('draft', 'review'))
        + (SELECT count(*) FROM "Feedback" f WHERE f."authorId" = u."id" AND f."status" = 'open'))::int,
      NULL
    FROM "User" u
    WHERE ${admin} AND u."deactivatedAt" IS NOT NULL
      AND (EXISTS (SELECT 1 FROM "Membership" m WHERE m."userId" = u."id")
        OR EXISTS (SELECT 1 FROM "Guideline" g WHERE g."updatedById" = u."id" AND g."status" IN ('draft', 'review'))
        OR EXISTS (SELECT 1 FROM "Feedback" f WHERE f."authorId" = u."id" AND f."status" = 'open'))`

  const behind = rows.filter(
    (row) =>
      row.section !== 'behind' || (row.n ?? 0) > 0 || (row.total !== null && row.total < BEHIND_READ_SHARE * 100),
  )
  const sections = new Map<TodoSection, TodoRow[]>()
  for (const row of behind) sections.set(row.section, [...(sections.get(row.section) ?? []), row])
  const regionNames = new Map(user.memberships.map((m) => [m.regionId, m.region.name]))
  const item = (row: TodoRow) => ({ ...row, region: row.ref ? (regionNames.get(row.ref) ?? null) : null })
  return {
    kind: 'home' as const,
    todo: Object.fromEntries([...sections].map(([section, list]) => [section, list.map(item)])) as Partial<
      Record<TodoSection, (TodoRow & { region: string | null })[]>
    >,
    roles: { manager: managed.length > 0, writer: writes.length > 0, hq: everyRegion, admin },
    memberships: user.memberships.map((m) => ({
      role: m.role,
      region: m.region,
      workspace: can(ability, 'readDraft', 'Guideline', { regionId: m.regionId }),
    })),
  }
}
