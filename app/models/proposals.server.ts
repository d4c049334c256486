// A good local rule finds its way back to HQ: a region's manager proposes a published guideline
// as input for its principle's next version, or as a new principle. It lands in HQ's inbox with
// the guideline's customer input, read rate and feedback; HQ takes it into a draft (the principle's
// working copy gets the text, attributed; or a new principle starts from it) or declines with a
// reason the region sees. One open proposal per guideline (a database index); audited.
import { accessibleBy } from '@casl/prisma/runtime'
import type { JSONContent } from '@tiptap/core'
import type { ProposalKind } from '~/generated/prisma/enums.ts'
import { parseDocument } from '~/editor/document.ts'
import { renderVersionHtml } from '~/editor/render.server.ts'
import { ANY_REGION, type AppAbility } from '~/permissions/ability.ts'
import { authorize } from '~/permissions/authorize.ts'
import { prisma } from '~/utils/db.server.ts'
import { Conflict, Invalid, invariantFound, isUniqueViolation } from '~/utils/errors.ts'
import { recordAudit } from './audit.server.ts'
import type { Tx } from './document.server.ts'
import { requireGuideline } from './guideline.server.ts'
import { createPrinciple, savePrinciple } from './principle.server.ts'
import { confirmationCounts } from './read-campaign.server.ts'

const readable = (ability: AppAbility) => accessibleBy(ability, 'read').ofType('Proposal')

/** The manager proposes the guideline's published version to HQ. */
export async function proposeToHq(
  ability: AppAbility,
  actorId: string,
  guidelineId: string,
  input: { kind: ProposalKind; note: string },
) {
  const { guideline } = await requireGuideline(ability, guidelineId)
  authorize(ability, 'create', 'Proposal', { regionId: guideline.regionId })
  if (guideline.status === 'archived' || guideline.publishedVersion === 0)
    throw new Conflict('proposals.errors.notPublished')
  try {
    return await prisma.$transaction(async (tx) => {
      const proposal = await tx.proposal.create({
        data: {
          kind: input.kind,
          guidelineId: guideline.id,
          versionNumber: guideline.publishedVersion,
          regionId: guideline.regionId,
          principleId: guideline.principleId,
          note: input.note,
          createdById: actorId,
        },
      })
      await recordAudit(tx, {
        actorId,
        action: 'proposal.create',
        subjectType: 'Guideline',
        subjectId: guideline.id,
        regionId: guideline.regionId,
        after: { proposal: proposal.id, kind: input.kind, version: guideline.publishedVersion },
      })
      return proposal
    })
  } catch (error) {
    // A second open proposal for the same guideline (a double click, two managers at once).
    if (isUniqueViolation(error)) throw new Conflict('proposals.errors.alreadyOpen')
    throw error
  }
}

/** A guideline's proposals as its region sees them (status, HQ's reason). */
export function listGuidelineProposals(ability: AppAbility, guidelineId: string) {
  return prisma.proposal.findMany({
    where: { AND: [readable(ability), { guidelineId }] },
    orderBy: { createdAt: 'desc' },
    select: proposalFields,
  })
}

/** What a proposal says and what became of it. */
const proposalFields = {
  id: true,
  kind: true,
  versionNumber: true,
  note: true,
  status: true,
  reason: true,
  createdAt: true,
  decidedAt: true,
  resultPrinciple: { select: { slug: true } },
} as const

/** HQ's inbox of proposals: open ones first, each with what the region knows about its rule. */
export async function listProposals(ability: AppAbility) {
  authorize(ability, 'update', 'Proposal', { regionId: ANY_REGION })
  const proposals = await prisma.proposal.findMany({
    where: readable(ability),
    orderBy: [{ status: 'asc' }, { createdAt: 'desc' }],
    take: 100,
    select: {
      ...proposalFields,
      region: { select: { id: true, name: true } },
      principle: { select: { slug: true, title: true } },
      createdBy: { select: { name: true } },
      guideline: {
        select: {
          id: true,
          versions: { select: { id: true, number: true, title: true, body: true } },
          customerInputs: {
            orderBy: { heardOn: 'desc' },
            take: 10,
            select: { id: true, said: true, source: true, heardOn: true },
          },
          feedback: { orderBy: { createdAt: 'desc' }, take: 10, select: { id: true, body: true, createdAt: true } },
        },
      },
    },
  })
  const readRates = await proposalReadRates(
    ability,
    proposals.map((p) => p.region.id),
  )
  return proposals.map(({ guideline, ...proposal }) => {
    const version = guideline.versions.find((v) => v.number === proposal.versionNumber)
    return {
      ...proposal,
      guidelineId: guideline.id,
      title: version?.title ?? '',
      html: version ? renderVersionHtml(version.id, version.body) : '',
      customerInputs: guideline.customerInputs,
      feedback: guideline.feedback,
      readRate: readRates.get(guideline.id) ?? null,
    }
  })
}

