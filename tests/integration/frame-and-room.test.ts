// HQ sets the frame, regions use the room — on both engines: kader and ruimte on the frontline
// page and in the overview's count, shared examples (who reads them, starting from one, being told
// of a new version), and proposals to HQ (who may send and decide, once, with the region seeing
// the answer). Every permission is checked over HTTP where a route serves it.
import { beforeAll, describe, expect, it } from 'vitest'
import { findSessionUser } from '~/models/auth.server.ts'
import { coverageMatrix } from '~/models/coverage.server.ts'
import { startPage } from '~/models/home.server.ts'
import { listExamples } from '~/models/examples.server.ts'
import { publishGuideline, saveGuideline } from '~/models/guideline.server.ts'
import { getHandbookGuideline } from '~/models/handbook.server.ts'
import { processPendingEvents } from '~/models/notifications.server.ts'
import { listGuidelineProposals, listProposals } from '~/models/proposals.server.ts'
import { roomOf } from '~/editor/frame.ts'
import * as guidelineRoute from '~/routes/guidelines.$guidelineId._index.tsx'
import * as handbookRoute from '~/routes/handbook.$regionId.$guidelineId.tsx'
import * as inboxRoute from '~/routes/inbox.tsx'
import * as principleRoute from '~/routes/principles.$slug._index.tsx'
import { prisma } from '~/utils/db.server.ts'
import { makeGuideline, makeOrganisation, makePrinciple, signInRoles } from '../factories.ts'
import { callRoute } from '../route-helpers.ts'

const ROLES = ['admin', 'hq', 'manager', 'member', 'frontline', 'outsider', 'otherManager'] as const
type Role = (typeof ROLES)[number]
let org: Awaited<ReturnType<typeof makeOrganisation>>
let abilities: Awaited<ReturnType<typeof signInRoles<Role>>>['abilities']
let cookies: Record<Role, string>
let principle: Awaited<ReturnType<typeof makePrinciple>>

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] })
const framed = {
  type: 'doc',
  content: [
    { type: 'frame', attrs: { kind: 'kader' }, content: [paragraph('Altijd binnen een dag.')] },
    { type: 'frame', attrs: { kind: 'ruimte' }, content: [paragraph('Het bedrag kiest de regio.')] },
  ],
}

beforeAll(async () => {
  org = await makeOrganisation()
  ;({ abilities, cookies } = await signInRoles(org, ROLES))
  principle = await makePrinciple(org.users.hq.id, { status: 'published', publishedVersion: 1 })
  // The principle's published text marks its frame and its room.
  await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`ALTER TABLE "PrincipleVersion" DISABLE TRIGGER "PrincipleVersion_immutable"`
    await tx.principleVersion.updateMany({ where: { principleId: principle.id }, data: { body: framed } })
    await tx.$executeRaw`ALTER TABLE "PrincipleVersion" ENABLE TRIGGER "PrincipleVersion_immutable"`
  })
})

const published = (regionId: string, authorId: string, title?: string) =>
  makeGuideline(authorId, { regionId, principleId: principle.id, status: 'published', publishedVersion: 1, title })
const post = (route: { action: unknown }, role: Role, params: Record<string, string>, form: Record<string, string>) =>
  callRoute(route.action as never, { cookie: cookies[role], params, form })

describe('kader and ruimte', () => {
  it('frontline sees the room the principle leaves under a rule; the overview counts the regions that filled it', async () => {
    const rule = await published(org.regionA.id, org.users.manager.id)
    const page = await callRoute(handbookRoute.loader as never, {
      cookie: cookies.frontline,
      params: { regionId: org.regionA.id, guidelineId: rule.id },
    })
    expect(page.status).toBe(200)
    const data = JSON.parse(JSON.stringify(page.data)) as { principle: { roomHtml: string | null } }
    expect(data.principle.roomHtml).toContain('Het bedrag kiest de regio.')
    expect(data.principle.roomHtml).not.toContain('Altijd binnen een dag.')
    expect(roomOf(framed).content).toHaveLength(1)
    const { rows } = await coverageMatrix(abilities.hq)
    const room = (regionId: string) => rows.find((r) => r.region.id === regionId)!.room
    expect(room(org.regionA.id).filled).toBeGreaterThanOrEqual(1)
    expect(room(org.regionB.id)).toMatchObject({ filled: 0 })
    expect(room(org.regionB.id).total).toBe(room(org.regionA.id).total)
    await getHandbookGuideline(abilities.frontline, org.users.frontline.id, org.regionA.id, rule.id)
  })
})

