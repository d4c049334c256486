// The start page as a to-do list, on both engines: each role gets what waits for it, nobody
// gets another region's work, frontline starts in the handbook.
import { beforeAll, describe, expect, it } from 'vitest'
import { parseDocument } from '~/editor/document.ts'
import { handleFeedback, sendFeedback } from '~/models/feedback.server.ts'
import { createGuideline, publishGuideline, sendBack, submitForReview } from '~/models/guideline.server.ts'
import { startPage } from '~/models/home.server.ts'
import { setUserActive } from '~/models/user.server.ts'
import { defineAbilityFor } from '~/permissions/ability.server.ts'
import * as homeRoute from '~/routes/_index.tsx'
import { prisma } from '~/utils/db.server.ts'
import { findSessionUser } from '~/models/auth.server.ts'
import { documentJson, makeOrganisation, makePrinciple, makeUser, sessionCookie } from '../factories.ts'
import { callRoute } from '../route-helpers.ts'

let org: Awaited<ReturnType<typeof makeOrganisation>>

beforeAll(async () => {
  org = await makeOrganisation()
})

async function as(role: keyof typeof org.users) {
  const session = await prisma.session.create({
    data: { userId: org.users[role].id, expiresAt: new Date(Date.now() + 3_600_000) },
  })
  const user = (await findSessionUser(session.id))!
  return { user, ability: defineAbilityFor(user) }
}
async function todoOf(role: keyof typeof org.users) {
  const { user, ability } = await as(role)
  const page = await startPage(ability, user)
  if (page.kind !== 'home') throw new Error(`${role} has no start page`)
  return page.todo
}
const content = (title: string) => {
  const parsed = parseDocument(documentJson(`${title}: tekst.`))
  if (!parsed.ok) throw new Error(parsed.error)
  return { title, json: parsed.json, text: parsed.text }
}

describe('start pages', () => {
  it('the manager: the approval queue, needs review, open feedback, little read; the writer: sent back; never another region', async () => {
    const { ability: member } = await as('member')
    const { ability: manager } = await as('manager')
    const principle = await makePrinciple(org.users.hq.id, { status: 'published', publishedVersion: 1 })
    const submitted = await createGuideline(member, org.users.member.id, {
      ...content('Ter goedkeuring'),
      regionId: org.regionA.id,
      principleId: principle.id,
    })
    await submitForReview(member, org.users.member.id, submitted.id)
    const back = await createGuideline(member, org.users.member.id, {
      ...content('Terug naar jou'),
      regionId: org.regionA.id,
      principleId: principle.id,
    })
    await submitForReview(member, org.users.member.id, back.id)
    await sendBack(manager, org.users.manager.id, back.id, 'Maak het concreter.')
    const published = await createGuideline(manager, org.users.manager.id, {
      ...content('Weinig gelezen'),
      regionId: org.regionA.id,
      principleId: principle.id,
    })
    await publishGuideline(manager, org.users.manager.id, published.id, {
      changeNote: 'v1',
      reviewBy: new Date(Date.now() + 10 * 86_400_000),
      baseRevision: published.revision,
    })
    const { ability: frontline } = await as('frontline')
    await sendFeedback(frontline, org.users.frontline.id, org.regionA.id, published.id, 'Dit werkt niet bij drukte.')

    const todo = await todoOf('manager')
    expect(todo.approval?.map((i) => i.title)).toEqual(['Ter goedkeuring'])
    expect(todo.lowRead?.map((i) => [i.title, i.n, i.total])).toEqual([['Weinig gelezen', 0, 1]])
    expect(todo.reviewDue?.map((i) => i.title)).toEqual(['Weinig gelezen'])
    expect(todo.feedback?.map((i) => [i.ref, i.n])).toEqual([[org.regionA.id, 1]])

    const writer = await todoOf('member')
    expect(writer.sentBack?.map((i) => i.title)).toEqual(['Terug naar jou'])
    expect(writer.approval).toBeUndefined() // members approve nothing

    const other = JSON.stringify(await todoOf('otherManager'))
    for (const title of ['Ter goedkeuring', 'Terug naar jou', 'Weinig gelezen']) expect(other).not.toContain(title)
  })

  it('HQ: consultations with their new comments, one inbox of what the regions passed on, regions behind', async () => {
    const { ability: manager } = await as('manager')
    const principle = await makePrinciple(org.users.hq.id, { status: 'published', publishedVersion: 1 })
    const g = await createGuideline(manager, org.users.manager.id, {
      ...content('Doorgegeven'),
      regionId: org.regionA.id,
      principleId: principle.id,
    })
    await publishGuideline(manager, org.users.manager.id, g.id, {
      changeNote: 'v1',
      reviewBy: new Date(Date.now() + 365 * 86_400_000),
      baseRevision: g.revision,
    })
    const { ability: frontline } = await as('frontline')
    const feedback = await sendFeedback(
      frontline,
      org.users.frontline.id,
      org.regionA.id,
      g.id,
      'Graag ook voor telefoon.',
    )
    await handleFeedback(manager, org.users.manager.id, org.regionA.id, feedback.id, { kind: 'pass' })
    await makePrinciple(org.users.hq.id, { status: 'consultation', title: `In consultatie ${Date.now()}` })

    const todo = await todoOf('hq')
    expect(todo.inbox?.[0]?.total).toBeGreaterThanOrEqual(1)
    expect(todo.consultation?.length).toBeGreaterThanOrEqual(1)
    expect(todo.behind?.some((i) => i.id === org.regionB.id)).toBe(true)
    expect(todo.approval).toBeUndefined()
  })

  it('the admin: people without a region, deactivated accounts with open items', async () => {
    const { ability: admin } = await as('admin')
    const loose = await makeUser()
    const leaving = await makeUser({ memberships: [{ regionId: org.regionA.id, role: 'member' }] })
    await setUserActive(admin, org.users.admin.id, leaving.id, false)
    const todo = await todoOf('admin')
    expect(todo.noRegion?.some((i) => i.id === loose.id)).toBe(true)
    expect(todo.deactivatedOpen?.find((i) => i.id === leaving.id)?.n).toBe(1)
    expect(JSON.stringify(await todoOf('hq'))).not.toContain(loose.id) // the admin's, not HQ's
  })

  it('frontline starts in the handbook; the page answers every role', async () => {
    expect((await callRoute(homeRoute.loader, { cookie: await sessionCookie(org.users.frontline.id) })).location).toBe(
      '/handbook',
    )
    for (const role of ['admin', 'hq', 'manager', 'member', 'outsider', 'otherManager'] as const) {
      expect(
        (await callRoute(homeRoute.loader, { cookie: await sessionCookie(org.users[role].id) })).status,
        role,
      ).toBe(200)
    }
  })
})
