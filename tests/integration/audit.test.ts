// The audit log people can read: sentences with the actor's name, the subject's title and a link;
// filters by person, kind and period (days in Amsterdam) that keep working across pages; bad
// dates are a 400; and a reader never gets the title or link of a record they may not read.
import { beforeAll, describe, expect, it } from 'vitest'
import en from '~/locales/en.ts'
import nl from '~/locales/nl.ts'
import { AUDIT_PAGE_SIZE, AUDIT_SENTENCE_KEYS, type AuditSentence } from '~/models/audit.server.ts'
import { addComment } from '~/models/comment.server.ts'
import { removeMembership } from '~/models/membership.server.ts'
import { archivePrinciple, publishPrinciple } from '~/models/principle.server.ts'
import { createRegion } from '~/models/region.server.ts'
import { defineAbilityFor } from '~/permissions/ability.server.ts'
import * as auditRoute from '~/routes/audit.tsx'
import { prisma } from '~/utils/db.server.ts'
import { makeOrganisation, makePrinciple, makeUser, signInRoles } from '../factories.ts'
import { callRoute } from '../route-helpers.ts'

let org: Awaited<ReturnType<typeof makeOrganisation>>
let roles: Awaited<ReturnType<typeof signInRoles<'admin' | 'hq' | 'manager' | 'otherManager'>>>

interface Entry {
  id: string
  action: string
  subjectType: string
  subjectId: string
  kind: string
  actor: string | null
  createdAt: Date
  sentence: AuditSentence
  before: unknown
  after: unknown
}
interface Page {
  entries: Entry[]
  hasMore: boolean
  people: { id: string; name: string }[]
}

async function auditPage(role: keyof typeof roles.cookies, query = '') {
  const outcome = await callRoute(auditRoute.loader, { cookie: roles.cookies[role], path: `/audit${query}` })
  expect(outcome.status, `${role} ${query}`).toBe(200)
  return outcome.data as Page
}

beforeAll(async () => {
  org = await makeOrganisation()
  roles = await signInRoles(org, ['admin', 'hq', 'manager', 'otherManager'] as const)
})

describe('sentences', () => {
  it('a publication reads as "<name> published version 2 of ‘<title>’", linked to the principle', async () => {
    const hq = org.users.hq
    const principle = await makePrinciple(hq.id, {
      status: 'consultation',
      publishedVersion: 1,
      title: `Klachten zijn cadeaus ${hq.id}`,
    })
    const version = await publishPrinciple(roles.abilities.hq, hq.id, principle.id, {
      changeNote: 'Scherper geformuleerd',
      baseRevision: principle.revision,
    })
    for (const role of ['hq', 'admin'] as const) {
      const { entries } = await auditPage(role)
      const entry = entries.find((e) => e.subjectId === version.id)
      expect(entry, role).toMatchObject({
        action: 'principle.publish',
        kind: 'principles',
        actor: hq.name,
        sentence: {
          key: 'principlePublish',
          values: { version: 2 },
          refs: { title: { kind: 'principle', name: principle.title, href: `/principles/${principle.slug}` } },
        },
        // The raw event stays one click away.
        subjectType: 'PrincipleVersion',
        after: { number: 2, changeNote: 'Scherper geformuleerd' },
      })
    }
    // A manager reads their region's events, not HQ's principle events.
    expect((await auditPage('manager')).entries.some((e) => e.subjectId === version.id)).toBe(false)
  })

  it('an action without a sentence reads as the generic one, with its key; no actor is "Leidraad"', async () => {
    const event = await prisma.auditEvent.create({
      data: { action: 'something.new', subjectType: 'Organisation', subjectId: 'x' },
    })
    const entry = (await auditPage('admin')).entries.find((e) => e.id === event.id)
    expect(entry).toMatchObject({
      actor: null,
      kind: 'system',
      sentence: { key: 'unknown', values: { action: 'something.new' } },
    })
  })

  it('every sentence the log can ask for exists in Dutch and English', () => {
    for (const translations of [nl, en]) {
      const sentences = translations.audit.sentences as Record<string, string>
      for (const key of AUDIT_SENTENCE_KEYS)
        expect(sentences[key] ?? sentences[`${key}_other`], key).toMatch(/\{\{actor\}\}/)
    }
  })
})

