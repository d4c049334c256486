// Regional guidelines on both engines: the review flow, needs review after a principle change,
// decisions, the coverage query, and the matrix over HTTP (forged region ids, frontline and drafts).
import { beforeAll, describe, expect, it } from 'vitest'
import { parseDocument } from '~/editor/document.ts'
import { coverageMatrix } from '~/models/coverage.server.ts'
import { decide } from '~/models/decision.server.ts'
import { StaleRevisionError } from '~/utils/errors.ts'
import {
  confirmStillValid,
  createGuideline,
  needsReview,
  publishGuideline,
  saveGuideline,
  submitForReview,
} from '~/models/guideline.server.ts'
import { openConsultation, publishPrinciple, savePrinciple } from '~/models/principle.server.ts'
import { defineAbilityFor } from '~/permissions/ability.server.ts'
import * as coverageRoute from '~/routes/coverage.tsx'
import * as guidelineRoute from '~/routes/guidelines.$guidelineId._index.tsx'
import * as editRoute from '~/routes/guidelines.$guidelineId.edit.tsx'
import * as reviewRoute from '~/routes/guidelines.$guidelineId.review.tsx'
import * as newRoute from '~/routes/guidelines.new.tsx'
import * as workspaceRoute from '~/routes/regions.$regionId_.guidelines.tsx'
import { isoDateInOrganisation } from '~/utils/dates.ts'
import { prisma } from '~/utils/db.server.ts'
import { documentJson, makeGuideline, makeOrganisation, makePrinciple, signInRoles } from '../factories.ts'
import { callRoute } from '../route-helpers.ts'

let org: Awaited<ReturnType<typeof makeOrganisation>>
const ROLES = ['admin', 'hq', 'manager', 'member', 'frontline', 'otherManager'] as const
type Role = (typeof ROLES)[number]
const abilities = {} as Record<Role, ReturnType<typeof defineAbilityFor>>
const cookies = {} as Record<Role, string>
const id = (role: Role) => org.users[role].id

beforeAll(async () => {
  org = await makeOrganisation()
  const signedIn = await signInRoles(org, ROLES)
  Object.assign(abilities, signedIn.abilities)
  Object.assign(cookies, signedIn.cookies)
})

function content(title: string, text: string) {
  const parsed = parseDocument(documentJson(text))
  if (!parsed.ok) throw new Error(parsed.error)
  return { title, json: parsed.json, text: parsed.text }
}
const inAYear = () => new Date(Date.now() + 365 * 86_400_000)
const publishedPrinciple = () => makePrinciple(id('hq'), { status: 'published', publishedVersion: 1 })

async function principleV2(principleId: string) {
  const p = await prisma.principle.findUniqueOrThrow({ where: { id: principleId } })
  await savePrinciple(abilities.hq, id('hq'), principleId, {
    ...content(p.title, 'Nieuwe hoofdlijn'),
    baseRevision: p.revision,
  })
  await openConsultation(abilities.hq, id('hq'), principleId, new Date(Date.now() + 86_400_000))
  await publishPrinciple(abilities.hq, id('hq'), principleId, { changeNote: 'v2', baseRevision: p.revision + 1 })
}