describe('shared examples', () => {
  it('only the region’s manager shares, over HTTP; a double click shares once', async () => {
    const rule = await published(org.regionA.id, org.users.manager.id, `Voorbeeld ${Date.now()}`)
    for (const role of ['member', 'frontline', 'otherManager', 'hq', 'outsider'] as const) {
      const outcome = await post(guidelineRoute, role, { guidelineId: rule.id }, { intent: 'share' })
      expect([403, 404], role).toContain(outcome.status)
    }
    expect((await prisma.guideline.findUniqueOrThrow({ where: { id: rule.id } })).sharedAt).toBeNull()
    expect((await post(guidelineRoute, 'manager', { guidelineId: rule.id }, { intent: 'share' })).status).toBe(302)
    expect((await post(guidelineRoute, 'manager', { guidelineId: rule.id }, { intent: 'share' })).status).toBe(302)
    const audits = await prisma.auditEvent.count({ where: { subjectId: rule.id, action: 'guideline.share' } })
    expect(audits).toBe(1)
    const draft = await makeGuideline(org.users.manager.id, { regionId: org.regionA.id, principleId: principle.id })
    expect((await post(guidelineRoute, 'manager', { guidelineId: draft.id }, { intent: 'share' })).status).toBe(403)
  })

  it('managers and members of other regions and HQ read the examples; frontline never; withdrawn is gone', async () => {
    const rule = await published(org.regionA.id, org.users.manager.id, `Gedeeld ${Date.now()}`)
    await post(guidelineRoute, 'manager', { guidelineId: rule.id }, { intent: 'share' })
    const titles = async (role: Role) => (await listExamples(abilities[role], principle.id)).map((e) => e.id)
    for (const role of ['otherManager', 'member', 'hq', 'admin'] as const)
      expect(await titles(role), role).toContain(rule.id)
    for (const role of ['frontline', 'outsider'] as const) expect(await titles(role), role).toEqual([])
    // Nor through the principle page's data.
    const page = await callRoute(principleRoute.loader as never, {
      cookie: cookies.frontline,
      params: { slug: principle.slug },
    })
    expect(JSON.stringify(page.data)).not.toContain(rule.id)
    await post(guidelineRoute, 'manager', { guidelineId: rule.id }, { intent: 'unshare' })
    expect(await titles('otherManager')).not.toContain(rule.id)
  })

  it('another region starts its own draft from an example (attributed) and hears of the example’s new version', async () => {
    const rule = await published(org.regionA.id, org.users.manager.id, `Bron ${Date.now()}`)
    await post(guidelineRoute, 'manager', { guidelineId: rule.id }, { intent: 'share' })
    // Frontline may not; nobody starts in a region that is not theirs.
    const refused = await post(
      principleRoute,
      'frontline',
      { slug: principle.slug },
      {
        intent: 'start-from-example',
        exampleId: rule.id,
        regionId: org.regionA.id,
      },
    )
    expect([403, 404, 409]).toContain(refused.status)
    const elsewhere = await post(
      principleRoute,
      'otherManager',
      { slug: principle.slug },
      {
        intent: 'start-from-example',
        exampleId: rule.id,
        regionId: org.regionA.id,
      },
    )
    expect([403, 409]).toContain(elsewhere.status)
    const started = await post(
      principleRoute,
      'otherManager',
      { slug: principle.slug },
      {
        intent: 'start-from-example',
        exampleId: rule.id,
        regionId: org.regionB.id,
      },
    )
    expect(started.status).toBe(302)
    const copy = await prisma.guideline.findFirstOrThrow({ where: { copiedFromId: rule.id } })
    expect(copy).toMatchObject({ regionId: org.regionB.id, status: 'draft', copiedFromVersion: 1 })
    expect(started.location).toBe(`/guidelines/${copy.id}/edit`)
    // A double click — also two clicks at once — starts one draft, and both land on it.
    const again = await Promise.all(
      [1, 2].map(() =>
        post(
          principleRoute,
          'otherManager',
          { slug: principle.slug },
          {
            intent: 'start-from-example',
            exampleId: rule.id,
            regionId: org.regionB.id,
          },
        ),
      ),
    )
    expect(again.map((o) => o.location)).toEqual([started.location, started.location])
    expect(await prisma.guideline.count({ where: { copiedFromId: rule.id } })).toBe(1)
    // The example's region publishes a new version: the copy's region is told.
    const { revision } = await saveGuideline(abilities.manager, org.users.manager.id, rule.id, {
      title: rule.title,
      json: { type: 'doc', content: [paragraph('Nieuwe versie van de bron.')] },
      text: 'Nieuwe versie van de bron.',
      baseRevision: rule.revision,
    })
    await publishGuideline(abilities.manager, org.users.manager.id, rule.id, {
      changeNote: 'Beter',
      reviewBy: new Date(Date.now() + 86_400_000 * 30),
      baseRevision: revision,
    })
    await processPendingEvents()
    const told = await prisma.notification.findMany({
      where: { kind: 'example.updated', link: `/guidelines/${copy.id}` },
    })
    expect(told.map((n) => n.userId)).toEqual([org.users.otherManager.id])
  })
})

