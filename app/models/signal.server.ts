// Customer signals ("complaints are gifts"): what a customer said, logged in seconds by whoever
// heard it, against the rule they applied — a guideline of the region, a principle the region
// applies as written — or marked "no rule covered this". The region's manager sees them per rule
// and month, gets a review suggestion when a rule draws more complaints than the region's
// threshold, and turns signals into customer input for a draft; HQ compares regions' choices
// under each principle (app/models/signal-comparison.server.ts). No customer personal data:
// text that looks like an e-mail address, a phone number or an IBAN is refused.
import { accessibleBy } from '@casl/prisma/runtime'
import type { CustomerSignal } from '~/generated/prisma/client.ts'
import type { SignalChannel, SignalKind } from '~/generated/prisma/enums.ts'
import { can, type AppAbility } from '~/permissions/ability.ts'
import { authorize } from '~/permissions/authorize.ts'
import { prisma } from '~/utils/db.server.ts'
import { Conflict, Invalid, invariantFound } from '~/utils/errors.ts'
import { refusePersonalData } from '~/validation/personal-data.server.ts'
import { recordAudit } from './audit.server.ts'
import { getHandbook, getHandbookGuideline } from './handbook.server.ts'
import { findRepeat } from './repeat.server.ts'
import { requireRegion } from './region.server.ts'

/** Complaints counted for the manager's review suggestion, and the per-rule table's window. */
export const COMPLAINT_WINDOW_DAYS = 30
/** The period the region page and HQ's comparison count over. */
export const SIGNAL_WINDOW_DAYS = 90
/** Months shown in the trend charts (this month and the ones before). */
export const TREND_MONTHS = 6
const DAY = 86_400_000
/** A version must have been current this many days before its complaints per 30 days are shown. */
export const MIN_RATE_DAYS = 7

const readable = (ability: AppAbility) => accessibleBy(ability, 'read').ofType('CustomerSignal')

/** Where a signal points: a guideline (`g:<id>`), a principle applied as written (`p:<id>`), no rule, or nothing. */
export type SignalAbout = 'none' | 'noRule' | `g:${string}` | `p:${string}`

/** Principles the region applies as written: there the principle itself is the rule a signal is about. */
function asWrittenPrinciples(regionId: string) {
  return prisma.$queryRaw<{ id: string; title: string }[]>`
    SELECT p."id", pv."title" FROM "PrincipleDecision" d
    JOIN "Principle" p ON p."id" = d."principleId"
    JOIN "PrincipleVersion" pv ON pv."principleId" = p."id" AND pv."number" = p."publishedVersion"
    WHERE d."regionId" = ${regionId} AND d."kind" = 'applies_as_written' AND p."status" <> 'archived'
      AND p."position" IS NOT NULL
    ORDER BY p."position"`
}

/** What the form offers to point a signal at: the region's published rules and its as-written principles. */
export async function signalTargets(ability: AppAbility, userId: string, regionId: string) {
  const [{ principles }, asWritten] = await Promise.all([
    getHandbook(ability, userId, regionId),
    asWrittenPrinciples(regionId),
  ])
  return {
    guidelines: principles.map((p) => ({
      principle: p.title,
      guidelines: p.guidelines.map((g) => ({ id: g.id, title: g.title })),
    })),
    asWritten,
  }
}

export interface SignalInput {
  kind: SignalKind
  channel: SignalChannel
  said: string
  score?: number
  about: SignalAbout
}

/**
 * Logs a signal as the signed-in user, in their region, today. The same signal sent twice within
 * a minute (a double tap, a resend) is stored once.
 */
export async function recordSignal(
  ability: AppAbility,
  userId: string,
  regionId: string,
  input: SignalInput,
  now = new Date(),
) {
  authorize(ability, 'create', 'CustomerSignal', { regionId, authorId: userId })
  refusePersonalData(input.said, 'said', 'signals.errors.personalData')
  const target = await resolveAbout(ability, userId, regionId, input.about)
  const data = {
    regionId,
    authorId: userId,
    kind: input.kind,
    channel: input.channel,
    said: input.said,
    score: input.score ?? null,
    ...target,
  }
  return prisma.$transaction(async (tx) => {
    const repeat = await findRepeat(tx, `CustomerSignal:${userId}`, (since) =>
      tx.customerSignal.findFirst({ where: { ...data, createdAt: { gte: since } } }),
    )
    return repeat ?? tx.customerSignal.create({ data: { ...data, occurredAt: now } })
  })
}