/** Per proposed guideline: how many of its region's frontline staff confirmed its current text. */
async function proposalReadRates(ability: AppAbility, regionIds: string[]) {
  const counts = await Promise.all([...new Set(regionIds)].map((regionId) => confirmationCounts(ability, regionId)))
  const rates = new Map<string, { confirmed: number; frontline: number }>()
  for (const { frontline, confirmed } of counts)
    for (const [guidelineId, n] of confirmed) rates.set(guidelineId, { confirmed: n, frontline })
  return rates
}

async function requireOpenProposal(ability: AppAbility, proposalId: string) {
  const proposal = await prisma.proposal.findFirst({
    where: { AND: [readable(ability), { id: proposalId }] },
    include: { region: { select: { name: true } } },
  })
  invariantFound(proposal)
  authorize(ability, 'update', 'Proposal', proposal)
  if (proposal.status !== 'open') throw new Conflict('proposals.errors.decided')
  return proposal
}

/** Marks the proposal decided, once: a second decision (a double click, two HQ editors) is a conflict. */
async function decide(
  tx: Tx,
  actorId: string,
  proposal: { id: string; guidelineId: string; regionId: string },
  data: { status: 'accepted' | 'declined'; reason?: string; resultPrincipleId?: string },
) {
  const { count } = await tx.proposal.updateMany({
    where: { id: proposal.id, status: 'open' },
    data: { ...data, decidedById: actorId, decidedAt: new Date() },
  })
  if (!count) throw new Conflict('proposals.errors.decided')
  await recordAudit(tx, {
    actorId,
    action: `proposal.${data.status === 'accepted' ? 'accept' : 'decline'}`,
    subjectType: 'Guideline',
    subjectId: proposal.guidelineId,
    regionId: proposal.regionId,
    after: { proposal: proposal.id, ...(data.reason ? { reason: data.reason } : {}) },
  })
}

/**
 * HQ takes the proposal into a draft: for a revision, the proposed text is added to the end of the
 * principle's working copy under a heading naming the region (a published principle gets a draft
 * revision; everyone keeps reading the published version); for a new principle, a new draft
 * starts from it. Returns the principle's slug, for HQ's editor.
 */
export async function acceptProposal(ability: AppAbility, actorId: string, proposalId: string) {
  const proposal = await requireOpenProposal(ability, proposalId)
  const version = await prisma.guidelineVersion.findFirstOrThrow({
    where: { guidelineId: proposal.guidelineId, number: proposal.versionNumber },
    select: { title: true, body: true },
  })
  const heading = `Voorstel van regio ${proposal.region.name}: ${version.title}`
  const proposed = ((version.body as JSONContent).content ?? []).filter((node) => node.type !== 'frame')
  if (proposal.kind === 'new_principle') {
    const document = checked({ type: 'doc', content: proposed })
    const principle = await createPrinciple(ability, actorId, { title: version.title, ...document }, (principle, tx) =>
      decide(tx, actorId, proposal, { status: 'accepted', resultPrincipleId: principle.id }),
    )
    return { slug: principle.slug }
  }
  const principle = await prisma.principle.findUniqueOrThrow({
    where: { id: proposal.principleId },
    select: { id: true, slug: true, title: true, body: true, revision: true, status: true },
  })
  if (principle.status === 'archived') throw new Conflict('proposals.errors.principleArchived')
  const current = principle.body as JSONContent
  const document = checked({
    type: 'doc',
    content: [
      ...(current.content ?? []),
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: heading }] },
      ...proposed,
    ],
  })
  await savePrinciple(
    ability,
    actorId,
    principle.id,
    { title: principle.title, ...document, baseRevision: principle.revision },
    (tx) => decide(tx, actorId, proposal, { status: 'accepted', resultPrincipleId: principle.id }),
  )
  return { slug: principle.slug }
}

/** The combined text, held to the same checks as anything an author saves (too long: a clear refusal). */
function checked(doc: JSONContent) {
  const parsed = parseDocument(JSON.stringify(doc))
  if (!parsed.ok)
    throw new Invalid(parsed.error === 'editor.errors.tooLarge' ? 'proposals.errors.tooLong' : parsed.error)
  return { json: parsed.json, text: parsed.text }
}

/** HQ declines, saying why; the region sees the reason with its guideline. */
export async function declineProposal(ability: AppAbility, actorId: string, proposalId: string, reason: string) {
  const proposal = await requireOpenProposal(ability, proposalId)
  await prisma.$transaction((tx) => decide(tx, actorId, proposal, { status: 'declined', reason }))
}

/** Open proposals, for HQ's start page and menu count. */
export function countOpenProposals(ability: AppAbility) {
  return prisma.proposal.count({ where: { AND: [readable(ability), { status: 'open' }] } })
}
