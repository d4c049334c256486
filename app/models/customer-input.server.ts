// What customers told a region that shaped a guideline: quoted, with the source and the day it
// was heard. Part of writing the guideline, so adding it needs the right to edit the guideline.
import { accessibleBy } from '@casl/prisma/runtime'
import type { CustomerInputSource, GuidelineStatus } from '~/generated/prisma/enums.ts'
import type { AppAbility } from '~/permissions/ability.ts'
import { authorize } from '~/permissions/authorize.ts'
import { prisma } from '~/utils/db.server.ts'
import { Invalid } from '~/utils/errors.ts'
import { recordAudit } from './audit.server.ts'
import { findRepeat } from './repeat.server.ts'

type GuidelineRef = { id: string; regionId: string; status: GuidelineStatus }

export function listCustomerInput(ability: AppAbility, guidelineId: string) {
  return prisma.customerInput.findMany({
    where: { AND: [accessibleBy(ability, 'read').ofType('CustomerInput'), { guidelineId }] },
    orderBy: { heardOn: 'desc' },
    select: { id: true, said: true, source: true, heardOn: true, createdBy: { select: { name: true } } },
  })
}

export async function addCustomerInput(
  ability: AppAbility,
  actorId: string,
  guideline: GuidelineRef,
  input: { said: string; source: CustomerInputSource; heardOn: Date },
) {
  authorize(ability, 'update', 'Guideline', guideline)
  authorize(ability, 'create', 'CustomerInput', { guideline: { regionId: guideline.regionId } })
  if (input.heardOn > new Date()) throw new Invalid('guidelines.errors.heardInFuture', 'heardOn')
  return prisma.$transaction(async (tx) => {
    const data = { guidelineId: guideline.id, createdById: actorId, ...input }
    const repeat = await findRepeat(tx, `CustomerInput:${actorId}`, (since) =>
      tx.customerInput.findFirst({ where: { ...data, createdAt: { gte: since } } }),
    )
    if (repeat) return repeat
    const row = await tx.customerInput.create({ data })
    await recordAudit(tx, {
      actorId,
      action: 'guideline.customer-input',
      subjectType: 'CustomerInput',
      subjectId: row.id,
      regionId: guideline.regionId,
      after: { guidelineId: guideline.id, source: input.source },
    })
    return row
  })
}
