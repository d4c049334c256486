// Customers consulted: the owner of a draft (a region's manager for a guideline, HQ for a
// principle) opens a round for a customer panel with one or two questions and makes invitation
// links — one per invited customer, random, expiring with the round, stored only as a hash. A
// customer opens the link on a phone without an account, reads the draft as it was when the round
// opened, and answers once. Answers count only after the owner accepted them; then a guideline's
// appear as its customer input. The public page shows nothing but that text and the questions.
import { createHash, randomBytes } from 'node:crypto'
import { accessibleBy } from '@casl/prisma/runtime'
import type { Prisma } from '~/generated/prisma/client.ts'
import { renderVersionHtml } from '~/editor/render.server.ts'
import { can, type AppAbility } from '~/permissions/ability.ts'
import { authorize } from '~/permissions/authorize.ts'
import { prisma } from '~/utils/db.server.ts'
import { Conflict, Invalid, invariantFound, isUniqueViolation, NotFound, TooManyAttempts } from '~/utils/errors.ts'
import { attemptPublicRequest } from '~/utils/throttle.server.ts'
import { refusePersonalData } from '~/validation/personal-data.server.ts'
import { recordAudit } from './audit.server.ts'
import { findRepeat } from './repeat.server.ts'

/** Links made at once, at most. */
export const MAX_LINKS = 200
const DAY = 86_400_000

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex')
const readable = (ability: AppAbility) => accessibleBy(ability, 'read').ofType('CustomerConsultation')

export interface RoundInput {
  question1: string
  question2?: string
  closesAt: Date
}

/** Opens a round on a guideline draft (or one in review) or on a principle's working copy. */
export async function openRound(
  ability: AppAbility,
  actorId: string,
  target: { guidelineId: string } | { principleId: string },
  input: RoundInput,
  now = new Date(),
) {
  if (input.closesAt <= now) throw new Invalid('panel.errors.closesInPast', 'closesOn')
  if (input.closesAt.getTime() - now.getTime() > 90 * DAY) throw new Invalid('panel.errors.closesTooLate', 'closesOn')
  let data: Prisma.CustomerConsultationUncheckedCreateInput
  if ('guidelineId' in target) {
    const guideline = await prisma.guideline.findFirst({
      where: { AND: [accessibleBy(ability, 'readDraft').ofType('Guideline'), { id: target.guidelineId }] },
      select: { id: true, regionId: true, status: true, title: true, body: true },
    })
    invariantFound(guideline)
    authorize(ability, 'create', 'CustomerConsultation', { regionId: guideline.regionId, guidelineId: guideline.id })
    if (guideline.status !== 'draft' && guideline.status !== 'review') throw new Conflict('panel.errors.notADraft')
    data = {
      guidelineId: guideline.id,
      regionId: guideline.regionId,
      title: guideline.title,
      body: guideline.body as Prisma.InputJsonValue,
      ...questions(input),
      ownerId: actorId,
    }
  } else {
    const principle = await prisma.principle.findFirst({
      where: { AND: [accessibleBy(ability, 'readDraft').ofType('Principle'), { id: target.principleId }] },
      select: { id: true, status: true, title: true, body: true },
    })
    invariantFound(principle)
    authorize(ability, 'create', 'CustomerConsultation', { principleId: principle.id, regionId: null })
    if (principle.status !== 'draft' && principle.status !== 'consultation')
      throw new Conflict('panel.errors.notADraft')
    data = {
      principleId: principle.id,
      title: principle.title,
      body: principle.body as Prisma.InputJsonValue,
      ...questions(input),
      ownerId: actorId,
    }
  }
  return prisma.$transaction(async (tx) => {
    // The same round opened twice within a minute (a double click, a resend) is opened once.
    const repeat = await findRepeat(tx, `CustomerConsultation:${actorId}`, (since) =>
      tx.customerConsultation.findFirst({
        where: {
          guidelineId: data.guidelineId ?? null,
          principleId: data.principleId ?? null,
          question1: data.question1,
          ownerId: actorId,
          createdAt: { gte: since },
        },
      }),
    )
    if (repeat) return repeat
    const round = await tx.customerConsultation.create({ data })
    await recordAudit(tx, {
      actorId,
      action: 'panel.open',
      subjectType: round.guidelineId ? 'Guideline' : 'Principle',
      subjectId: (round.guidelineId ?? round.principleId)!,
      regionId: round.regionId,
      after: { round: round.id, closesAt: input.closesAt.toISOString() },
    })
    return round
  })
}

