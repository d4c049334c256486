// Where every region stands with every published principle: guidelines and the manager's
// explicit decisions (decision.server.ts) per region × principle cell. The matrix is built from
// four queries whatever its size (principles, regions, guidelines, decisions), never one per cell.
import { accessibleBy } from '@casl/prisma/runtime'
import type { DecisionKind, GuidelineStatus } from '~/generated/prisma/enums.ts'
import { can, type AppAbility } from '~/permissions/ability.ts'
import { authorize } from '~/permissions/authorize.ts'
import { NotFound } from '~/utils/errors.ts'
import { prisma } from '~/utils/db.server.ts'
import { CELL_STATES, type CellState } from './coverage-states.ts'
import { countOpenFeedback } from './feedback.server.ts'
import { isOverdue, needsReview } from './guideline.server.ts'
import { confirmationCounts, confirmationRatesByRegion, readRateHistory } from './read-campaign.server.ts'
import { requireRegion } from './region.server.ts'
import { toneCountsPerCell, toneFindingsOfPublishedGuidelines } from './tone.server.ts'

export { CELL_STATES, type CellState }

export type CellGuideline = {
  id: string
  title: string
  status: GuidelineStatus
  /** Has a published version frontline reads (also while a revision is being drafted). */
  published: boolean
  needsReview: boolean
  overdue: boolean
}
export type Cell = {
  state: CellState
  guidelines: CellGuideline[]
  decision: { kind: DecisionKind; reason: string | null; needsReview: boolean; decidedAt: Date } | null
}

/** The state of one region × principle cell, most urgent first. */
export function cellState(guidelines: CellGuideline[], decision: Cell['decision']): CellState {
  if (guidelines.some((g) => g.needsReview) || decision?.needsReview) return 'needs_review'
  if (guidelines.some((g) => g.overdue)) return 'overdue'
  if (guidelines.some((g) => g.published)) return 'published'
  if (guidelines.some((g) => g.status === 'review')) return 'review'
  if (guidelines.some((g) => g.status === 'draft')) return 'draft'
  if (decision) return decision.kind
  return 'missing'
}

/**
 * The coverage matrix for the regions the ability may read (HQ: all; a manager or member: theirs),
 * over the published principles in HQ's order. A list filtered by the ability: frontline gets no drafts.
 */
export async function coverageMatrix(ability: AppAbility, options: { regionId?: string; now?: Date } = {}) {
  const now = options.now ?? new Date()
  const regionFilter = options.regionId ? { regionId: options.regionId } : {}
  const [principles, regions, guidelines, decisions, withRoom] = await Promise.all([
    prisma.principle.findMany({
      where: {
        AND: [
          accessibleBy(ability, 'read').ofType('Principle'),
          { position: { not: null }, status: { not: 'archived' } },
        ],
      },
      orderBy: { position: 'asc' },
      select: {
        id: true,
        slug: true,
        publishedVersion: true,
        versions: { orderBy: { number: 'desc' }, take: 1, select: { title: true } },
      },
    }),
    prisma.region.findMany({
      where: {
        AND: [accessibleBy(ability, 'read').ofType('Region'), options.regionId ? { id: options.regionId } : {}],
      },
      orderBy: { name: 'asc' },
      select: { id: true, name: true },
    }),
    prisma.guideline.findMany({
      where: {
        AND: [accessibleBy(ability, 'read').ofType('Guideline'), regionFilter, { status: { not: 'archived' } }],
      },
      orderBy: { title: 'asc' },
      select: {
        id: true,
        title: true,
        regionId: true,
        principleId: true,
        status: true,
        publishedVersion: true,
        basedOnPrincipleVersion: true,
        reviewBy: true,
      },
    }),
    prisma.principleDecision.findMany({
      where: { AND: [accessibleBy(ability, 'read').ofType('PrincipleDecision'), regionFilter] },
      select: {
        regionId: true,
        principleId: true,
        kind: true,
        reason: true,
        basedOnPrincipleVersion: true,
        decidedAt: true,
      },
    }),
    // Principles whose published text leaves room for the regions (a passage marked *ruimte*).
    prisma.$queryRaw<{ id: string }[]>`
      SELECT p."id" FROM "Principle" p
      JOIN "PrincipleVersion" pv ON pv."principleId" = p."id" AND pv."number" = p."publishedVersion"
      WHERE p."position" IS NOT NULL AND p."status" <> 'archived'
        AND jsonb_path_exists(pv."body"::jsonb, '$.content[*] ? (@.type == "frame" && @.attrs.kind == "ruimte")')`,
  ])
  const roomy = new Set(withRoom.map((p) => p.id))
  const principleVersion = new Map(principles.map((p) => [p.id, p.publishedVersion]))
  const key = (regionId: string, principleId: string) => `${regionId}:${principleId}`
  const cellGuidelines = new Map<string, CellGuideline[]>()
  for (const g of guidelines) {
    const version = principleVersion.get(g.principleId)
    if (version === undefined) continue
    const list = cellGuidelines.get(key(g.regionId, g.principleId)) ?? []
    list.push({
      id: g.id,
      title: g.title,
      status: g.status,
      published: g.publishedVersion > 0,
      needsReview: needsReview(g, version),
      overdue: isOverdue(g, now),
    })
    cellGuidelines.set(key(g.regionId, g.principleId), list)
  }
  const cellDecision = new Map(
    decisions.map((d) => [
      key(d.regionId, d.principleId),
      {
        kind: d.kind,
        reason: d.reason,
        decidedAt: d.decidedAt,
        needsReview: d.basedOnPrincipleVersion < (principleVersion.get(d.principleId) ?? 0),
      },
    ]),
  )
  const rows = regions.map((region) => {
    const cells = principles.map((principle) => {
      const list = cellGuidelines.get(key(region.id, principle.id)) ?? []
      const decision = cellDecision.get(key(region.id, principle.id)) ?? null
      return {
        principleId: principle.id,
        state: cellState(list, decision),
        guidelines: list,
        decision,
      } satisfies Cell & { principleId: string }
    })
    const counts = Object.fromEntries(CELL_STATES.map((s) => [s, cells.filter((c) => c.state === s).length])) as Record<
      CellState,
      number
    >
    // The room each region has filled: principles that leave room, with a published guideline of the region.
    const room = {
      total: cells.filter((c) => roomy.has(c.principleId)).length,
      filled: cells.filter((c) => roomy.has(c.principleId) && c.guidelines.some((g) => g.published)).length,
    }
    return { region, cells, counts, room }
  })
  const covered: CellState[] = ['published', 'applies_as_written', 'not_applicable']
  return {
    principles: principles.map((p, index) => ({
      id: p.id,
      slug: p.slug,
      title: p.versions[0]?.title ?? '',
      version: p.publishedVersion,
      covered: rows.filter((r) => covered.includes(r.cells[index]!.state)).length,
      hasRoom: roomy.has(p.id),
    })),
    rows,
  }
}