async function resolveAbout(ability: AppAbility, userId: string, regionId: string, about: SignalAbout) {
  const none = { guidelineId: null, principleId: null, versionNumber: null, noRule: false }
  if (about === 'none') return none
  if (about === 'noRule') return { ...none, noRule: true }
  if (about.startsWith('g:')) {
    // A published rule of this region the user may read (404 otherwise, as on its page).
    const { guideline, version } = await getHandbookGuideline(ability, userId, regionId, about.slice(2))
    return { ...none, guidelineId: guideline.id, principleId: guideline.principleId, versionNumber: version.number }
  }
  const principle = (await asWrittenPrinciples(regionId)).find((p) => p.id === about.slice(2))
  if (!principle) throw new Invalid('signals.errors.unknownRule', 'about')
  return { ...none, principleId: principle.id }
}

/** The signals the user logged in this region lately (newest first), to see that theirs arrived. */
export function listMySignals(ability: AppAbility, userId: string, regionId: string) {
  return prisma.customerSignal.findMany({
    where: { AND: [readable(ability), { authorId: userId, regionId }] },
    orderBy: { createdAt: 'desc' },
    take: 5,
    select: { id: true, kind: true, channel: true, said: true, score: true, noRule: true, occurredAt: true },
  })
}

/** Whether the ability reads the region's signals as a whole (its manager, HQ, the admin), not only its own. */
export function readsRegionSignals(ability: AppAbility, regionId: string) {
  return can(ability, 'read', 'CustomerSignal', { regionId })
}

function authorizeRegionSignals(ability: AppAbility, regionId: string) {
  authorize(ability, 'read', 'CustomerSignal', { regionId })
}

/** The first day of each of the last `TREND_MONTHS` months, in the organisation's calendar ("2026-07"). */
export function trendMonths(now = new Date()) {
  const months: string[] = []
  const [year, month] = isoMonth(now).split('-').map(Number) as [number, number]
  for (let back = TREND_MONTHS - 1; back >= 0; back--) {
    const d = new Date(Date.UTC(year, month - 1 - back, 1))
    months.push(d.toISOString().slice(0, 7))
  }
  return months
}
function isoMonth(date: Date) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit' })
    .format(date)
    .slice(0, 7)
}

export interface MonthCount {
  month: string
  complaint: number
  compliment: number
  question: number
  suggestion: number
  total: number
  scored: number
  scoreSum: number
  averageScore: number | null
}

/** Counts by kind and month, with the scores, over the trend months (SQL GROUP BY, one statement). */
export async function monthlyCounts(regionIds: string[], filter: { guidelineId?: string }, now: Date) {
  const months = trendMonths(now)
  // A day early: the first month begins at midnight in Amsterdam, before midnight UTC.
  const from = new Date(new Date(`${months[0]}-01T00:00:00Z`).getTime() - DAY)
  const rows = await prisma.$queryRaw<
    { regionId: string; month: string; kind: SignalKind; n: number; scored: number; scoreSum: number }[]
  >`
    SELECT s."regionId", to_char(s."occurredAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM') AS "month",
      s."kind", count(*)::int AS "n", count(s."score")::int AS "scored", coalesce(sum(s."score"), 0)::int AS "scoreSum"
    FROM "CustomerSignal" s
    WHERE s."regionId" = ANY(${regionIds}::text[])
      AND s."occurredAt" >= ${from}
      AND (${filter.guidelineId ?? null}::text IS NULL OR s."guidelineId" = ${filter.guidelineId ?? null})
    GROUP BY 1, 2, 3`
  const byRegion = new Map<string, MonthCount[]>()
  for (const regionId of regionIds) {
    byRegion.set(
      regionId,
      months.map((month) => ({
        month,
        complaint: 0,
        compliment: 0,
        question: 0,
        suggestion: 0,
        total: 0,
        scored: 0,
        scoreSum: 0,
        averageScore: null,
      })),
    )
  }
  for (const row of rows) {
    const cell = byRegion.get(row.regionId)?.find((m) => m.month === row.month)
    if (!cell) continue
    cell[row.kind] += row.n
    cell.total += row.n
    cell.scored += row.scored
    cell.scoreSum += row.scoreSum
    cell.averageScore = average(cell.scoreSum, cell.scored)
  }
  return byRegion
}

export const average = (sum: number, n: number) => (n ? Math.round((sum / n) * 10) / 10 : null)

/**
 * The region's signals page: counts by kind and month, per rule (complaints in the last 30 days
 * against the threshold, average score), what no rule covered, and the latest signals to use as
 * customer input. With `guidelineId`: that rule's signals, with its versions for before/after.
 */