describe('the review flow', () => {
  it('a member drafts and submits; only the manager publishes; frontline then reads version 1 only', async () => {
    const principle = await publishedPrinciple()
    const guideline = await createGuideline(abilities.member, id('member'), {
      ...content('Terugbellen', 'Binnen een dag'),
      regionId: org.regionA.id,
      principleId: principle.id,
    })
    expect(guideline.basedOnPrincipleVersion).toBe(1)
    await submitForReview(abilities.member, id('member'), guideline.id)

    const byMember = await callRoute(guidelineRoute.action, {
      cookie: cookies.member,
      params: { guidelineId: guideline.id },
      form: { intent: 'publish', changeNote: 'zelf', reviewBy: '2099-01-01', revision: '1' },
    })
    expect(byMember.status).toBe(403)
    const byManager = await callRoute(guidelineRoute.action, {
      cookie: cookies.manager,
      params: { guidelineId: guideline.id },
      form: { intent: 'publish', changeNote: 'Besproken in het team', reviewBy: '2099-01-01', revision: '1' },
    })
    expect(byManager.status).toBe(302)
    const stored = await prisma.guideline.findUniqueOrThrow({
      where: { id: guideline.id },
      include: { versions: true },
    })
    expect(stored.status).toBe('published')
    expect(stored.versions.map((v) => [v.number, v.basedOnPrincipleVersion])).toEqual([[1, 1]])

    // Members cannot edit a published guideline; the manager starts a revision, frontline keeps v1.
    const memberEdit = await callRoute(editRoute.action, {
      cookie: cookies.member,
      params: { guidelineId: guideline.id },
      form: { title: 'Terugbellen', body: documentJson('Binnen een uur'), revision: '1' },
    })
    expect(memberEdit.status).toBe(403)
    await saveGuideline(abilities.manager, id('manager'), guideline.id, {
      ...content('Terugbellen', 'Geheime nieuwe tekst'),
      baseRevision: 1,
    })
    const frontlinePage = await callRoute(guidelineRoute.loader, {
      cookie: cookies.frontline,
      params: { guidelineId: guideline.id },
    })
    expect(frontlinePage.status).toBe(200)
    expect(JSON.stringify(frontlinePage.data)).not.toContain('Geheime nieuwe tekst')
    expect(JSON.stringify(frontlinePage.data)).toContain('Binnen een dag')

    const events = await prisma.auditEvent.findMany({
      where: { regionId: org.regionA.id, OR: [{ subjectId: guideline.id }, { subjectId: stored.versions[0]!.id }] },
    })
    expect(events.map((e) => e.action).sort()).toEqual(
      ['guideline.create', 'guideline.publish', 'guideline.submit', 'guideline.update'].sort(),
    )
  })

  it('the manager sends back with a comment; the draft is editable again', async () => {
    const principle = await publishedPrinciple()
    const guideline = await makeGuideline(id('member'), {
      regionId: org.regionA.id,
      principleId: principle.id,
      status: 'review',
    })
    const outcome = await callRoute(guidelineRoute.action, {
      cookie: cookies.manager,
      params: { guidelineId: guideline.id },
      form: { intent: 'send-back', comment: 'Maak het concreter: wie belt terug?' },
    })
    expect(outcome.status).toBe(302)
    expect((await prisma.guideline.findUniqueOrThrow({ where: { id: guideline.id } })).status).toBe('draft')
    const comment = await prisma.guidelineComment.findFirstOrThrow({ where: { guidelineId: guideline.id } })
    expect(comment).toMatchObject({ sendBack: true, body: 'Maak het concreter: wie belt terug?' })
  })

  it('customer input heard today is accepted; a date in the future is refused', async () => {
    const principle = await publishedPrinciple()
    const guideline = await makeGuideline(id('member'), { regionId: org.regionA.id, principleId: principle.id })
    const post = (heardOn: string) =>
      callRoute(guidelineRoute.action, {
        cookie: cookies.member,
        params: { guidelineId: guideline.id },
        form: { intent: 'add-input', said: 'Ik wil gewoon teruggebeld worden.', source: 'conversation', heardOn },
      })
    expect((await post(isoDateInOrganisation(new Date()))).status).toBe(302)
    expect((await post(isoDateInOrganisation(new Date(Date.now() + 2 * 86_400_000)))).status).toBe(400)
    expect(await prisma.customerInput.count({ where: { guidelineId: guideline.id } })).toBe(1)
  })

  it('two concurrent saves of one guideline: exactly one wins', async () => {
    const principle = await publishedPrinciple()
    const guideline = await makeGuideline(id('member'), { regionId: org.regionA.id, principleId: principle.id })
    const outcomes = await Promise.allSettled([
      saveGuideline(abilities.member, id('member'), guideline.id, { ...content('A', 'tekst A'), baseRevision: 1 }),
      saveGuideline(abilities.manager, id('manager'), guideline.id, { ...content('B', 'tekst B'), baseRevision: 1 }),
    ])
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1)
    const lost = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')
    expect(lost?.reason).toBeInstanceOf(StaleRevisionError)
    expect((await prisma.guideline.findUniqueOrThrow({ where: { id: guideline.id } })).revision).toBe(2)
  })
})

