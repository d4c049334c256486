// A manager's explicit decision for a principle in their region, instead of a guideline: "applies
// in our region as written" or "not applicable here, because …". Both count as covered, are
// dated and attributed, and need review (like guidelines) when HQ publishes a newer version.
import type { DecisionKind } from '~/generated/prisma/enums.ts'
import type { AppAbility } from '~/permissions/ability.ts'
import { authorize } from '~/permissions/authorize.ts'
import { prisma } from '~/utils/db.server.ts'
import { Invalid } from '~/utils/errors.ts'
import { recordAudit } from './audit.server.ts'
import { requirePublishedPrinciple } from './principle.server.ts'

/** Records (or re-confirms) the manager's decision for a principle in a region. */
export async function decide(
  ability: AppAbility,
  actorId: string,
  input: { regionId: string; principleId: string; kind: DecisionKind; reason?: string },
) {
  const principle = await requirePublishedPrinciple(ability, input.principleId)
  authorize(ability, 'create', 'PrincipleDecision', { regionId: input.regionId })
  const reason = input.reason?.trim() || null
  if (input.kind === 'not_applicable' && !reason) throw new Invalid('decisions.errors.reasonRequired', 'reason')
  await prisma.$transaction(async (tx) => {
    const before = await tx.principleDecision.findUnique({
      where: { regionId_principleId: { regionId: input.regionId, principleId: principle.id } },
    })
    const data = {
      kind: input.kind,
      reason,
      basedOnPrincipleVersion: principle.publishedVersion,
      decidedById: actorId,
      decidedAt: new Date(),
    }
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
      before: before
        ? { kind: before.kind, reason: before.reason, basedOnPrincipleVersion: before.basedOnPrincipleVersion }
        : undefined,
      after: {
        kind: decision.kind,
        reason: decision.reason,
        basedOnPrincipleVersion: decision.basedOnPrincipleVersion,
      },
    })
  })
}

export async function withdrawDecision(
  ability: AppAbility,
  actorId: string,
  input: { regionId: string; principleId: string },
) {
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
