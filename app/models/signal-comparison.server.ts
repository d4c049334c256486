// HQ compares regions' choices under each principle on what their customers say: regions with
// their own guideline, regions that apply the principle as written, regions where it does not
// apply (and regions that have not decided). Per group, over the last 90 days:
// - signals about the principle (logged against one of its guidelines, or against the principle
//   where it applies as written) and the share of them that are complaints;
// - the customers' average score (1–5) on those signals that have one;
// - for context, the same over every signal of those regions (a region where the principle does
//   not apply has no signals about it).
// Below MIN_SIGNALS signals (MIN_SCORES scores) a number is not shown: "too few to compare".
import { accessibleBy } from '@casl/prisma/runtime'
import { ANY_REGION, can, type AppAbility } from '~/permissions/ability.ts'
import { authorize } from '~/permissions/authorize.ts'
import { prisma } from '~/utils/db.server.ts'
import { average, monthlyCounts, SIGNAL_WINDOW_DAYS } from './signal.server.ts'

export const MIN_SIGNALS = 10
export const MIN_SCORES = 5
export const CHOICES = ['own', 'asWritten', 'notApplicable', 'none'] as const
export type Choice = (typeof CHOICES)[number]

interface Tally {
  signals: number
  complaints: number
  scored: number
  scoreSum: number
}
const emptyTally = (): Tally => ({ signals: 0, complaints: 0, scored: 0, scoreSum: 0 })
const add = (into: Tally, from: Tally) => {
  into.signals += from.signals
  into.complaints += from.complaints
  into.scored += from.scored
  into.scoreSum += from.scoreSum
}

/** A tally as the page shows it: the complaint share (%) and average score, or null when too few. */
export function rates(tally: Tally) {
  return {
    ...tally,
    complaintShare: tally.signals >= MIN_SIGNALS ? Math.round((100 * tally.complaints) / tally.signals) : null,
    averageScore: tally.scored >= MIN_SCORES ? average(tally.scoreSum, tally.scored) : null,
  }
}

export async function compareRegions(ability: AppAbility, options: { principleId?: string } = {}, now = new Date()) {
  // Organisation-wide readers only (HQ, the admin): a region's manager never sees another region's signals.
  authorize(ability, 'read', 'CustomerSignal', { regionId: ANY_REGION })
  const since = new Date(now.getTime() - SIGNAL_WINDOW_DAYS * 86_400_000)
  const regions = await prisma.region.findMany({
    where: accessibleBy(ability, 'read').ofType('Region'),
    orderBy: { name: 'asc' },
    select: { id: true, name: true },
  })
  const ids = regions.map((r) => r.id)
  const [principles, choices, about, overall, months] = await Promise.all([
    prisma.$queryRaw<{ id: string; slug: string; title: string }[]>`
      SELECT p."id", p."slug", pv."title" FROM "Principle" p
      JOIN "PrincipleVersion" pv ON pv."principleId" = p."id" AND pv."number" = p."publishedVersion"
      WHERE p."position" IS NOT NULL AND p."status" <> 'archived' AND p."publishedVersion" > 0
      ORDER BY p."position"`,
    prisma.$queryRaw<{ regionId: string; principleId: string; choice: Choice }[]>`
      SELECT r."id" AS "regionId", p."id" AS "principleId",
        CASE WHEN EXISTS (SELECT 1 FROM "Guideline" g WHERE g."regionId" = r."id" AND g."principleId" = p."id"
            AND g."publishedVersion" > 0 AND g."status" <> 'archived') THEN 'own'
          WHEN d."kind" = 'applies_as_written' THEN 'asWritten'
          WHEN d."kind" = 'not_applicable' THEN 'notApplicable'
          ELSE 'none' END AS "choice"
      FROM "Region" r CROSS JOIN "Principle" p
      LEFT JOIN "PrincipleDecision" d ON d."regionId" = r."id" AND d."principleId" = p."id"
      WHERE r."id" = ANY(${ids}::text[]) AND p."position" IS NOT NULL AND p."status" <> 'archived'`,
    prisma.$queryRaw<({ regionId: string; principleId: string } & Tally)[]>`
      SELECT s."regionId", s."principleId", count(*)::int AS "signals",
        (count(*) FILTER (WHERE s."kind" = 'complaint'))::int AS "complaints",
        count(s."score")::int AS "scored", coalesce(sum(s."score"), 0)::int AS "scoreSum"
      FROM "CustomerSignal" s
      WHERE s."regionId" = ANY(${ids}::text[]) AND s."occurredAt" >= ${since} AND s."principleId" IS NOT NULL
      GROUP BY 1, 2`,
    prisma.$queryRaw<({ regionId: string } & Tally)[]>`
      SELECT s."regionId", count(*)::int AS "signals",
        (count(*) FILTER (WHERE s."kind" = 'complaint'))::int AS "complaints",
        count(s."score")::int AS "scored", coalesce(sum(s."score"), 0)::int AS "scoreSum"
      FROM "CustomerSignal" s
      WHERE s."regionId" = ANY(${ids}::text[]) AND s."occurredAt" >= ${since}
      GROUP BY 1`,
    monthlyCounts(ids, {}, now),
  ])
  const regionName = new Map(regions.map((r) => [r.id, r.name]))
  const overallOf = new Map(overall.map(({ regionId, ...tally }) => [regionId, tally]))
  const aboutOf = new Map(about.map(({ regionId, principleId, ...tally }) => [`${regionId}|${principleId}`, tally]))
  const shown = options.principleId ? principles.filter((p) => p.id === options.principleId) : principles

  return {
    principles: principles.map((p) => ({ id: p.id, title: p.title })),
    comparisons: shown.map((principle) => {
      const groups = CHOICES.map((choice) => {
        const members = choices.filter((c) => c.principleId === principle.id && c.choice === choice)
        const onPrinciple = emptyTally()
        const regionWide = emptyTally()
        for (const member of members) {
          add(onPrinciple, aboutOf.get(`${member.regionId}|${principle.id}`) ?? emptyTally())
          add(regionWide, overallOf.get(member.regionId) ?? emptyTally())
        }
        return {
          choice,
          regions: members.map((m) => regionName.get(m.regionId)!).sort((a, b) => a.localeCompare(b, 'nl')),
          about: rates(onPrinciple),
          regionWide: rates(regionWide),
        }
      }).filter((group) => group.regions.length > 0)
      return { ...principle, groups }
    }),
    trends: regions.map((region) => ({ ...region, months: months.get(region.id)! })),
    /** Whether the reader may import signals (the admin; HQ reads only). */
    mayImport: can(ability, 'update', 'CustomerSignal'),
  }
}