describe('HQ changes flow down', () => {
  it('a newer principle version puts guidelines and decisions in every region on needs review; confirm and republish resolve it', async () => {
    const principle = await publishedPrinciple()
    const inA = await makeGuideline(id('manager'), {
      regionId: org.regionA.id,
      principleId: principle.id,
      status: 'published',
      publishedVersion: 1,
    })
    const inB = await makeGuideline(id('otherManager'), {
      regionId: org.regionB.id,
      principleId: principle.id,
      status: 'published',
      publishedVersion: 1,
    })
    await decide(abilities.otherManager, id('otherManager'), {
      regionId: org.regionB.id,
      principleId: principle.id,
      kind: 'applies_as_written',
    })

    await principleV2(principle.id)
    const state = async () => {
      const { principles, rows } = await coverageMatrix(abilities.hq)
      const index = principles.findIndex((p) => p.id === principle.id)
      return Object.fromEntries(
        rows
          .filter((r) => [org.regionA.id, org.regionB.id].includes(r.region.id))
          .map((r) => [r.region.id, r.cells[index]!.state]),
      )
    }
    expect(await state()).toEqual({ [org.regionA.id]: 'needs_review', [org.regionB.id]: 'needs_review' })
    expect(needsReview(await prisma.guideline.findUniqueOrThrow({ where: { id: inA.id } }), 2)).toBe(true)

    // The review page shows the principle's diff v1 → v2 beside the guideline.
    const review = await callRoute(reviewRoute.loader, { cookie: cookies.manager, params: { guidelineId: inA.id } })
    expect(review.status).toBe(200)
    expect(review.data).toMatchObject({ from: 1, to: 2, needsReview: true })
    expect(JSON.stringify((review.data as { diff: unknown }).diff)).toContain('Nieuwe hoofdlijn')
    // A member cannot resolve it.
    expect(
      (
        await callRoute(reviewRoute.action, {
          cookie: cookies.member,
          params: { guidelineId: inA.id },
          form: { note: 'klopt nog' },
        })
      ).status,
    ).toBe(403)
    expect(
      (
        await callRoute(reviewRoute.action, {
          cookie: cookies.manager,
          params: { guidelineId: inA.id },
          form: { note: 'Klopt nog steeds' },
        })
      ).status,
    ).toBe(302)
    expect(await prisma.guideline.findUniqueOrThrow({ where: { id: inA.id } })).toMatchObject({
      basedOnPrincipleVersion: 2,
      confirmationNote: 'Klopt nog steeds',
    })

    // Region B republishes its guideline and re-confirms its decision.
    await saveGuideline(abilities.otherManager, id('otherManager'), inB.id, {
      ...content(inB.title, 'Bijgewerkt'),
      baseRevision: 1,
    })
    await publishGuideline(abilities.otherManager, id('otherManager'), inB.id, {
      changeNote: 'Na v2',
      reviewBy: inAYear(),
      baseRevision: 2,
    })
    await decide(abilities.otherManager, id('otherManager'), {
      regionId: org.regionB.id,
      principleId: principle.id,
      kind: 'applies_as_written',
    })
    expect(await state()).toEqual({ [org.regionA.id]: 'published', [org.regionB.id]: 'published' })
    await expect(confirmStillValid(abilities.manager, id('manager'), inA.id, 'nog eens')).rejects.toMatchObject({
      key: 'guidelines.errors.noReviewNeeded',
    })
  })
})

describe('coverage', () => {
  it('reports each cell state and counts, for HQ all regions and for a manager only their own', async () => {
    const p = await Promise.all([
      publishedPrinciple(),
      publishedPrinciple(),
      publishedPrinciple(),
      publishedPrinciple(),
      publishedPrinciple(),
    ])
    const a = org.regionA.id
    await makeGuideline(id('member'), { regionId: a, principleId: p[0]!.id, status: 'draft' })
    await makeGuideline(id('member'), { regionId: a, principleId: p[1]!.id, status: 'review' })
    await makeGuideline(id('manager'), { regionId: a, principleId: p[2]!.id, status: 'published', publishedVersion: 1 })
    await decide(abilities.manager, id('manager'), {
      regionId: a,
      principleId: p[3]!.id,
      kind: 'not_applicable',
      reason: 'Geen balie in deze regio',
    })
    const overdue = await makeGuideline(id('manager'), {
      regionId: a,
      principleId: p[4]!.id,
      status: 'published',
      publishedVersion: 1,
    })
    await prisma.guideline.update({ where: { id: overdue.id }, data: { reviewBy: new Date(Date.now() - 86_400_000) } })

    const hq = await coverageMatrix(abilities.hq)
    const row = hq.rows.find((r) => r.region.id === a)!
    const states = p.map((principle) => row.cells[hq.principles.findIndex((x) => x.id === principle.id)]!.state)
    expect(states).toEqual(['draft', 'review', 'published', 'not_applicable', 'overdue'])
    expect(
      hq.rows.find((r) => r.region.id === org.regionB.id)!.cells[hq.principles.findIndex((x) => x.id === p[0]!.id)]!
        .state,
    ).toBe('missing')

    const manager = await coverageMatrix(abilities.manager)
    expect(manager.rows.map((r) => r.region.id)).toEqual([a])
    expect((await callRoute(coverageRoute.loader, { cookie: cookies.frontline })).status).toBe(403)
    expect((await callRoute(coverageRoute.loader, { cookie: cookies.hq })).status).toBe(200)
  })

  it('a "not applicable" decision needs a reason, and only the region’s manager decides', async () => {
    const principle = await publishedPrinciple()
    const noReason = await callRoute(workspaceRoute.action, {
      cookie: cookies.manager,
      params: { regionId: org.regionA.id },
      form: { intent: 'decide', principleId: principle.id, kind: 'not_applicable' },
    })
    expect(noReason.status).toBe(400)
    const member = await callRoute(workspaceRoute.action, {
      cookie: cookies.member,
      params: { regionId: org.regionA.id },
      form: { intent: 'decide', principleId: principle.id, kind: 'applies_as_written' },
    })
    expect(member.status).toBe(403)
    const otherRegion = await callRoute(workspaceRoute.action, {
      cookie: cookies.manager,
      params: { regionId: org.regionB.id },
      form: { intent: 'decide', principleId: principle.id, kind: 'applies_as_written' },
    })
    expect(otherRegion.status).toBe(404)
    expect(await prisma.principleDecision.count({ where: { principleId: principle.id } })).toBe(0)
  })
})

