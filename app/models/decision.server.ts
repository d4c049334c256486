// A manager's explicit decision for a principle in their region, instead of a guideline: "applies
// in our region as written" or "not applicable here, because …". Both count as covered, are
// dated and attributed, and need review (like guidelines) when HQ publishes a newer version.
import type { DecisionKind } from '~/generated/prisma/enums.ts'
import type { AppAbility } from '~/permissions/ability.ts'
import { authorize } from '~/permissions/authorize.ts'
import { prisma } from '~/utils/db.server.ts'
import { Conflict, Invalid, isUniqueViolation } from '~/utils/errors.ts'
import { recordAudit } from './audit.server.ts'
import { requirePublishedPrinciple } from './principle.server.ts'

/** "Not what the manager saw": a decision made (or withdrawn) by someone else since the page was loaded. */
function changedSince(current: { decidedAt: Date } | null, seen: string | undefined): boolean {
  return seen !== undefined && (current?.decidedAt.toISOString() ?? '') !== seen
}

/**
 * Records (or re-confirms) the manager's decision for a principle in a region. `seen` is when the
 * decision the manager looked at was made ('' for none): a decision made by someone else since is
 * not overwritten (409). The write itself is conditional, so two at the same moment cannot both win.
 */
export async function decide(
  ability: AppAbility,
  actorId: string,
  input: { regionId: string; principleId: string; kind: DecisionKind; reason?: string; seen?: string },
) {
  const principle = await requirePublishedPrinciple(ability, input.principleId)
  authorize(ability, 'create', 'PrincipleDecision', { regionId: input.regionId })
  const reason = input.reason?.trim() || null
  if (input.kind === 'not_applicable' && !reason) throw new Invalid('decisions.errors.reasonRequired', 'reason')
  const key = { regionId_principleId: { regionId: input.regionId, principleId: principle.id } }
  try {
    await prisma.$transaction(async (tx) => {
      const before = await tx.principleDecision.findUnique({ where: key })
      if (changedSince(before, input.seen)) throw new Conflict('decisions.errors.changed')
      const data = {
        kind: input.kind,
        reason,
        basedOnPrincipleVersion: principle.publishedVersion,
        decidedById: actorId,
        decidedAt: new Date(),
      }
      let decisionId: string
      if (before) {
        const { count } = await tx.principleDecision.updateMany({
          where: { id: before.id, decidedAt: before.decidedAt },
          data,
        })
        if (count === 0) throw new Conflict('decisions.errors.changed')
        decisionId = before.id
      } else {
        // A concurrent first decision makes this a unique violation: the same 409, below.
        decisionId = (
          await tx.principleDecision.create({
            data: { regionId: input.regionId, principleId: principle.id, ...data },
            select: { id: true },
          })
        ).id
      }
      await recordAudit(tx, {
        actorId,
        action: 'decision.record',
        subjectType: 'PrincipleDecision',
        subjectId: decisionId,
        regionId: input.regionId,
        before: before
          ? { kind: before.kind, reason: before.reason, basedOnPrincipleVersion: before.basedOnPrincipleVersion }
          : undefined,
        after: { kind: data.kind, reason: data.reason, basedOnPrincipleVersion: data.basedOnPrincipleVersion },
      })
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new Conflict('decisions.errors.changed')
    throw error
  }
}

/**
 * Withdraws the region's decision. Withdrawing one that is already gone (a double click, two
 * managers at once) is done, not an error; one changed by someone else since `seen` is a 409.
 */
export async function withdrawDecision(
  ability: AppAbility,
  actorId: string,
  input: { regionId: string; principleId: string; seen?: string },
) {
  authorize(ability, 'delete', 'PrincipleDecision', { regionId: input.regionId })
  const key = { regionId_principleId: { regionId: input.regionId, principleId: input.principleId } }
  await prisma.$transaction(async (tx) => {
    const decision = await tx.principleDecision.findUnique({ where: key })
    if (!decision) return
    if (changedSince(decision, input.seen || undefined)) throw new Conflict('decisions.errors.changed')
    const { count } = await tx.principleDecision.deleteMany({
      where: { id: decision.id, decidedAt: decision.decidedAt },
    })
    if (count === 0) {
      // Someone else got there first: gone is what was asked; changed is not.
      if (await tx.principleDecision.findUnique({ where: key, select: { id: true } })) {
        throw new Conflict('decisions.errors.changed')
      }
      return
    }
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