describe('filters', () => {
  let region: { id: string; name: string }
  beforeAll(async () => {
    region = await createRegion(roles.abilities.admin, org.users.admin.id, { name: `Filterregio ${org.regionA.id}` })
    // Events around the end of 31 January 2024 in Amsterdam (UTC+1): 23:30 that day, and 00:30 the next.
    await prisma.auditEvent.createMany({
      data: [
        {
          action: 'region.update',
          subjectType: 'Region',
          subjectId: region.id,
          actorId: org.users.admin.id,
          createdAt: new Date('2024-01-31T22:30:00Z'),
        },
        {
          action: 'region.update',
          subjectType: 'Region',
          subjectId: region.id,
          actorId: org.users.admin.id,
          createdAt: new Date('2024-01-31T23:30:00Z'),
        },
        // Something Leidraad did by itself (no actor).
        {
          action: 'retention.anonymise',
          subjectType: 'Organisation',
          subjectId: 'retention',
          after: { before: '2022-03-01T00:00:00.000Z', feedback: 3, acknowledgements: 7 },
        },
      ],
    })
  })

  it('by person: only what they did; the person list holds who appears in the log', async () => {
    const all = await auditPage('admin')
    expect(all.people.map((p) => p.id)).toEqual(expect.arrayContaining([org.users.admin.id, org.users.hq.id]))
    expect(all.people.map((p) => p.id)).not.toContain(org.users.member.id)
    const hq = await auditPage('admin', `?person=${org.users.hq.id}`)
    expect(hq.entries.length).toBeGreaterThan(0)
    expect(hq.entries.length).toBeLessThan(all.entries.length)
    expect(hq.entries.every((e) => e.actor === org.users.hq.name)).toBe(true)
    const system = await auditPage('admin', '?person=system')
    expect(system.entries.every((e) => e.actor === null)).toBe(true)
    expect(system.entries.find((e) => e.action === 'retention.anonymise')).toMatchObject({
      kind: 'system',
      sentence: { key: 'retentionAnonymise', values: { feedback: 3, acknowledgements: 7 } },
    })
  })

  it('by kind: only that group of subjects, and the region reads with its name and link', async () => {
    const regions = await auditPage('admin', '?kind=regions')
    expect(regions.entries.length).toBeGreaterThanOrEqual(3)
    expect(regions.entries.every((e) => e.kind === 'regions' && e.subjectType === 'Region')).toBe(true)
    expect(regions.entries.find((e) => e.action === 'region.create')).toMatchObject({
      actor: org.users.admin.name,
      sentence: { key: 'regionCreate', refs: { region: { name: region.name, href: `/regions/${region.id}` } } },
    })
    const principles = await auditPage('admin', '?kind=principles')
    expect(principles.entries.length).toBeGreaterThan(0)
    expect(principles.entries.every((e) => e.subjectType.startsWith('Principle'))).toBe(true)
  })

  it("by period: the organisation's calendar days, both ends included", async () => {
    const january = await auditPage('admin', '?from=2024-01-01&to=2024-01-31')
    expect(january.entries.map((e) => new Date(e.createdAt).toISOString())).toEqual(['2024-01-31T22:30:00.000Z'])
    const february = await auditPage('admin', '?from=2024-02-01&to=2024-02-01&kind=regions')
    expect(february.entries.map((e) => new Date(e.createdAt).toISOString())).toEqual(['2024-01-31T23:30:00.000Z'])
    expect((await auditPage('admin', '?from=&to=&person=&kind=')).entries.length).toBeGreaterThan(2)
  })

  it('a bad date, an impossible period or an unknown kind is a 400 that says which, never a 500', async () => {
    const cases: [string, string][] = [
      ['?from=2024-02-30', 'audit.errors.from'],
      ['?from=gisteren', 'audit.errors.from'],
      ['?to=31-01-2024', 'audit.errors.to'],
      ['?to=1999-12-31', 'audit.errors.to'],
      ['?from=2024-02-01&to=2024-01-01', 'audit.errors.period'],
      ['?kind=secrets', 'audit.errors.kind'],
    ]
    for (const [query, message] of cases) {
      const outcome = await callRoute(auditRoute.loader, { cookie: roles.cookies.admin, path: `/audit${query}` })
      expect(outcome, query).toMatchObject({ status: 400, data: { message } })
    }
  })

  it('paging keeps the filters: every page is of the chosen kind, and nothing repeats', async () => {
    await prisma.auditEvent.createMany({
      data: Array.from({ length: AUDIT_PAGE_SIZE + 5 }, (_, i) => ({
        action: 'phraseFamily.update',
        subjectType: 'PhraseFamily',
        subjectId: `gone-${i}`,
        actorId: org.users.hq.id,
        createdAt: new Date(Date.now() - 60_000 - i * 1000),
      })),
    })
    // This organisation's HQ only: on PostgreSQL the database is shared with other test files.
    const person = org.users.hq.id
    const first = await auditPage('hq', `?kind=tone&person=${person}`)
    expect(first.entries).toHaveLength(AUDIT_PAGE_SIZE)
    expect(first.hasMore).toBe(true)
    const second = await auditPage('hq', `?kind=tone&person=${person}&before=${first.entries.at(-1)!.id}`)
    expect(second.entries).toHaveLength(5)
    expect(second.hasMore).toBe(false)
    const all = [...first.entries, ...second.entries]
    expect(all.every((e) => e.kind === 'tone')).toBe(true)
    expect(new Set(all.map((e) => e.id)).size).toBe(AUDIT_PAGE_SIZE + 5)
    // A family that does not exist is named as "a family", never guessed.
    expect(second.entries[0]!.sentence.refs.family).toEqual({ kind: 'family', name: null, href: null })
  })
})

