// Principles on both engines: versions, HQ's order, stale saves, hostile documents, and the
// matrix over HTTP (loaders and actions called as each role).
import { beforeAll, describe, expect, it } from 'vitest'
import { parseDocument } from '~/editor/document.ts'
import { addComment } from '~/models/comment.server.ts'
import {
  createPrinciple,
  listPrinciples,
  listVersions,
  movePrinciple,
  openConsultation,
  publishPrinciple,
  requirePrinciple,
  savePrinciple,
  StaleRevisionError,
} from '~/models/principle.server.ts'
import { defineAbilityFor } from '~/permissions/ability.server.ts'
import * as editRoute from '~/routes/principles.$slug.edit.tsx'
import * as principleRoute from '~/routes/principles.$slug._index.tsx'
import * as newRoute from '~/routes/principles.new.tsx'
import { prisma } from '~/utils/db.server.ts'
import { documentJson, makeOrganisation, makePrinciple, signInRoles } from '../factories.ts'
import { callRoute } from '../route-helpers.ts'

let org: Awaited<ReturnType<typeof makeOrganisation>>
const ROLES = ['hq', 'manager', 'member', 'frontline', 'otherManager'] as const
const abilities = {} as Record<(typeof ROLES)[number], ReturnType<typeof defineAbilityFor>>
const cookies = {} as Record<(typeof ROLES)[number], string>

beforeAll(async () => {
  org = await makeOrganisation()
  const signedIn = await signInRoles(org, ROLES)
  Object.assign(abilities, signedIn.abilities)
  Object.assign(cookies, signedIn.cookies)
})

const hqId = () => org.users.hq.id
function content(title: string, ...paragraphs: string[]) {
  const parsed = parseDocument(documentJson(...paragraphs))
  if (!parsed.ok) throw new Error(parsed.error)
  return { title, json: parsed.json, text: parsed.text }
}
async function publishThroughConsultation(principleId: string, changeNote: string) {
  await openConsultation(abilities.hq, hqId(), principleId, new Date(Date.now() + 86_400_000))
  const { revision } = await prisma.principle.findUniqueOrThrow({ where: { id: principleId } })
  return publishPrinciple(abilities.hq, hqId(), principleId, { changeNote, baseRevision: revision })
}

describe('versions', () => {
  it('publishing creates immutable numbered versions; a revision stays HQ’s until v2 is published', async () => {
    const principle = await createPrinciple(
      abilities.hq,
      hqId(),
      content('Klachten zijn cadeaus', 'Binnen vijf werkdagen.'),
    )
    await expect(
      publishPrinciple(abilities.hq, hqId(), principle.id, { changeNote: 'x', baseRevision: 1 }),
    ).rejects.toMatchObject({
      key: 'principles.errors.publishNeedsConsultation',
    })
    const v1 = await publishThroughConsultation(principle.id, 'Eerste versie')
    expect(v1.number).toBe(1)

    await savePrinciple(abilities.hq, hqId(), principle.id, {
      ...content('Klachten zijn cadeaus', 'Binnen één werkdag.'),
      baseRevision: 1,
    })
    // Members still read v1, and never the draft text.
    const asMember = await requirePrinciple(abilities.member, principle.slug)
    expect(asMember.principle.status).toBe('draft')
    expect(asMember.seesDraft).toBe(false)
    expect(asMember.published?.bodyText).toBe('Binnen vijf werkdagen.')
    const listed = (await listPrinciples(abilities.member)).find((p) => p.id === principle.id)
    expect(listed?.workingTitle).toBeNull()

    const v2 = await publishThroughConsultation(principle.id, 'Sneller contact')
    expect(v2.number).toBe(2)
    const versions = await listVersions(abilities.frontline, principle.id)
    expect(versions.map((v) => [v.number, v.changeNote])).toEqual([
      [2, 'Sneller contact'],
      [1, 'Eerste versie'],
    ])
    const stored = await prisma.principleVersion.findMany({
      where: { principleId: principle.id },
      orderBy: { number: 'asc' },
    })
    expect(stored.map((v) => v.bodyText)).toEqual(['Binnen vijf werkdagen.', 'Binnen één werkdag.'])
    await expect(
      prisma.principleVersion.update({ where: { id: stored[0]!.id }, data: { bodyText: 'vervalst' } }),
    ).rejects.toThrow()
    await expect(prisma.principleVersion.delete({ where: { id: stored[0]!.id } })).rejects.toThrow()

    const events = await prisma.auditEvent.findMany({
      where: { OR: [{ subjectId: principle.id }, { subjectId: { in: stored.map((v) => v.id) } }] },
    })
    expect(events.map((e) => e.action).sort()).toEqual(
      [
        'principle.create',
        'principle.consultation.open',
        'principle.publish',
        'principle.update',
        'principle.consultation.open',
        'principle.publish',
      ].sort(),
    )
  })
})

