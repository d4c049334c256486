// Personal data is kept as long as it serves the work: feedback, read confirmations and logged
// customer signals older than the retention period (RETENTION_DAYS, default two years) lose the
// person they came from. The texts and the counts stay; who wrote or confirmed them does not. The
// worker runs this once a day; each run records what it did in the audit log.
import { prisma } from '~/utils/db.server.ts'
import { recordAudit } from './audit.server.ts'

export const retentionDays = () => Number(process.env.RETENTION_DAYS ?? 730)

export async function anonymiseExpired(now = new Date(), days = retentionDays()) {
  const before = new Date(now.getTime() - days * 86_400_000)
  return prisma.$transaction(async (tx) => {
    const feedback = await tx.feedback.updateMany({
      where: { createdAt: { lt: before }, authorId: { not: null } },
      data: { authorId: null },
    })
    const acknowledgements = await tx.acknowledgement.updateMany({
      where: { createdAt: { lt: before }, userId: { not: null } },
      data: { userId: null },
    })
    const signals = await tx.customerSignal.updateMany({
      where: { createdAt: { lt: before }, authorId: { not: null } },
      data: { authorId: null },
    })
    if (feedback.count || acknowledgements.count || signals.count) {
      await recordAudit(tx, {
        actorId: null,
        action: 'retention.anonymise',
        subjectType: 'Organisation',
        subjectId: 'retention',
        after: {
          before: before.toISOString(),
          feedback: feedback.count,
          acknowledgements: acknowledgements.count,
          signals: signals.count,
        },
      })
    }
    return { feedback: feedback.count, acknowledgements: acknowledgements.count, signals: signals.count }
  })
}