describe('proposals to HQ', () => {
  it('the manager proposes once; HQ takes it into the principle’s draft, attributed; a second decision is refused', async () => {
    const rule = await published(org.regionA.id, org.users.manager.id, `Lokale regel ${Date.now()}`)
    const form = { intent: 'propose', kind: 'revision', note: 'Werkt goed bij ons.' }
    for (const role of ['member', 'frontline', 'otherManager', 'hq'] as const) {
      expect([403, 404], role).toContain((await post(guidelineRoute, role, { guidelineId: rule.id }, form)).status)
    }
    expect((await post(guidelineRoute, 'manager', { guidelineId: rule.id }, form)).status).toBe(302)
    expect((await post(guidelineRoute, 'manager', { guidelineId: rule.id }, form)).status).toBe(409)
    const [proposal] = await listGuidelineProposals(abilities.manager, rule.id)
    expect(proposal).toMatchObject({ status: 'open', kind: 'revision', versionNumber: 1 })
    // Another region's manager never sees it; HQ does, with the guideline's read rate.
    expect(await listGuidelineProposals(abilities.otherManager, rule.id)).toEqual([])
    expect((await listProposals(abilities.hq)).find((p) => p.id === proposal!.id)?.readRate).toEqual({
      confirmed: 0,
      frontline: 1,
    })
    // It waits on HQ's start page.
    const session = await prisma.session.create({
      data: { userId: org.users.hq.id, expiresAt: new Date(Date.now() + 3_600_000) },
    })
    const home = await startPage(abilities.hq, (await findSessionUser(session.id))!)
    expect(home.kind === 'home' && home.todo.proposals?.some((item) => item.id === proposal!.id)).toBe(true)
    // Only HQ decides.
    for (const role of ['manager', 'otherManager'] as const) {
      expect([403, 404], role).toContain(
        (await post(inboxRoute, role, {}, { intent: 'accept', proposalId: proposal!.id })).status,
      )
    }
    const accepted = await post(inboxRoute, 'hq', {}, { intent: 'accept', proposalId: proposal!.id })
    expect(accepted.status).toBe(302)
    expect(accepted.location).toBe(`/principles/${principle.slug}/edit`)
    const draft = await prisma.principle.findUniqueOrThrow({ where: { id: principle.id } })
    expect(draft.status).toBe('draft')
    expect(draft.bodyText).toContain(`Voorstel van regio ${org.regionA.name}: ${rule.title}`)
    expect((await post(inboxRoute, 'hq', {}, { intent: 'accept', proposalId: proposal!.id })).status).toBe(409)
    const decided = await prisma.proposal.findUniqueOrThrow({ where: { id: proposal!.id } })
    expect(decided).toMatchObject({ status: 'accepted', resultPrincipleId: principle.id, decidedById: org.users.hq.id })
  })

  it('HQ declines with a reason the region sees; without a reason nothing changes; as a new principle it starts a draft', async () => {
    const rule = await published(org.regionA.id, org.users.manager.id, `Nog een regel ${Date.now()}`)
    await post(
      guidelineRoute,
      'manager',
      { guidelineId: rule.id },
      { intent: 'propose', kind: 'revision', note: 'Graag.' },
    )
    const [proposal] = await listGuidelineProposals(abilities.manager, rule.id)
    const empty = await post(inboxRoute, 'hq', {}, { intent: 'decline', proposalId: proposal!.id, reason: '' })
    expect(empty.status).toBe(400)
    expect(
      await post(inboxRoute, 'hq', {}, { intent: 'decline', proposalId: proposal!.id, reason: 'Past niet overal.' }),
    ).toMatchObject({
      status: 302,
    })
    expect((await listGuidelineProposals(abilities.member, rule.id))[0]).toMatchObject({
      status: 'declined',
      reason: 'Past niet overal.',
    })
    // Declined, it may be proposed again — this time as a new principle, which HQ starts as a draft.
    await post(
      guidelineRoute,
      'manager',
      { guidelineId: rule.id },
      { intent: 'propose', kind: 'new_principle', note: 'Dan als eigen principe?' },
    )
    const again = (await listGuidelineProposals(abilities.manager, rule.id)).find((p) => p.status === 'open')!
    const accepted = await post(inboxRoute, 'hq', {}, { intent: 'accept', proposalId: again.id })
    expect(accepted.status).toBe(302)
    const created = await prisma.principle.findFirstOrThrow({ where: { proposalResults: { some: { id: again.id } } } })
    expect(created).toMatchObject({ status: 'draft', title: rule.title, publishedVersion: 0 })
  })
})