describe('ordering', () => {
  it('HQ moves a published principle up; nobody else can', async () => {
    const [a, b] = [
      await createPrinciple(abilities.hq, hqId(), content('Eerste in de rij', 'a')),
      await createPrinciple(abilities.hq, hqId(), content('Tweede in de rij', 'b')),
    ]
    await publishThroughConsultation(a.id, 'v1')
    await publishThroughConsultation(b.id, 'v1')
    const order = async () =>
      (await listPrinciples(abilities.frontline)).map((p) => p.id).filter((id) => id === a.id || id === b.id)
    expect(await order()).toEqual([a.id, b.id])
    await movePrinciple(abilities.hq, hqId(), b.id, 'up')
    expect(await order()).toEqual([b.id, a.id])

    const forged = await callRoute((await import('~/routes/principles._index.tsx')).action, {
      cookie: cookies.manager,
      form: { principleId: a.id, direction: 'up', position: '1' },
    })
    expect(forged.status).toBe(403)
    expect(await order()).toEqual([b.id, a.id])
  })
})

describe('no lost updates', () => {
  it('of two concurrent saves on the same revision exactly one wins; the other gets the stored text back', async () => {
    const principle = await createPrinciple(abilities.hq, hqId(), content('Gelijktijdig', 'origineel'))
    const outcomes = await Promise.allSettled([
      savePrinciple(abilities.hq, hqId(), principle.id, {
        ...content('Gelijktijdig', 'tekst van Anna'),
        baseRevision: 1,
      }),
      savePrinciple(abilities.hq, org.users.admin.id, principle.id, {
        ...content('Gelijktijdig', 'tekst van Bob'),
        baseRevision: 1,
      }),
    ])
    const won = outcomes.filter((o) => o.status === 'fulfilled')
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected')
    expect(won).toHaveLength(1)
    expect(lost).toHaveLength(1)
    expect(lost[0]!.reason).toBeInstanceOf(StaleRevisionError)
    const stored = await prisma.principle.findUniqueOrThrow({ where: { id: principle.id } })
    expect(stored.revision).toBe(2)
    expect((lost[0]!.reason as StaleRevisionError).current.revision).toBe(2)
    const winner = outcomes[0]!.status === 'fulfilled' ? 'tekst van Anna' : 'tekst van Bob'
    expect(stored.bodyText).toBe(winner)
    expect(await prisma.auditEvent.count({ where: { subjectId: principle.id, action: 'principle.update' } })).toBe(1)
  })

  it('a stale save over HTTP answers 409 with both texts and writes nothing', async () => {
    const principle = await createPrinciple(abilities.hq, hqId(), content('Over HTTP', 'origineel'))
    await savePrinciple(abilities.hq, org.users.admin.id, principle.id, {
      ...content('Over HTTP', 'eerst opgeslagen'),
      baseRevision: 1,
    })
    const outcome = await callRoute(editRoute.action, {
      cookie: cookies.hq,
      params: { slug: principle.slug },
      form: { title: 'Over HTTP', body: documentJson('mijn late wijziging'), revision: '1' },
    })
    expect(outcome.status).toBe(409)
    const conflict = (
      outcome.data as { conflict: { mine: { html: string }; theirs: { html: string; revision: number } } }
    ).conflict
    expect(conflict.mine.html).toContain('mijn late wijziging')
    expect(conflict.theirs.html).toContain('eerst opgeslagen')
    expect(conflict.theirs.revision).toBe(2)
    expect((await prisma.principle.findUniqueOrThrow({ where: { id: principle.id } })).bodyText).toBe(
      'eerst opgeslagen',
    )
  })
})

