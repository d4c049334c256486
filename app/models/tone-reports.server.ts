// Writers' corrections of the tone check. In the editor a writer marks an underline as wrong, or
// a sentence the check passed as a brush-off; HQ accepts or declines each report on the tone page.
// Accepted reports join the labelled corpus the learned signal is trained on (`npm run
// tone:train` adds them to app/tone/corpus/accepted.json), and until then an accepted report
// already decides that exact sentence (see toneOverrides).
import { accessibleBy } from '@casl/prisma/runtime'
import type { ToneReportKind } from '~/generated/prisma/enums.ts'
import { can, type AppAbility } from '~/permissions/ability.ts'
import { authorize } from '~/permissions/authorize.ts'
import type { LabelledSentence } from '~/tone/train.ts'
import { sentenceKey, type ToneOverrides } from '~/tone/checker.ts'
import { Conflict, invariantFound, isUniqueViolation } from '~/utils/errors.ts'
import { prisma } from '~/utils/db.server.ts'
import { recordAudit } from './audit.server.ts'

export interface ToneReportInput {
  text: string
  kind: ToneReportKind
  familyId?: string
}

/**
 * Stores a writer's report. The same writer reporting the same sentence the same way again (a
 * double click, a second editor tab) changes nothing: `created` is false.
 */
export async function reportTone(ability: AppAbility, reporterId: string, input: ToneReportInput) {
  authorize(ability, 'create', 'ToneReport', { reporterId })
  const data = {
    text: input.text,
    kind: input.kind,
    familyId: input.kind === 'wrongFlag' ? (input.familyId ?? null) : null,
    reporterId,
  }
  try {
    const report = await prisma.$transaction(async (tx) => {
      const report = await tx.toneReport.create({ data })
      await recordAudit(tx, {
        actorId: reporterId,
        action: 'toneReport.create',
        subjectType: 'ToneReport',
        subjectId: report.id,
        after: { text: data.text, kind: data.kind, familyId: data.familyId },
      })
      return report
    })
    return { report, created: true }
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    const report = await prisma.toneReport.findUniqueOrThrow({
      where: { reporterId_kind_text: { reporterId, kind: data.kind, text: data.text } },
    })
    return { report, created: false }
  }
}

/** The reports the ability may read: pending first (oldest first), then the last 50 decided. */
export async function listToneReports(ability: AppAbility) {
  const readable = accessibleBy(ability, 'read').ofType('ToneReport')
  const select = {
    id: true,
    text: true,
    kind: true,
    familyId: true,
    status: true,
    createdAt: true,
    reviewedAt: true,
    reporter: { select: { name: true } },
    reviewedBy: { select: { name: true } },
  } as const
  const [pending, decided] = await Promise.all([
    prisma.toneReport.findMany({
      where: { AND: [readable, { status: 'pending' }] },
      orderBy: { createdAt: 'asc' },
      take: 200,
      select,
    }),
    prisma.toneReport.findMany({
      where: { AND: [readable, { status: { not: 'pending' } }] },
      orderBy: { reviewedAt: 'desc' },
      take: 50,
      select,
    }),
  ])
  return { pending, decided, may: { review: can(ability, 'update', 'ToneReport') } }
}

/** HQ accepts or declines a pending report; a report someone already decided is a 409. */
export async function reviewToneReport(
  ability: AppAbility,
  actorId: string,
  id: string,
  decision: 'accepted' | 'declined',
) {
  const report = await prisma.toneReport.findFirst({
    where: { AND: [accessibleBy(ability, 'read').ofType('ToneReport'), { id }] },
  })
  invariantFound(report)
  authorize(ability, 'update', 'ToneReport', report)
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.toneReport.updateMany({
      where: { id, status: 'pending' },
      data: { status: decision, reviewedById: actorId, reviewedAt: new Date() },
    })
    if (!count) throw new Conflict('tone.reports.alreadyDecided')
    await recordAudit(tx, {
      actorId,
      action: `toneReport.${decision === 'accepted' ? 'accept' : 'decline'}`,
      subjectType: 'ToneReport',
      subjectId: id,
      before: { status: report.status },
      after: { status: decision },
    })
  })
}

const labelOf = (kind: ToneReportKind) => (kind === 'missed' ? 'afpoeier' : 'ok')

/** Accepted reports as labelled sentences, for `npm run tone:train` (no ability: a command-line tool). */
export async function acceptedToneReports(): Promise<LabelledSentence[]> {
  const reports = await prisma.toneReport.findMany({
    where: { status: 'accepted' },
    orderBy: { createdAt: 'asc' },
    select: { text: true, kind: true },
  })
  return reports.map((report) => ({ text: report.text, label: labelOf(report.kind), style: 'gemeld', kind: 'melding' }))
}

/**
 * Accepted reports decide their exact sentence at once, before the next training: a sentence
 * reported as wrongly flagged is passed, one reported as missed is flagged. Everyone who writes
 * gets the same overrides (they hold only sentences, never who reported them).
 */
export async function toneOverrides(): Promise<ToneOverrides> {
  const reports = await prisma.toneReport.findMany({
    where: { status: 'accepted' },
    orderBy: { reviewedAt: 'asc' },
    select: { text: true, kind: true },
    take: 5_000,
  })
  const overrides: ToneOverrides = { pass: [], flag: [] }
  for (const report of reports)
    (report.kind === 'missed' ? overrides.flag : overrides.pass).push(sentenceKey(report.text))
  return overrides
}