describe('the matrix over HTTP', () => {
  it('forged posts with another region’s ids are refused and change nothing', async () => {
    const principle = await publishedPrinciple()
    const theirs = await makeGuideline(id('otherManager'), {
      regionId: org.regionB.id,
      principleId: principle.id,
      status: 'review',
    })
    const before = await prisma.guideline.count()
    // Creating a guideline for region B through the new-guideline URL.
    const created = await callRoute(newRoute.action, {
      cookie: cookies.manager,
      path: `/guidelines/new?region=${org.regionB.id}&principle=${principle.id}`,
      form: { title: 'Gesmokkeld', body: documentJson('x') },
    })
    expect(created.status).toBe(404)
    expect(await prisma.guideline.count()).toBe(before)
    for (const role of ['manager', 'member', 'frontline'] as const) {
      for (const form of <Record<string, string>[]>[
        { intent: 'publish', changeNote: 'x', reviewBy: '2099-01-01', revision: '1' },
        { intent: 'comment', body: 'Van buiten' },
        { intent: 'add-input', said: 'Klant zei', source: 'panel', heardOn: '2026-01-01' },
        { intent: 'archive' },
      ]) {
        const outcome = await callRoute(guidelineRoute.action, {
          cookie: cookies[role],
          params: { guidelineId: theirs.id },
          form,
        })
        expect(outcome.status, `${role} ${form.intent}`).toBe(404)
      }
      expect(
        (await callRoute(guidelineRoute.loader, { cookie: cookies[role], params: { guidelineId: theirs.id } })).status,
      ).toBe(404)
    }
    expect(await prisma.guideline.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({
      status: 'review',
      revision: 1,
    })
    expect(await prisma.guidelineComment.count({ where: { guidelineId: theirs.id } })).toBe(0)
  })

  it('HQ reads every region but changes nothing', async () => {
    const principle = await publishedPrinciple()
    const guideline = await makeGuideline(id('member'), {
      regionId: org.regionA.id,
      principleId: principle.id,
      status: 'review',
    })
    expect(
      (await callRoute(guidelineRoute.loader, { cookie: cookies.hq, params: { guidelineId: guideline.id } })).status,
    ).toBe(200)
    expect(
      (await callRoute(editRoute.loader, { cookie: cookies.hq, params: { guidelineId: guideline.id } })).status,
    ).toBe(403)
    const publish = await callRoute(guidelineRoute.action, {
      cookie: cookies.hq,
      params: { guidelineId: guideline.id },
      form: { intent: 'publish', changeNote: 'Door HQ', reviewBy: '2099-01-01', revision: '1' },
    })
    expect(publish.status).toBe(403)
    const create = await callRoute(newRoute.loader, {
      cookie: cookies.hq,
      path: `/guidelines/new?region=${org.regionA.id}&principle=${principle.id}`,
    })
    expect(create.status).toBe(403)
  })

  it('frontline never sees a draft or review, in lists or pages', async () => {
    const principle = await publishedPrinciple()
    const draft = await makeGuideline(id('member'), {
      regionId: org.regionA.id,
      principleId: principle.id,
      status: 'draft',
      title: 'Nog geheim concept',
    })
    const review = await makeGuideline(id('member'), {
      regionId: org.regionA.id,
      principleId: principle.id,
      status: 'review',
      title: 'Nog geheime beoordeling',
    })
    for (const guideline of [draft, review]) {
      expect(
        (await callRoute(guidelineRoute.loader, { cookie: cookies.frontline, params: { guidelineId: guideline.id } }))
          .status,
      ).toBe(404)
    }
    expect(
      (await callRoute(workspaceRoute.loader, { cookie: cookies.frontline, params: { regionId: org.regionA.id } }))
        .status,
    ).toBe(403)
    const frontlineCoverage = await coverageMatrix(abilities.frontline)
    expect(JSON.stringify(frontlineCoverage)).not.toContain('Nog geheim')
    // The member's workspace lists them; the page agrees.
    const workspace = await callRoute(workspaceRoute.loader, {
      cookie: cookies.member,
      params: { regionId: org.regionA.id },
    })
    expect(JSON.stringify(workspace.data)).toContain('Nog geheim concept')
    expect(
      (await callRoute(guidelineRoute.loader, { cookie: cookies.member, params: { guidelineId: draft.id } })).status,
    ).toBe(200)
  })
})