describe('hostile documents', () => {
  it.each([
    [
      'a javascript: link',
      JSON.stringify({
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }],
          },
        ],
      }),
      400,
    ],
    ['an unknown node', JSON.stringify({ type: 'doc', content: [{ type: 'iframe' }] }), 400],
    ['raw HTML', '<p onclick="alert(1)">x</p>', 400],
    ['an oversized document', documentJson('x'.repeat(250_000)), 413],
  ])('%s is refused with a message and leaves no trace', async (_name, body, status) => {
    const [principles, events] = [await prisma.principle.count(), await prisma.auditEvent.count()]
    const created = await callRoute(newRoute.action, { cookie: cookies.hq, form: { title: 'Vijandig', body } })
    expect(created.status).toBe(status)
    expect(JSON.stringify(created.data)).toMatch(/editor\.errors\./)
    const existing = await makePrinciple(hqId())
    const edited = await callRoute(editRoute.action, {
      cookie: cookies.hq,
      params: { slug: existing.slug },
      form: { title: 'Vijandig', body, revision: '1' },
    })
    expect(edited.status).toBe(status)
    expect(await prisma.principle.count()).toBe(principles + 1)
    expect(await prisma.auditEvent.count()).toBe(events)
    expect((await prisma.principle.findUniqueOrThrow({ where: { id: existing.id } })).title).toBe(existing.title)
  })
})

