// The audit trail: append-only (a database trigger refuses updates and deletes), written in the
// same transaction as the change it records, and read through the ability (HQ reads principle
// events, a manager their region's, the admin everything).
import { accessibleBy } from '@casl/prisma/runtime'
import type { Prisma } from '~/generated/prisma/client.ts'
import type { AppAbility } from '~/permissions/ability.ts'
import { authorize } from '~/permissions/authorize.ts'
import { prisma, type Db } from '~/utils/db.server.ts'

type Tx = Pick<Db, 'auditEvent'>

export interface AuditEntry {
  actorId: string | null
  action: string
  subjectType: string
  subjectId: string
  regionId?: string | null
  before?: Prisma.InputJsonValue
  after?: Prisma.InputJsonValue
}

/** Appends an audit event. Call it inside the same transaction as the change it records. */
export function recordAudit(tx: Tx, entry: AuditEntry) {
  return tx.auditEvent.create({ data: entry })
}

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
