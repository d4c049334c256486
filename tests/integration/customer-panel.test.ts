// Customers consulted through invitation links, on both engines: who opens a round and reviews
// answers (over HTTP), links stored only as hashes, one answer per link (also when sent twice at
// once), closed and unknown links, personal data refused, the public page showing nothing but the
// draft and the questions, its rate limit, and accepted answers becoming customer input.
import crypto from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { makeLinks } from '~/models/customer-panel.server.ts'
import * as guidelineRoute from '~/routes/guidelines.$guidelineId._index.tsx'
import * as publicRoute from '~/routes/k.$token.tsx'
import * as panelRoute from '~/routes/panels.$roundId.tsx'
import * as principleRoute from '~/routes/principles.$slug._index.tsx'
import { prisma } from '~/utils/db.server.ts'
import { PUBLIC_PAGE_LIMIT } from '~/utils/throttle.server.ts'
import { makeGuideline, makeOrganisation, makePrinciple, signInRoles } from '../factories.ts'
import { callRoute, type Outcome } from '../route-helpers.ts'

const ROLES = ['admin', 'hq', 'manager', 'member', 'frontline', 'otherManager'] as const
type Role = (typeof ROLES)[number]
let org: Awaited<ReturnType<typeof makeOrganisation>>
let abilities: Awaited<ReturnType<typeof signInRoles<Role>>>['abilities']
let cookies: Record<Role, string>
let draftId: string
let roundId: string

const inTwoWeeks = () => new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10)
const post = (route: { action: unknown }, role: Role, params: Record<string, string>, form: Record<string, string>) =>
  callRoute(route.action as never, { cookie: cookies[role], params, form })

/** A request to a customer's link from an address of its own (each test its own, for the rate limit). */
async function visit(
  token: string,
  form?: Record<string, string>,
  address = `10.${crypto.randomInt(255)}.${crypto.randomInt(255)}.1`,
) {
  const handler = (form ? publicRoute.action : publicRoute.loader) as never as (args: object) => Promise<unknown>
  const request = new Request(`http://localhost/k/${token}`, {
    method: form ? 'POST' : 'GET',
    body: form ? new URLSearchParams(form) : undefined,
  })
  let value: unknown
  try {
    value = await handler({ request, params: { token }, context: { clientAddress: address } })
  } catch (thrown) {
    value = thrown
  }
  if (value instanceof Response) return { status: value.status, location: value.headers.get('Location') } as Outcome
  if (value && typeof value === 'object' && (value as { type?: string }).type === 'DataWithResponseInit') {
    const { data, init } = value as { data: unknown; init?: { status?: number } }
    return { status: init?.status ?? 200, data } as Outcome
  }
  return { status: 200, data: JSON.parse(JSON.stringify(value)) } as Outcome
}

beforeAll(async () => {
  org = await makeOrganisation()
  ;({ abilities, cookies } = await signInRoles(org, ROLES))
  const principle = await makePrinciple(org.users.hq.id, { status: 'published', publishedVersion: 1 })
  draftId = (
    await makeGuideline(org.users.member.id, {
      regionId: org.regionA.id,
      principleId: principle.id,
      status: 'draft',
      title: 'Ruilen zonder bon',
    })
  ).id
})

describe('opening a round', () => {
  it('only the region’s manager opens one on a draft, over HTTP; not on a published guideline', async () => {
    const form = {
      intent: 'open-panel',
      question1: 'Is dit duidelijk?',
      question2: 'Wat mist u?',
      closesOn: inTwoWeeks(),
    }
    for (const role of ['member', 'frontline', 'otherManager', 'hq'] as const) {
      expect([403, 404], role).toContain((await post(guidelineRoute, role, { guidelineId: draftId }, form)).status)
    }
    const opened = await post(guidelineRoute, 'manager', { guidelineId: draftId }, form)
    expect(opened.status).toBe(302)
    const round = await prisma.customerConsultation.findFirstOrThrow({ where: { guidelineId: draftId } })
    roundId = round.id
    expect(opened.location).toBe(`/panels/${round.id}`)
    // Sent again (a double click), the same round comes back: one round, one audit row.
    expect((await post(guidelineRoute, 'manager', { guidelineId: draftId }, form)).location).toBe(`/panels/${round.id}`)
    expect(await prisma.customerConsultation.count({ where: { guidelineId: draftId } })).toBe(1)
    expect(round).toMatchObject({ regionId: org.regionA.id, title: 'Ruilen zonder bon', question2: 'Wat mist u?' })
    const published = await makeGuideline(org.users.manager.id, {
      regionId: org.regionA.id,
      principleId: round.guidelineId
        ? (await prisma.guideline.findUniqueOrThrow({ where: { id: draftId } })).principleId
        : '',
      status: 'published',
      publishedVersion: 1,
    })
    expect((await post(guidelineRoute, 'manager', { guidelineId: published.id }, form)).status).toBe(409)
    const past = await post(guidelineRoute, 'manager', { guidelineId: draftId }, { ...form, closesOn: '2001-01-01' })
    expect(past.status).toBe(400)
  })

  it('HQ opens one on a principle it is revising; a manager may not', async () => {
    const principle = await makePrinciple(org.users.hq.id, { status: 'draft' })
    const form = { intent: 'open-panel', question1: 'Herkent u dit?', closesOn: inTwoWeeks() }
    expect([403, 404]).toContain((await post(principleRoute, 'manager', { slug: principle.slug }, form)).status)
    expect((await post(principleRoute, 'hq', { slug: principle.slug }, form)).status).toBe(302)
  })
})