describe('the matrix over HTTP', () => {
  it('only HQ opens the editor or creates; others get 403', async () => {
    const principle = await makePrinciple(hqId(), { status: 'published', publishedVersion: 1 })
    for (const role of ['manager', 'member', 'frontline'] as const) {
      expect(
        (await callRoute(editRoute.loader, { cookie: cookies[role], params: { slug: principle.slug } })).status,
        role,
      ).toBe(403)
      expect((await callRoute(newRoute.loader, { cookie: cookies[role] })).status, role).toBe(403)
      const forged = await callRoute(editRoute.action, {
        cookie: cookies[role],
        params: { slug: principle.slug },
        form: { title: 'Gekaapt', body: documentJson('x'), revision: '1' },
      })
      expect(forged.status, role).toBe(403)
    }
    expect((await callRoute(editRoute.loader, { cookie: cookies.hq, params: { slug: principle.slug } })).status).toBe(
      200,
    )
    expect((await prisma.principle.findUniqueOrThrow({ where: { id: principle.id } })).title).toBe(principle.title)
  })

  it('a never-published draft does not exist for regions (404); its revision text never reaches them', async () => {
    const draft = await makePrinciple(hqId(), { status: 'draft' })
    const revising = await makePrinciple(hqId(), { status: 'draft', publishedVersion: 1 })
    await prisma.principle.update({
      where: { id: revising.id },
      data: { title: 'Geheime nieuwe titel', bodyText: 'geheim' },
    })
    for (const role of ['manager', 'member', 'frontline'] as const) {
      expect(
        (await callRoute(principleRoute.loader, { cookie: cookies[role], params: { slug: draft.slug } })).status,
        role,
      ).toBe(404)
      const page = await callRoute(principleRoute.loader, { cookie: cookies[role], params: { slug: revising.slug } })
      expect(page.status, role).toBe(200)
      expect(JSON.stringify(page.data), role).not.toContain('Geheime nieuwe titel')
    }
  })

  it('managers and members comment for their own region; frontline and forged regions are refused', async () => {
    const principle = await makePrinciple(hqId(), { status: 'consultation' })
    const params = { slug: principle.slug }
    const ok = await callRoute(principleRoute.action, {
      cookie: cookies.manager,
      params,
      form: { intent: 'comment', body: 'Goed plan' },
    })
    expect(ok.status).toBe(302)
    const member = await callRoute(principleRoute.action, {
      cookie: cookies.member,
      params,
      form: { intent: 'comment', body: 'Eens' },
    })
    expect(member.status).toBe(302)
    const frontline = await callRoute(principleRoute.action, {
      cookie: cookies.frontline,
      params,
      form: { intent: 'comment', body: 'Mag ik?' },
    })
    expect(frontline.status).toBe(403)
    const forged = await callRoute(principleRoute.action, {
      cookie: cookies.manager,
      params,
      form: { intent: 'comment', body: 'Namens B', regionId: org.regionB.id },
    })
    expect(forged.status).toBe(403)
    const comments = await prisma.principleComment.findMany({ where: { principleId: principle.id } })
    expect(comments.map((c) => c.regionId)).toEqual([org.regionA.id, org.regionA.id])
    expect(comments.every((c) => c.versionNumber === 1)).toBe(true)
    // Resolving and publishing are HQ's.
    const resolve = await callRoute(principleRoute.action, {
      cookie: cookies.manager,
      params,
      form: { intent: 'resolve-comment', commentId: comments[0]!.id },
    })
    expect(resolve.status).toBe(403)
    const publish = await callRoute(principleRoute.action, {
      cookie: cookies.manager,
      params,
      form: { intent: 'publish', changeNote: 'Zelf gedaan', revision: '1' },
    })
    expect(publish.status).toBe(403)
    expect((await prisma.principle.findUniqueOrThrow({ where: { id: principle.id } })).status).toBe('consultation')
  })

  it('HQ sees the comment count per region; comments stay with the version they were made on', async () => {
    const principle = await makePrinciple(hqId(), { status: 'consultation' })
    await addComment(abilities.manager, org.users.manager.id, principle, { body: 'A1', regionId: org.regionA.id })
    await addComment(abilities.member, org.users.member.id, principle, { body: 'A2', regionId: org.regionA.id })
    await addComment(abilities.otherManager, org.users.otherManager.id, principle, {
      body: 'B1',
      regionId: org.regionB.id,
    })
    const page = await callRoute(principleRoute.loader, { cookie: cookies.hq, params: { slug: principle.slug } })
    const counts = (page.data as { consultation: { regionCounts: { regionId: string; count: number }[] } }).consultation
      .regionCounts
    expect(Object.fromEntries(counts.map((c) => [c.regionId, c.count]))).toEqual({
      [org.regionA.id]: 2,
      [org.regionB.id]: 1,
    })
    const managerPage = await callRoute(principleRoute.loader, {
      cookie: cookies.manager,
      params: { slug: principle.slug },
    })
    expect((managerPage.data as { consultation: { regionCounts: unknown } }).consultation.regionCounts).toBeNull()

    await publishPrinciple(abilities.hq, hqId(), principle.id, {
      changeNote: 'Na consultatie',
      baseRevision: 1,
      withOpenComments: true,
    })
    await savePrinciple(abilities.hq, hqId(), principle.id, {
      ...content(principle.title, 'nieuwe ronde'),
      baseRevision: 1,
    })
    await openConsultation(abilities.hq, hqId(), principle.id, new Date(Date.now() + 86_400_000))
    const next = await callRoute(principleRoute.loader, { cookie: cookies.hq, params: { slug: principle.slug } })
    const consultation = (next.data as { consultation: { nextVersion: number; threads: unknown[] } }).consultation
    expect(consultation.nextVersion).toBe(2)
    expect(consultation.threads).toHaveLength(0)
    expect(await prisma.principleComment.count({ where: { principleId: principle.id, versionNumber: 1 } })).toBe(3)
  })

  it('publishing past open comments needs HQ to tick that it means to; then it publishes', async () => {
    const principle = await makePrinciple(hqId(), { status: 'consultation' })
    await addComment(abilities.manager, org.users.manager.id, principle, {
      body: 'Open vraag',
      regionId: org.regionA.id,
    })
    const params = { slug: principle.slug }
    const refused = await callRoute(principleRoute.action, {
      cookie: cookies.hq,
      params,
      form: { intent: 'publish', changeNote: 'Na consultatie', revision: '1' },
    })
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.data)).toContain('principles.errors.openComments?count=1')
    expect((await prisma.principle.findUniqueOrThrow({ where: { id: principle.id } })).status).toBe('consultation')
    const published = await callRoute(principleRoute.action, {
      cookie: cookies.hq,
      params,
      form: { intent: 'publish', changeNote: 'Na consultatie', revision: '1', withOpenComments: 'on' },
    })
    expect(published.status).toBe(302)
    expect((await prisma.principle.findUniqueOrThrow({ where: { id: principle.id } })).publishedVersion).toBe(1)
  })

  it('the same comment sent twice in quick succession (a double click) is stored once, also at the same moment', async () => {
    const principle = await makePrinciple(hqId(), { status: 'consultation' })
    const post = () =>
      callRoute(principleRoute.action, {
        cookie: cookies.manager,
        params: { slug: principle.slug },
        form: { intent: 'comment', body: 'Twee keer geklikt' },
      })
    const answers = await Promise.all([post(), post(), post()])
    expect(answers.map((a) => a.status)).toEqual([302, 302, 302])
    // All three land on the one comment.
    expect(new Set(answers.map((a) => a.location)).size).toBe(1)
    expect(await post().then((a) => a.status)).toBe(302)
    expect(await prisma.principleComment.count({ where: { principleId: principle.id } })).toBe(1)
    const audit = await prisma.auditEvent.count({
      where: {
        action: 'principle.comment',
        actorId: org.users.manager.id,
        subjectId: {
          in: (await prisma.principleComment.findMany({ where: { principleId: principle.id } })).map((c) => c.id),
        },
      },
    })
    expect(audit).toBe(1)
    // A different text is a new comment.
    await callRoute(principleRoute.action, {
      cookie: cookies.manager,
      params: { slug: principle.slug },
      form: { intent: 'comment', body: 'Nog iets anders' },
    })
    expect(await prisma.principleComment.count({ where: { principleId: principle.id } })).toBe(2)
  })
})