/**
 * HQ's overview page (a manager or member sees their own regions): the matrix, each region's
 * read rate and the tone check's findings per cell. Frontline is refused.
 */
/**
 * Up to this many cells HQ sees the whole matrix; a larger organisation (50 regions × 200
 * principles is 10 000 cells, megabytes of HTML) sees one row per region and one per principle
 * with the counts per state, and the matrix of one principle at a time (`principleId`).
 */
export const MATRIX_CELLS = 600

export async function coverageOverview(ability: AppAbility, options: { principleId?: string } = {}) {
  authorize(ability, 'readDraft', 'Guideline')
  const [matrix, toneFindings, history] = await Promise.all([
    coverageMatrix(ability),
    toneFindingsOfPublishedGuidelines(ability),
    readRateHistory(ability),
  ])
  const rates = await confirmationRatesByRegion(
    ability,
    matrix.rows.map((r) => r.region.id),
  )
  const tone = toneCountsPerCell(matrix.rows, toneFindings)
  // Per principle: how many regions are in each state (the summary's rows).
  const principleCounts = matrix.principles.map((_, index) => {
    const counts = Object.fromEntries(CELL_STATES.map((state) => [state, 0])) as Record<CellState, number>
    for (const row of matrix.rows) counts[row.cells[index]!.state]++
    return counts
  })
  const principles = matrix.principles.map((principle, index) => ({ ...principle, counts: principleCounts[index]! }))
  const choices = matrix.principles.map(({ id, title }) => ({ id, title }))
  const base = { rates: Object.fromEntries(rates), tone, history, choices }
  if (options.principleId) {
    const index = matrix.principles.findIndex((p) => p.id === options.principleId)
    if (index < 0) throw new NotFound()
    return {
      ...base,
      view: 'matrix' as const,
      principle: principles[index]!,
      principles: [principles[index]!],
      rows: matrix.rows.map((row) => ({ ...row, cells: [row.cells[index]!] })),
    }
  }
  const view = matrix.principles.length * matrix.rows.length > MATRIX_CELLS ? ('summary' as const) : ('matrix' as const)
  return {
    ...base,
    view,
    principle: null,
    principles,
    // The summary shows no cells: none are sent.
    rows: view === 'summary' ? matrix.rows.map((row) => ({ ...row, cells: [] })) : matrix.rows,
  }
}

/**
 * A region's workspace (managers and members of the region, HQ): every published principle with
 * the region's guidelines and decisions, read counts, tone findings and the open feedback count.
 */
export async function regionWorkspace(ability: AppAbility, regionId: string) {
  const region = await requireRegion(ability, regionId)
  authorize(ability, 'readDraft', 'Guideline', { regionId: region.id })
  const handlesFeedback = can(ability, 'update', 'Feedback', { regionId: region.id })
  const [{ principles, rows }, confirmations, toneFindings, openFeedback] = await Promise.all([
    coverageMatrix(ability, { regionId: region.id }),
    confirmationCounts(ability, region.id),
    toneFindingsOfPublishedGuidelines(ability, { regionId: region.id }),
    handlesFeedback ? countOpenFeedback(ability, region.id) : 0,
  ])
  const cells = rows[0]?.cells ?? []
  return {
    region: { id: region.id, name: region.name },
    items: principles.map((principle, index) => ({ principle, cell: cells[index]! })),
    counts: rows[0]?.counts ?? null,
    frontline: confirmations.frontline,
    confirmed: confirmations.confirmed,
    toneFindings,
    openFeedback,
    may: {
      create: can(ability, 'create', 'Guideline', { regionId: region.id, status: 'draft' }),
      decide: can(ability, 'create', 'PrincipleDecision', { regionId: region.id }),
      handleFeedback: handlesFeedback,
      readSignals: can(ability, 'read', 'CustomerSignal', { regionId: region.id }),
    },
  }
}