describe('what a reader may not read is never named nor linked', () => {
  it('a consultation comment of the region: titled while the principle is readable, anonymous once archived', async () => {
    const principle = await makePrinciple(org.users.hq.id, {
      status: 'consultation',
      title: `Geheim na archiveren ${org.regionA.id}`,
    })
    const member = await prisma.user.findUniqueOrThrow({
      where: { id: org.users.member.id },
      include: { memberships: true },
    })
    const comment = await addComment(defineAbilityFor(member), member.id, principle, {
      body: 'Bij ons werkt dit anders.',
      regionId: org.regionA.id,
    })
    const commentEvent = (page: Page) => page.entries.find((e) => e.subjectId === comment.id)

    expect(commentEvent(await auditPage('manager'))).toMatchObject({
      actor: member.name,
      sentence: {
        key: 'principleComment',
        refs: { title: { name: principle.title, href: `/principles/${principle.slug}` } },
      },
    })
    await archivePrinciple(roles.abilities.hq, org.users.hq.id, principle.id)

    const manager = await auditPage('manager')
    expect(commentEvent(manager)!.sentence.refs.title).toEqual({ kind: 'principle', name: null, href: null })
    expect(JSON.stringify(manager)).not.toContain(principle.title)
    expect(JSON.stringify(manager)).not.toContain(`/principles/${principle.slug}`)
    // The admin reads everything, archived principles too.
    expect(commentEvent(await auditPage('admin'))!.sentence.refs.title).toMatchObject({ name: principle.title })
    // Another region's manager does not see the event at all.
    expect(commentEvent(await auditPage('otherManager'))).toBeUndefined()
  })

  it('a person removed from the region is "someone" to its manager; the admin reads the name and the link', async () => {
    const leaver = await makeUser({ memberships: [{ regionId: org.regionA.id, role: 'frontline' }] })
    const membership = leaver.memberships[0]!
    await removeMembership(roles.abilities.manager, org.users.manager.id, membership.id)

    const manager = await auditPage('manager', '?kind=people')
    const seen = manager.entries.find((e) => e.subjectId === membership.id)
    expect(seen).toMatchObject({
      action: 'membership.delete',
      actor: org.users.manager.name,
      sentence: {
        key: 'membershipDelete',
        refs: {
          person: { kind: 'person', name: null, href: null },
          region: { name: org.regionA.name, href: `/regions/${org.regionA.id}` },
        },
      },
    })
    expect(JSON.stringify(seen!.sentence)).not.toContain(leaver.name)

    const admin = await auditPage('admin', `?person=${org.users.manager.id}&kind=people`)
    expect(admin.entries.find((e) => e.subjectId === membership.id)!.sentence.refs.person).toEqual({
      kind: 'person',
      name: leaver.name,
      href: `/users/${leaver.id}`,
    })
  })

  it('the audit log stays closed to members, frontline and people without a role', async () => {
    for (const role of ['member', 'frontline', 'outsider'] as const) {
      const { cookies } = await signInRoles(org, [role])
      const outcome = await callRoute(auditRoute.loader, { cookie: cookies[role], path: '/audit?kind=principles' })
      expect(outcome.status, role).toBe(403)
    }
  })
})
