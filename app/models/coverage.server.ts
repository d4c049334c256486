// Where every region stands with every published principle, and the manager's explicit
// decisions ("applies as written" / "not applicable, because …"). The coverage matrix is built
// from four queries whatever its size (principles, regions, guidelines, decisions), never one per cell.
import { accessibleBy } from '@casl/prisma/runtime'
import type { DecisionKind, GuidelineStatus } from '~/generated/prisma/enums.ts'
import type { AppAbility } from '~/permissions/ability.ts'
import { authorize } from '~/permissions/authorize.server.ts'
import { prisma } from '~/utils/db.server.ts'
import { recordAudit } from './audit.server.ts'
import { CELL_STATES, type CellState } from './coverage-states.ts'
import { DomainError } from './errors.server.ts'
import { isOverdue, needsReview, requirePublishedPrinciple } from './guideline.server.ts'

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
 * The coverage matrix for the regions the ability may read (HQ: all; a manager: theirs), over
 * the published principles in HQ's order.
 */
export async function coverageMatrix(ability: AppAbility, options: { regionId?: string; now?: Date } = {}) {
  const now = options.now ?? new Date()
  const regionFilter = options.regionId ? { regionId: options.regionId } : {}
  const [principles, regions, guidelines, decisions] = await Promise.all([
    prisma.principle.findMany({
      where: { AND: [accessibleBy(ability, 'read').ofType('Principle'), { position: { not: null }, status: { not: 'archived' } }] },
      orderBy: { position: 'asc' },
      select: { id: true, slug: true, publishedVersion: true, versions: { orderBy: { number: 'desc' }, take: 1, select: { title: true } } },
    }),
    prisma.region.findMany({
      where: { AND: [accessibleBy(ability, 'read').ofType('Region'), options.regionId ? { id: options.regionId } : {}] },
      orderBy: { name: 'asc' },
      select: { id: true, name: true },
    }),
    prisma.guideline.findMany({
      where: { AND: [accessibleBy(ability, 'read').ofType('Guideline'), regionFilter, { status: { not: 'archived' } }] },
      orderBy: { title: 'asc' },
      select: { id: true, title: true, regionId: true, principleId: true, status: true, publishedVersion: true, basedOnPrincipleVersion: true, reviewBy: true },
    }),
    prisma.principleDecision.findMany({
      where: { AND: [accessibleBy(ability, 'read').ofType('PrincipleDecision'), regionFilter] },
      select: { regionId: true, principleId: true, kind: true, reason: true, basedOnPrincipleVersion: true, decidedAt: true },
    }),
  ])
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
      { kind: d.kind, reason: d.reason, decidedAt: d.decidedAt, needsReview: d.basedOnPrincipleVersion < (principleVersion.get(d.principleId) ?? 0) },
    ]),
  )
  const rows = regions.map((region) => {
    const cells = principles.map((principle) => {
      const list = cellGuidelines.get(key(region.id, principle.id)) ?? []
      const decision = cellDecision.get(key(region.id, principle.id)) ?? null
      return { principleId: principle.id, state: cellState(list, decision), guidelines: list, decision } satisfies Cell & { principleId: string }
    })
    const counts = Object.fromEntries(CELL_STATES.map((s) => [s, cells.filter((c) => c.state === s).length])) as Record<CellState, number>
    return { region, cells, counts }
  })
  const covered: CellState[] = ['published', 'applies_as_written', 'not_applicable']
  return {
    principles: principles.map((p, index) => ({
      id: p.id,
      slug: p.slug,
      title: p.versions[0]?.title ?? '',
      version: p.publishedVersion,
      covered: rows.filter((r) => covered.includes(r.cells[index]!.state)).length,
    })),
    rows,
  }
}

/** Records (or re-confirms) the manager's decision for a principle in a region. */
export async function decide(
  ability: AppAbility,
  actorId: string,
  input: { regionId: string; principleId: string; kind: DecisionKind; reason?: string },
) {
  const principle = await requirePublishedPrinciple(ability, input.principleId)
  authorize(ability, 'create', 'PrincipleDecision', { regionId: input.regionId })
  const reason = input.reason?.trim() || null
  if (input.kind === 'not_applicable' && !reason) throw new DomainError('decisions.errors.reasonRequired', 400, 'reason')
  await prisma.$transaction(async (tx) => {
    const before = await tx.principleDecision.findUnique({ where: { regionId_principleId: { regionId: input.regionId, principleId: principle.id } } })
    const data = { kind: input.kind, reason, basedOnPrincipleVersion: principle.publishedVersion, decidedById: actorId, decidedAt: new Date() }
    const decision = await tx.principleDecision.upsert({
      where: { regionId_principleId: { regionId: input.regionId, principleId: principle.id } },
      create: { regionId: input.regionId, principleId: principle.id, ...data },
      update: data,
    })
    await recordAudit(tx, {
      actorId,
      action: 'decision.record',
      subjectType: 'PrincipleDecision',
      subjectId: decision.id,
      regionId: input.regionId,
      before: before ? { kind: before.kind, reason: before.reason, basedOnPrincipleVersion: before.basedOnPrincipleVersion } : undefined,
      after: { kind: decision.kind, reason: decision.reason, basedOnPrincipleVersion: decision.basedOnPrincipleVersion },
    })
  })
}

export async function withdrawDecision(ability: AppAbility, actorId: string, input: { regionId: string; principleId: string }) {
  authorize(ability, 'delete', 'PrincipleDecision', { regionId: input.regionId })
  await prisma.$transaction(async (tx) => {
    const decision = await tx.principleDecision.findUnique({ where: { regionId_principleId: input } })
    if (!decision) return
    await tx.principleDecision.delete({ where: { id: decision.id } })
    await recordAudit(tx, {
      actorId,
      action: 'decision.withdraw',
      subjectType: 'PrincipleDecision',
      subjectId: decision.id,
      regionId: input.regionId,
      before: { kind: decision.kind, reason: decision.reason },
    })
  })
}