describe('links and answers', () => {
  it('links are made by the owner only and stored only as hashes', async () => {
    expect([403, 404]).toContain(
      (await post(panelRoute, 'member', { roundId }, { intent: 'links', count: '2' })).status,
    )
    const made = await post(panelRoute, 'manager', { roundId }, { intent: 'links', count: '3' })
    expect(made.status).toBe(200)
    const links = (made.data as { links: string[] }).links
    expect(links).toHaveLength(3)
    const token = links[0]!.split('/k/')[1]!
    const stored = await prisma.customerInvitation.findMany({ where: { consultationId: roundId } })
    expect(stored).toHaveLength(3)
    expect(JSON.stringify(stored)).not.toContain(token)
    expect(stored.map((s) => s.tokenHash)).toContain(crypto.createHash('sha256').update(token).digest('hex'))
  })

  it('the public page shows the draft and the questions and nothing else; an unknown link is a 404', async () => {
    const [token] = await makeLinks(abilities.manager, org.users.manager.id, roundId, 1)
    const page = await visit(token!)
    expect(page.status).toBe(200)
    const data = page.data as { state: string; title: string; question1: string; html: string }
    expect(data).toMatchObject({ state: 'open', title: 'Ruilen zonder bon', question1: 'Is dit duidelijk?' })
    const text = JSON.stringify(page.data)
    for (const secret of [org.regionA.name, org.users.manager.name, org.users.member.name, roundId, draftId])
      expect(text).not.toContain(secret)
    expect((await visit('x'.repeat(32))).status).toBe(404)
    expect((await visit('../../etc')).status).toBe(404)
  })

  it('one answer per link, also when sent twice at once; personal data is refused; a closed round takes none', async () => {
    const [token, other] = await makeLinks(abilities.manager, org.users.manager.id, roundId, 2)
    const pii = await visit(token!, { answer1: 'Mail me: klant@example.nl' })
    expect(pii.status).toBe(400)
    const both = await Promise.all([
      visit(token!, { answer1: 'Ja, helder.', answer2: 'Een voorbeeld.' }),
      visit(token!, { answer1: 'Ja, helder.', answer2: 'Een voorbeeld.' }),
    ])
    expect(both.map((o) => o.status).sort()).toEqual([302, 409])
    expect(
      await prisma.customerResponse.count({
        where: { invitation: { tokenHash: crypto.createHash('sha256').update(token!).digest('hex') } },
      }),
    ).toBe(1)
    expect(((await visit(token!)).data as { state: string }).state).toBe('answered')
    await prisma.customerInvitation.updateMany({
      where: { tokenHash: crypto.createHash('sha256').update(other!).digest('hex') },
      data: { expiresAt: new Date(Date.now() - 1000) },
    })
    expect(((await visit(other!)).data as { state: string; html: unknown }).state).toBe('closed')
    expect((await visit(other!, { answer1: 'Te laat' })).status).toBe(409)
  })

  it('too many requests from one address are refused with 429', async () => {
    const [token] = await makeLinks(abilities.manager, org.users.manager.id, roundId, 1)
    const address = `10.250.${crypto.randomInt(255)}.9`
    const statuses: number[] = []
    for (let i = 0; i <= PUBLIC_PAGE_LIMIT.points; i++) statuses.push((await visit(token!, undefined, address)).status)
    expect(statuses.slice(0, PUBLIC_PAGE_LIMIT.points).every((s) => s === 200)).toBe(true)
    expect(statuses.at(-1)).toBe(429)
  })
})

describe('reviewing answers', () => {
  it('the owner accepts (it becomes customer input, source panel) or rejects, once; a member may not', async () => {
    const responses = await prisma.customerResponse.findMany({ where: { consultationId: roundId } })
    const response = responses[0]!
    expect([403, 404]).toContain(
      (await post(panelRoute, 'member', { roundId }, { intent: 'accept', responseId: response.id })).status,
    )
    expect((await post(panelRoute, 'manager', { roundId }, { intent: 'accept', responseId: response.id })).status).toBe(
      302,
    )
    expect((await post(panelRoute, 'manager', { roundId }, { intent: 'reject', responseId: response.id })).status).toBe(
      409,
    )
    const input = await prisma.customerInput.findFirstOrThrow({ where: { guidelineId: draftId, source: 'panel' } })
    expect(input.said).toContain('Is dit duidelijk? — Ja, helder.')
    expect(input.said).toContain('Wat mist u? — Een voorbeeld.')
  })
})