const questions = (input: RoundInput) => ({
  question1: input.question1,
  question2: input.question2 || null,
  closesAt: input.closesAt,
})

async function requireRound(ability: AppAbility, roundId: string, action: 'read' | 'update' = 'read') {
  const round = await prisma.customerConsultation.findFirst({ where: { AND: [readable(ability), { id: roundId }] } })
  invariantFound(round)
  authorize(ability, action, 'CustomerConsultation', round)
  return round
}

/**
 * Makes `count` new invitation links for the round. The tokens are returned this once (to hand
 * out); only their hashes are stored, so nobody can read a link back out of Leidraad.
 */
export async function makeLinks(
  ability: AppAbility,
  actorId: string,
  roundId: string,
  count: number,
  now = new Date(),
) {
  const round = await requireRound(ability, roundId, 'update')
  if (round.closesAt <= now) throw new Conflict('panel.errors.closed')
  const tokens = Array.from({ length: count }, () => randomBytes(24).toString('base64url'))
  await prisma.$transaction(async (tx) => {
    await tx.customerInvitation.createMany({
      data: tokens.map((token) => ({ consultationId: round.id, tokenHash: hashOf(token), expiresAt: round.closesAt })),
    })
    await recordAudit(tx, {
      actorId,
      action: 'panel.links',
      subjectType: round.guidelineId ? 'Guideline' : 'Principle',
      subjectId: (round.guidelineId ?? round.principleId)!,
      regionId: round.regionId,
      after: { round: round.id, links: count },
    })
  })
  return tokens
}

/** The owner's page of a round: the questions, how many were invited and answered, the answers to review. */
export async function roundPage(ability: AppAbility, roundId: string, now = new Date()) {
  const round = await requireRound(ability, roundId)
  const [invited, responses] = await Promise.all([
    prisma.customerInvitation.count({ where: { consultationId: round.id } }),
    prisma.customerResponse.findMany({
      where: { AND: [accessibleBy(ability, 'read').ofType('CustomerResponse'), { consultationId: round.id }] },
      orderBy: [{ status: 'asc' }, { createdAt: 'desc' }],
      select: { id: true, answer1: true, answer2: true, status: true, createdAt: true },
    }),
  ])
  return {
    round: {
      id: round.id,
      title: round.title,
      question1: round.question1,
      question2: round.question2,
      closesAt: round.closesAt,
      open: round.closesAt > now,
      back: round.guidelineId ? `/guidelines/${round.guidelineId}` : null,
      principleId: round.principleId,
    },
    invited,
    responses,
    mayReview: can(ability, 'update', 'CustomerConsultation', round),
  }
}

/** A draft's rounds, for its page (whoever may read them). */
export function listRounds(ability: AppAbility, target: { guidelineId: string } | { principleId: string }) {
  return prisma.customerConsultation.findMany({
    where: { AND: [readable(ability), target] },
    orderBy: { createdAt: 'desc' },
    select: {
      id: true,
      question1: true,
      closesAt: true,
      _count: { select: { invitations: true, responses: true } },
      responses: {
        where: { status: 'accepted' },
        orderBy: { createdAt: 'desc' },
        select: { id: true, answer1: true, answer2: true, createdAt: true },
      },
    },
  })
}

/**
 * The owner accepts an answer (it counts: a guideline's gets customer input, source "klantpanel")
 * or rejects it. Once: a second decision is a conflict.
 */
