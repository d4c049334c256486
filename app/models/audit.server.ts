import type { Prisma } from '~/generated/prisma/client.ts'
import type { Db } from '~/utils/db.server.ts'

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
