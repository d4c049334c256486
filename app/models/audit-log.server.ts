import { accessibleBy } from '@casl/prisma/runtime'
import type { AppAbility } from '~/permissions/ability.ts'
import { authorize } from '~/permissions/authorize.server.ts'
import { prisma } from '~/utils/db.server.ts'

export const AUDIT_PAGE_SIZE = 50

/** The newest audit events the ability may read, a page at a time (keyset on createdAt, id). */
export async function listAuditEvents(ability: AppAbility, options: { before?: string } = {}) {
  authorize(ability, 'read', 'AuditEvent')
  const cursor = options.before ? await prisma.auditEvent.findUnique({ where: { id: options.before } }) : null
  const events = await prisma.auditEvent.findMany({
    where: {
      AND: [
        accessibleBy(ability, 'read').ofType('AuditEvent'),
        cursor
          ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] }
          : {},
      ],
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: AUDIT_PAGE_SIZE + 1,
    include: { actor: { select: { name: true, email: true } } },
  })
  return { events: events.slice(0, AUDIT_PAGE_SIZE), hasMore: events.length > AUDIT_PAGE_SIZE }
}
