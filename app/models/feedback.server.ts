// Frontline feedback on a published guideline: the sender's own list, the region's inbox for
// the manager (answer, close, pass to HQ) and HQ's view per principle. A *question* is feedback
// without a guideline, asked from the handbook when a search found nothing ("Vraag het je
// leidinggevende"): it lands in the same inbox, its answer reaches the asker the same way, and
// the manager can turn it into a new draft guideline with the question as customer input.
import { accessibleBy } from '@casl/prisma/runtime'
import type { Prisma } from '~/generated/prisma/client.ts'
import { ANY_REGION, type AppAbility } from '~/permissions/ability.ts'
import { authorize } from '~/permissions/authorize.ts'
import { Conflict, invariantFound } from '~/utils/errors.ts'
import { prisma } from '~/utils/db.server.ts'
import { recordAudit } from './audit.server.ts'
import { findRepeat } from './repeat.server.ts'
import { recordEvent } from './events.server.ts'
import { getHandbookGuideline } from './handbook.server.ts'
import { requireRegion } from './region.server.ts'
import { EMPTY_DOCUMENT } from '~/editor/document.ts'
import { createGuideline } from './guideline.server.ts'

const readable = (ability: AppAbility) => accessibleBy(ability, 'read').ofType('Feedback')

/** What a feedback row shows, without the people behind it. */
const feedbackFields = {
  id: true,
  body: true,
  status: true,
  answer: true,
  answeredAt: true,
  passedToHqAt: true,
  createdAt: true,
  versionNumber: true,
} as const

const feedbackSelect = {
  ...feedbackFields,
  author: { select: { name: true } },
  answeredBy: { select: { name: true } },
} as const

/** The reader's own feedback on the frontline pages: the names come with `withPeople`. */
const ownFeedbackSelect = { ...feedbackFields, authorId: true, answeredById: true } as const

/**
 * Adds the author's and the answerer's names. Prisma asks a relation with a statement of its own
 * even when no row has one; the frontline pages list the reader's own feedback on every view and
 * usually have none, so this asks for names only when there are rows.
 */