export async function regionSignals(
  ability: AppAbility,
  regionId: string,
  options: { guidelineId?: string } = {},
  now = new Date(),
) {
  const region = await requireRegion(ability, regionId)
  authorizeRegionSignals(ability, region.id)
  const since = new Date(now.getTime() - SIGNAL_WINDOW_DAYS * DAY)
  const recentSince = new Date(now.getTime() - COMPLAINT_WINDOW_DAYS * DAY)
  const guidelineId = options.guidelineId
  const where = { AND: [readable(ability), { regionId: region.id }] }
  const [settings, months, perRule, noRule, latest, drafts, focus] = await Promise.all([
    prisma.region.findUniqueOrThrow({ where: { id: region.id }, select: { complaintThreshold: true } }),
    monthlyCounts([region.id], { guidelineId }, now),
    prisma.$queryRaw<
      {
        guidelineId: string | null
        principleId: string | null
        title: string | null
        total: number
        complaints: number
        recentComplaints: number
        scored: number
        scoreSum: number
      }[]
    >`
      SELECT s."guidelineId", s."principleId", coalesce(v."title", pv."title") AS "title", count(*)::int AS "total",
        (count(*) FILTER (WHERE s."kind" = 'complaint'))::int AS "complaints",
        (count(*) FILTER (WHERE s."kind" = 'complaint' AND s."occurredAt" >= ${recentSince}))::int AS "recentComplaints",
        count(s."score")::int AS "scored", coalesce(sum(s."score"), 0)::int AS "scoreSum"
      FROM "CustomerSignal" s
      LEFT JOIN "Guideline" g ON g."id" = s."guidelineId"
      LEFT JOIN "GuidelineVersion" v ON v."guidelineId" = g."id" AND v."number" = g."publishedVersion"
      LEFT JOIN "Principle" p ON p."id" = s."principleId" AND s."guidelineId" IS NULL
      LEFT JOIN "PrincipleVersion" pv ON pv."principleId" = p."id" AND pv."number" = p."publishedVersion"
      WHERE s."regionId" = ${region.id} AND s."occurredAt" >= ${since} AND (s."guidelineId" IS NOT NULL OR s."principleId" IS NOT NULL)
      GROUP BY s."guidelineId", s."principleId", v."title", pv."title"
      ORDER BY "recentComplaints" DESC, "complaints" DESC, "total" DESC`,
    prisma.customerSignal.findMany({
      where: { AND: [...where.AND, { noRule: true, occurredAt: { gte: since } }] },
      orderBy: { occurredAt: 'desc' },
      take: 20,
      select: signalFields,
    }),
    prisma.customerSignal.findMany({
      where: { AND: [...where.AND, guidelineId ? { guidelineId } : {}, { occurredAt: { gte: since } }] },
      orderBy: [{ occurredAt: 'desc' }, { createdAt: 'desc' }],
      // One rule's signals to choose from, or the region's latest.
      take: guidelineId ? 100 : 25,
      select: { ...signalFields, guidelineId: true, usedAt: true },
    }),
    can(ability, 'update', 'CustomerSignal', { regionId: region.id })
      ? prisma.guideline.findMany({
          where: {
            AND: [
              accessibleBy(ability, 'update').ofType('Guideline'),
              { regionId: region.id, status: { in: ['draft', 'review'] } },
            ],
          },
          orderBy: { updatedAt: 'desc' },
          select: { id: true, title: true, status: true },
        })
      : Promise.resolve([]),
    guidelineId ? guidelineVersions(ability, region.id, guidelineId) : Promise.resolve(null),
  ])
  return {
    region,
    threshold: settings.complaintThreshold,
    months: months.get(region.id)!,
    rules: perRule.map((rule) => ({
      ...rule,
      averageScore: average(rule.scoreSum, rule.scored),
      overThreshold: rule.guidelineId !== null && rule.recentComplaints > settings.complaintThreshold,
    })),
    noRule,
    latest,
    drafts,
    focus,
    manages: can(ability, 'update', 'CustomerSignal', { regionId: region.id }),
  }
}

const signalFields = {
  id: true,
  kind: true,
  channel: true,
  said: true,
  score: true,
  occurredAt: true,
  noRule: true,
  versionNumber: true,
} as const

/**
 * One rule's versions with the signals while each was current (before/after a new version):
 * complaints per 30 days, so a version that was current for a short time compares fairly.
 */
