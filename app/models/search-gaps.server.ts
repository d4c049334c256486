// "Wat de vloer zoekt en niet vindt": handbook searches that found nothing (words and counts per
// region and month — never who searched) and questions asked from the handbook. The manager sees
// the region's, with the questions' texts; HQ sees the searches summed over regions and how many
// questions each region received (counts only: the texts stay the region's).
import { accessibleBy } from '@casl/prisma/runtime'
import { ANY_REGION, type AppAbility } from '~/permissions/ability.ts'
import { authorize } from '~/permissions/authorize.ts'
import { prisma } from '~/utils/db.server.ts'
import { requireRegion } from './region.server.ts'
import { monthOf } from './search.server.ts'

/** How many months back the gaps pages look (the current month included). */
const GAP_MONTHS = 3
const TOP_PER_MONTH = 50

function firstMonth(now: Date) {
  const month = monthOf(now)
  month.setUTCMonth(month.getUTCMonth() - (GAP_MONTHS - 1))
  return month
}

const monthKey = (date: Date) => date.toISOString().slice(0, 7)

/** A region's gaps per month, newest first: missed searches (most frequent first) and questions. */
export async function regionGaps(ability: AppAbility, regionId: string, now = new Date()) {
  const region = await requireRegion(ability, regionId)
  authorize(ability, 'read', 'SearchMiss', { regionId: region.id })
  const since = firstMonth(now)
  const [misses, questions] = await Promise.all([
    prisma.searchMiss.findMany({
      where: {
        AND: [accessibleBy(ability, 'read').ofType('SearchMiss'), { regionId: region.id, month: { gte: since } }],
      },
      orderBy: [{ month: 'desc' }, { count: 'desc' }, { query: 'asc' }],
      select: { month: true, query: true, count: true },
    }),
    prisma.feedback.findMany({
      where: {
        AND: [
          accessibleBy(ability, 'read').ofType('Feedback'),
          { regionId: region.id, guidelineId: null, createdAt: { gte: since } },
        ],
      },
      orderBy: { createdAt: 'desc' },
      take: 200,
      select: { id: true, body: true, status: true, createdAt: true },
    }),
  ])
  const months = monthsSince(since, now).map((month) => {
    const inMonth = misses.filter((m) => monthKey(m.month) === month)
    return {
      month,
      searches: inMonth.slice(0, TOP_PER_MONTH).map((m) => ({ query: m.query, count: m.count })),
      missed: inMonth.reduce((sum, m) => sum + m.count, 0),
      questions: questions.filter((q) => monthKey(q.createdAt) === month),
    }
  })
  return { region: { id: region.id, name: region.name }, months }
}

/** Every region's gaps summed (HQ, admin): per month the missed searches with how many regions, and questions per region. */
export async function organisationGaps(ability: AppAbility, now = new Date()) {
  authorize(ability, 'read', 'SearchMiss', { regionId: ANY_REGION })
  const since = firstMonth(now)
  const [misses, questions, regions] = await Promise.all([
    prisma.searchMiss.groupBy({
      by: ['month', 'query'],
      where: { AND: [accessibleBy(ability, 'read').ofType('SearchMiss'), { month: { gte: since } }] },
      _sum: { count: true },
      _count: { regionId: true },
    }),
    // Counts only; HQ does not read the questions themselves.
    prisma.feedback.groupBy({
      by: ['regionId'],
      where: { guidelineId: null, createdAt: { gte: since } },
      _count: { _all: true },
    }),
    prisma.region.findMany({
      where: accessibleBy(ability, 'read').ofType('Region'),
      select: { id: true, name: true },
      orderBy: { name: 'asc' },
    }),
  ])
  const months = monthsSince(since, now).map((month) => {
    const inMonth = misses
      .filter((m) => monthKey(m.month) === month)
      .map((m) => ({ query: m.query, count: m._sum.count ?? 0, regions: m._count.regionId }))
      .sort((a, b) => b.count - a.count || b.regions - a.regions || a.query.localeCompare(b.query))
    return { month, searches: inMonth.slice(0, TOP_PER_MONTH), missed: inMonth.reduce((sum, m) => sum + m.count, 0) }
  })
  return {
    months,
    questions: regions
      .map((r) => ({
        ...r,
        count: questions.find((q) => q.regionId === r.id)?._count._all ?? 0,
      }))
      .filter((r) => r.count > 0),
  }
}

/** 'YYYY-MM' of every month from `since` to `now`, newest first. */
function monthsSince(since: Date, now: Date): string[] {
  const out: string[] = []
  for (const month = monthOf(now); month >= since; month.setUTCMonth(month.getUTCMonth() - 1)) out.push(monthKey(month))
  return out
}