export async function reviewResponse(
  ability: AppAbility,
  actorId: string,
  roundId: string,
  responseId: string,
  decision: 'accepted' | 'rejected',
) {
  const round = await requireRound(ability, roundId, 'update')
  const response = await prisma.customerResponse.findFirst({ where: { id: responseId, consultationId: round.id } })
  invariantFound(response)
  authorize(ability, 'update', 'CustomerResponse', { ...response, consultation: round })
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.customerResponse.updateMany({
      where: { id: response.id, status: 'pending' },
      data: { status: decision, reviewedById: actorId, reviewedAt: new Date() },
    })
    if (!count) throw new Conflict('panel.errors.reviewed')
    if (decision === 'accepted' && round.guidelineId) {
      const said = [
        `${round.question1} — ${response.answer1}`,
        round.question2 && response.answer2 ? `${round.question2} — ${response.answer2}` : null,
      ]
        .filter(Boolean)
        .join('\n')
      await tx.customerInput.create({
        data: {
          guidelineId: round.guidelineId,
          said,
          source: 'panel',
          heardOn: response.createdAt,
          createdById: actorId,
        },
      })
    }
    await recordAudit(tx, {
      actorId,
      action: `panel.${decision === 'accepted' ? 'accept' : 'reject'}`,
      subjectType: round.guidelineId ? 'Guideline' : 'Principle',
      subjectId: (round.guidelineId ?? round.principleId)!,
      regionId: round.regionId,
      after: { round: round.id, response: response.id },
    })
  })
}

// --- The public page -----------------------------------------------------------------------------

/** Every request to a customer's link counts against its address's limit (429 above it). */
export async function throttlePublic(address: string) {
  const attempt = await attemptPublicRequest(address)
  if (!attempt.allowed) throw new TooManyAttempts('panel.errors.tooMany', undefined, attempt.retryAfterSeconds)
}

/** What a link shows: the draft's text and the questions, or that it was used or has closed. Unknown: 404. */
export async function invitationView(token: string, now = new Date()) {
  const invitation = await findInvitation(token)
  const { consultation } = invitation
  const state = invitation.response ? 'answered' : invitation.expiresAt <= now ? 'closed' : 'open'
  return {
    state,
    title: consultation.title,
    html: state === 'open' ? renderVersionHtml(`panel:${consultation.id}`, consultation.body) : null,
    question1: consultation.question1,
    question2: consultation.question2,
  } as const
}

async function findInvitation(token: string) {
  if (!/^[\w-]{20,64}$/.test(token)) throw new NotFound()
  const invitation = await prisma.customerInvitation.findUnique({
    where: { tokenHash: hashOf(token) },
    select: {
      id: true,
      expiresAt: true,
      consultationId: true,
      response: { select: { id: true } },
      consultation: { select: { id: true, title: true, body: true, question1: true, question2: true } },
    },
  })
  if (!invitation) throw new NotFound()
  return invitation
}

/** The customer's answers, once per link, while the round is open; no personal data. */
export async function answerInvitation(
  token: string,
  answers: { answer1: string; answer2?: string },
  now = new Date(),
) {
  const invitation = await findInvitation(token)
  if (invitation.expiresAt <= now) throw new Conflict('panel.errors.closed')
  if (invitation.response) throw new Conflict('panel.errors.answered')
  for (const field of ['answer1', 'answer2'] as const)
    refusePersonalData(answers[field], field, 'panel.errors.personalData')
  try {
    await prisma.customerResponse.create({
      data: {
        invitationId: invitation.id,
        consultationId: invitation.consultationId,
        answer1: answers.answer1,
        answer2: invitation.consultation.question2 ? answers.answer2 || null : null,
      },
    })
  } catch (error) {
    // Two sends at once through the same link: the second finds the first.
    if (isUniqueViolation(error)) throw new Conflict('panel.errors.answered')
    throw error
  }
}

/** Whether the user may open a round on this draft (its region's manager; HQ for a principle). */
export function mayOpenRound(
  ability: AppAbility,
  draft: { status: string } & ({ guidelineId: string; regionId: string } | { principleId: string }),
) {
  const inProgress = ['draft', 'review', 'consultation'].includes(draft.status)
  const record =
    'guidelineId' in draft
      ? { guidelineId: draft.guidelineId, regionId: draft.regionId }
      : { principleId: draft.principleId, regionId: null }
  return inProgress && can(ability, 'create', 'CustomerConsultation', record)
}