async function withPeople<T extends { authorId: string | null; answeredById: string | null }>(rows: Promise<T[]>) {
  const list = await rows
  const ids = [...new Set(list.flatMap((row) => [row.authorId, row.answeredById]).filter((id) => id !== null))]
  const people = ids.length
    ? new Map(
        (await prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((u) => [
          u.id,
          u.name,
        ]),
      )
    : new Map<string, string>()
  return list.map((row) => ({
    ...row,
    author: row.authorId ? { name: people.get(row.authorId) ?? '' } : null,
    answeredBy: row.answeredById ? { name: people.get(row.answeredById) ?? '' } : null,
  }))
}

export async function sendFeedback(
  ability: AppAbility,
  userId: string,
  regionId: string,
  guidelineId: string,
  body: string,
) {
  const { guideline, version } = await getHandbookGuideline(ability, userId, regionId, guidelineId)
  authorize(ability, 'create', 'Feedback', { regionId: guideline.regionId, authorId: userId })
  return storeOnce('feedback.send', {
    guidelineId: guideline.id,
    regionId: guideline.regionId,
    principleId: guideline.principleId,
    versionNumber: version.number,
    authorId: userId,
    body,
  })
}

/** Stores feedback or a question, audited; the same post by the same person within a minute is stored once. */
function storeOnce(action: string, data: Prisma.FeedbackUncheckedCreateInput & { authorId: string }) {
  return prisma.$transaction(async (tx) => {
    const repeat = await findRepeat(tx, `Feedback:${data.authorId}`, (since) =>
      tx.feedback.findFirst({ where: { ...data, guidelineId: data.guidelineId ?? null, createdAt: { gte: since } } }),
    )
    if (repeat) return repeat
    const feedback = await tx.feedback.create({ data })
    await recordAudit(tx, {
      actorId: data.authorId,
      action,
      subjectType: 'Feedback',
      subjectId: feedback.id,
      regionId: data.regionId,
    })
    return feedback
  })
}

/** A question to the region's manager, not tied to a guideline (the same post twice within a minute is stored once). */
export async function askQuestion(ability: AppAbility, userId: string, regionId: string, body: string) {
  const region = await requireRegion(ability, regionId)
  authorize(ability, 'create', 'Feedback', { regionId: region.id, authorId: userId })
  return storeOnce('feedback.ask', { regionId: region.id, authorId: userId, body })
}

/** The asker's own questions in a region (newest first, the last 90 days), with their answers. */
export function listMyQuestions(ability: AppAbility, userId: string, regionId: string) {
  return withPeople(
    prisma.feedback.findMany({
      where: {
        AND: [
          readable(ability),
          { authorId: userId, regionId, guidelineId: null, createdAt: { gte: new Date(Date.now() - 90 * 86_400_000) } },
        ],
      },
      orderBy: { createdAt: 'desc' },
      take: 10,
      select: ownFeedbackSelect,
    }),
  )
}

/**
 * A question becomes a new draft guideline under a principle: the question is its customer
 * input (heard on the day it was asked) and the question is closed. The manager writes the rule.
 * One transaction: the draft, its customer input and the closed question are stored together or
 * not at all, and of two clicks at once only one makes a draft (the other: Conflict).
 */
export async function questionToDraft(
  ability: AppAbility,
  actorId: string,
  regionId: string,
  feedbackId: string,
  principleId: string,
) {
  const question = await prisma.feedback.findFirst({
    where: { AND: [readable(ability), { id: feedbackId, regionId, guidelineId: null }] },
  })
  invariantFound(question)
  authorize(ability, 'update', 'Feedback', question)
  authorize(ability, 'create', 'CustomerInput', { guideline: { regionId } })
  if (question.status === 'closed') throw new Conflict('feedback.errors.alreadyClosed')
  const title = question.body.replace(/\s+/g, ' ').slice(0, 120)
  const draft = await createGuideline(
    ability,
    actorId,
    { title: title.length >= 3 ? title : `${title}…`, json: EMPTY_DOCUMENT, text: '', regionId, principleId },
    {
      after: async (guideline, tx) => {
        const { count } = await tx.feedback.updateMany({
          where: { id: question.id, status: { not: 'closed' } },
          data: { status: 'closed' },
        })
        if (!count) throw new Conflict('feedback.errors.alreadyClosed')
        const input = await tx.customerInput.create({
          data: {
            guidelineId: guideline.id,
            createdById: actorId,
            said: question.body,
            source: 'conversation',
            heardOn: question.createdAt,
          },
        })
        await recordAudit(tx, {
          actorId,
          action: 'guideline.customer-input',
          subjectType: 'CustomerInput',
          subjectId: input.id,
          regionId,
          after: { guidelineId: guideline.id, source: 'conversation' },
        })
        await recordAudit(tx, {
          actorId,
          action: 'feedback.close',
          subjectType: 'Feedback',
          subjectId: question.id,
          regionId,
          before: { status: question.status },
          after: { status: 'closed', draftId: guideline.id },
        })
      },
    },
  )
  return draft
}

/** The reader's own feedback on one guideline, newest first. */
export function listMyFeedback(ability: AppAbility, userId: string, guidelineId: string) {
  return withPeople(
    prisma.feedback.findMany({
      where: { AND: [readable(ability), { authorId: userId, guidelineId }] },
      orderBy: { createdAt: 'desc' },
      select: ownFeedbackSelect,
    }),
  )
}

/** Answers to the reader's feedback they have not seen in the handbook yet (answered in the last 30 days). */
export function listRecentAnswers(ability: AppAbility, userId: string, regionId: string) {
  return withPeople(
    prisma.feedback.findMany({
      where: {
        AND: [
          readable(ability),
          {
            authorId: userId,
            regionId,
            guidelineId: { not: null },
            answeredAt: { gte: new Date(Date.now() - 30 * 86_400_000) },
          },
        ],
      },
      orderBy: { answeredAt: 'desc' },
      take: 5,
      select: { id: true, guidelineId: true, answer: true, authorId: true, answeredById: true },
    }),
  )
}

/** The region whose feedback inbox this is, if the user handles it (the manager): NotFound / Forbidden otherwise. */
export async function requireFeedbackInbox(ability: AppAbility, regionId: string) {
  const region = await requireRegion(ability, regionId)
  authorize(ability, 'update', 'Feedback', { regionId: region.id })
  return { id: region.id, name: region.name }
}

/** The region's inbox: open first, then the rest, with the guideline's title. */
export function listRegionFeedback(ability: AppAbility, regionId: string) {
  return prisma.feedback.findMany({
    where: { AND: [readable(ability), { regionId }] },
    orderBy: [{ status: 'asc' }, { createdAt: 'desc' }],
    take: 200,
    select: { ...feedbackSelect, guideline: { select: { id: true, title: true } } },
  })
}

/** Feedback regions passed to HQ about a principle (HQ sees it beside the principle). */
export async function listFeedbackForPrinciple(ability: AppAbility, principleId: string) {
  const items = await prisma.feedback.findMany({
    where: { AND: [readable(ability), { principleId, passedToHqAt: { not: null } }] },
    orderBy: { passedToHqAt: 'desc' },
    select: { ...feedbackSelect, guideline: { select: { title: true, region: { select: { name: true } } } } },
  })
  return items.flatMap(({ guideline, ...item }) => (guideline ? [{ ...item, guideline }] : []))
}

type Handling = { kind: 'answer'; answer: string } | { kind: 'close' } | { kind: 'pass' }

export async function handleFeedback(
  ability: AppAbility,
  actorId: string,
  regionId: string,
  feedbackId: string,
  handling: Handling,
) {
  await prisma.$transaction(async (tx) => {
    const feedback = await tx.feedback.findFirst({ where: { AND: [readable(ability), { id: feedbackId, regionId }] } })
    invariantFound(feedback)
    authorize(ability, 'update', 'Feedback', feedback)
    if (handling.kind === 'pass' && feedback.passedToHqAt) throw new Conflict('feedback.errors.alreadyPassed')
    // A question is the region's own: it becomes a draft, not input for a principle.
    if (handling.kind === 'pass' && !feedback.guidelineId) throw new Conflict('feedback.errors.questionNotPassed')
    const data =
      handling.kind === 'answer'
        ? { answer: handling.answer, answeredById: actorId, answeredAt: new Date(), status: 'answered' as const }
        : handling.kind === 'close'
          ? { status: 'closed' as const }
          : { passedToHqAt: new Date() }
    await tx.feedback.update({ where: { id: feedback.id }, data })
    await recordAudit(tx, {
      actorId,
      action: `feedback.${handling.kind}`,
      subjectType: 'Feedback',
      subjectId: feedback.id,
      regionId,
      before: { status: feedback.status },
      after: JSON.parse(JSON.stringify(data)),
    })
    if (handling.kind === 'answer')
      await recordEvent(tx, actorId, { kind: 'feedback.answered', feedbackId: feedback.id })
    if (handling.kind === 'pass') await recordEvent(tx, actorId, { kind: 'feedback.passedOn', feedbackId: feedback.id })
  })
}

export function countOpenFeedback(ability: AppAbility, regionId: string) {
  return prisma.feedback.count({ where: { AND: [readable(ability), { regionId, status: 'open' }] } })
}

/**
 * HQ's inbox: everything the regions passed on, newest first, with the guideline, its region and
 * the principle it is input for. For those who read what every region passes on (HQ, admin).
 */
export async function listHqInbox(ability: AppAbility) {
  authorize(ability, 'read', 'Feedback', { regionId: ANY_REGION, authorId: ANY_REGION, passedToHqAt: new Date() })
  const items = await prisma.feedback.findMany({
    where: { AND: [readable(ability), { passedToHqAt: { not: null }, guidelineId: { not: null } }] },
    orderBy: { passedToHqAt: 'desc' },
    take: 200,
    select: {
      ...feedbackSelect,
      guideline: {
        select: {
          id: true,
          title: true,
          region: { select: { name: true } },
          principle: { select: { slug: true, title: true } },
        },
      },
    },
  })
  return items.flatMap(({ guideline, ...item }) => (guideline ? [{ ...item, guideline }] : []))
}