async function guidelineVersions(ability: AppAbility, regionId: string, guidelineId: string) {
  const guideline = await prisma.guideline.findFirst({
    where: { AND: [accessibleBy(ability, 'read').ofType('Guideline'), { id: guidelineId, regionId }] },
    select: {
      id: true,
      title: true,
      versions: { select: { number: true, publishedAt: true }, orderBy: { number: 'asc' } },
    },
  })
  invariantFound(guideline)
  const counts = await prisma.customerSignal.groupBy({
    by: ['versionNumber', 'kind'],
    where: { AND: [readable(ability), { guidelineId: guideline.id }] },
    _count: { _all: true },
    _sum: { score: true },
  })
  const scored = await prisma.customerSignal.groupBy({
    by: ['versionNumber'],
    where: { AND: [readable(ability), { guidelineId: guideline.id, score: { not: null } }] },
    _count: { _all: true },
    _sum: { score: true },
  })
  const now = Date.now()
  return {
    id: guideline.id,
    title: guideline.title,
    versions: guideline.versions.map((version, index) => {
      const next = guideline.versions[index + 1]
      const days = Math.max(1, ((next?.publishedAt.getTime() ?? now) - version.publishedAt.getTime()) / DAY)
      const rows = counts.filter((c) => c.versionNumber === version.number)
      const complaints = rows.find((r) => r.kind === 'complaint')?._count._all ?? 0
      const total = rows.reduce((sum, r) => sum + r._count._all, 0)
      const score = scored.find((s) => s.versionNumber === version.number)
      return {
        number: version.number,
        publishedAt: version.publishedAt,
        days: Math.round(days),
        total,
        complaints,
        // A version current for less than a week has too little time behind it for a rate.
        complaintsPer30Days: days < MIN_RATE_DAYS ? null : Math.round((complaints / days) * 30 * 10) / 10,
        averageScore: average(score?._sum.score ?? 0, score?._count._all ?? 0),
      }
    }),
  }
}

/** The manager sets how many complaints in 30 days put a rule on their start page. */
export async function setComplaintThreshold(ability: AppAbility, actorId: string, regionId: string, threshold: number) {
  const region = await requireRegion(ability, regionId)
  authorize(ability, 'update', 'CustomerSignal', { regionId: region.id })
  return prisma.$transaction(async (tx) => {
    const before = await tx.region.findUniqueOrThrow({ where: { id: region.id }, select: { complaintThreshold: true } })
    await tx.region.update({ where: { id: region.id }, data: { complaintThreshold: threshold } })
    await recordAudit(tx, {
      actorId,
      action: 'signals.threshold',
      subjectType: 'Region',
      subjectId: region.id,
      regionId: region.id,
      before: { threshold: before.complaintThreshold },
      after: { threshold },
    })
  })
}

const INPUT_SOURCE = {
  complaint: 'complaint',
  compliment: 'conversation',
  question: 'conversation',
  suggestion: 'conversation',
} as const

/**
 * The selected signals become customer input of a draft (or a guideline in review) of the region:
 * quoted as said, heard on the day they were said; a signal already quoted in that draft is not
 * quoted twice (a double click adds nothing). One transaction: all or none.
 */
export async function quoteSignalsInDraft(
  ability: AppAbility,
  actorId: string,
  regionId: string,
  guidelineId: string,
  signalIds: string[],
) {
  const region = await requireRegion(ability, regionId)
  const guideline = await prisma.guideline.findFirst({
    where: { AND: [accessibleBy(ability, 'read').ofType('Guideline'), { id: guidelineId, regionId: region.id }] },
    select: { id: true, regionId: true, status: true },
  })
  invariantFound(guideline)
  if (guideline.status !== 'draft' && guideline.status !== 'review')
    throw new Conflict('signals.errors.notADraft', 'guideline')
  authorize(ability, 'update', 'Guideline', guideline)
  authorize(ability, 'create', 'CustomerInput', { guideline: { regionId: region.id } })
  const signals = await prisma.customerSignal.findMany({
    where: {
      AND: [accessibleBy(ability, 'update').ofType('CustomerSignal'), { id: { in: signalIds }, regionId: region.id }],
    },
    select: { id: true, said: true, kind: true, occurredAt: true, authorId: true, importKey: true },
  })
  if (signals.length !== new Set(signalIds).size) throw new Invalid('signals.errors.unknownSignal', 'signals')
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`CustomerInput:${guideline.id}`}))`
    const existing = await tx.customerInput.findMany({
      where: { guidelineId: guideline.id, said: { in: signals.map((s) => s.said) } },
      select: { said: true, heardOn: true },
    })
    const quoted = new Set(existing.map((e) => `${e.said}|${e.heardOn.toISOString()}`))
    const fresh = signals.filter((s) => !quoted.has(`${s.said}|${s.occurredAt.toISOString()}`))
    if (fresh.length) {
      await tx.customerInput.createMany({
        data: fresh.map((s) => ({
          guidelineId: guideline.id,
          said: s.said,
          source: s.importKey ? ('survey' as const) : INPUT_SOURCE[s.kind],
          heardOn: s.occurredAt,
          createdById: actorId,
        })),
      })
    }
    await tx.customerSignal.updateMany({
      where: { id: { in: signals.map((s) => s.id) } },
      data: { usedAt: new Date() },
    })
    await recordAudit(tx, {
      actorId,
      action: 'signals.use-as-input',
      subjectType: 'Guideline',
      subjectId: guideline.id,
      regionId: region.id,
      after: { signals: signals.length, added: fresh.length },
    })
    return { added: fresh.length }
  })
}

export type SignalRow = Pick<CustomerSignal, keyof typeof signalFields>
