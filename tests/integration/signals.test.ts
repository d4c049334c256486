// Customer signals on both engines: who may log and read them (every cell of the ability, over
// HTTP where a route serves it), the numbers the region page and HQ's comparison show, the
// manager's threshold on the start page, personal data refused, the import all-or-nothing and
// idempotent, and signals quoted in a draft once.
import { beforeAll, describe, expect, it } from 'vitest'
import { findSessionUser } from '~/models/auth.server.ts'
import { startPage } from '~/models/home.server.ts'
import { compareRegions, MIN_SIGNALS } from '~/models/signal-comparison.server.ts'
import { applySignalImport, previewSignalImport } from '~/models/signal-import.server.ts'
import { listMySignals, recordSignal, regionSignals } from '~/models/signal.server.ts'
import { defineAbilityFor } from '~/permissions/ability.server.ts'
import * as recordRoute from '~/routes/handbook.$regionId.signal.tsx'
import * as regionRoute from '~/routes/regions.$regionId_.signals.tsx'
import * as compareRoute from '~/routes/signals._index.tsx'
import * as importRoute from '~/routes/signals.import.tsx'
import { prisma } from '~/utils/db.server.ts'
import { makeGuideline, makeOrganisation, makePrinciple, makeUser, sessionCookie, signInRoles } from '../factories.ts'
import { callRoute } from '../route-helpers.ts'

const DAY = 86_400_000
type Org = Awaited<ReturnType<typeof makeOrganisation>>
const ROLES = ['admin', 'hq', 'manager', 'member', 'frontline', 'outsider', 'otherManager'] as const
type Role = (typeof ROLES)[number]

let org: Org
let abilities: Record<Role, ReturnType<typeof defineAbilityFor>>
let cookies: Record<Role, string>
let principle: Awaited<ReturnType<typeof makePrinciple>>
let rule: Awaited<ReturnType<typeof makeGuideline>>
let otherRule: Awaited<ReturnType<typeof makeGuideline>>

beforeAll(async () => {
  org = await makeOrganisation()
  ;({ abilities, cookies } = await signInRoles(org, ROLES))
  principle = await makePrinciple(org.users.hq.id, { status: 'published', publishedVersion: 1 })
  rule = await makeGuideline(org.users.manager.id, {
    regionId: org.regionA.id,
    principleId: principle.id,
    status: 'published',
    publishedVersion: 1,
    title: `Klachten ${org.regionA.slug}`,
  })
  otherRule = await makeGuideline(org.users.otherManager.id, {
    regionId: org.regionB.id,
    principleId: principle.id,
    status: 'published',
    publishedVersion: 1,
  })
})

const form = (fields: Record<string, string>) => fields
const count = (where: object = {}) =>
  prisma.customerSignal.count({ where: { regionId: { in: [org.regionA.id, org.regionB.id] }, ...where } })

/** Signals written straight to the database at a given age, as if logged over the past months. */
async function signalsAgo(
  regionId: string,
  rows: {
    daysAgo: number
    kind?: 'complaint' | 'compliment' | 'question' | 'suggestion'
    score?: number
    guidelineId?: string
    principleId?: string
    noRule?: boolean
    versionNumber?: number
    authorId?: string
  }[],
) {
  await prisma.customerSignal.createMany({
    data: rows.map((row, index) => ({
      regionId,
      kind: row.kind ?? 'complaint',
      channel: 'counter' as const,
      said: `Signaal ${index} van ${row.daysAgo} dagen geleden`,
      score: row.score ?? null,
      guidelineId: row.guidelineId ?? null,
      principleId: row.principleId ?? (row.guidelineId ? principle.id : null),
      versionNumber: row.versionNumber ?? (row.guidelineId ? 1 : null),
      noRule: row.noRule ?? false,
      occurredAt: new Date(Date.now() - row.daysAgo * DAY),
      authorId: row.authorId ?? null,
    })),
  })
}

describe('logging a signal', () => {
  it('frontline logs one against the rule they used, from the handbook form; it lands in their region with them as author', async () => {
    const before = await count()
    const outcome = await callRoute(recordRoute.action as never, {
      cookie: cookies.frontline,
      params: { regionId: org.regionA.id },
      form: form({
        kind: 'complaint',
        channel: 'phone',
        said: 'Ik moest drie keer bellen.',
        about: `g:${rule.id}`,
        score: '2',
      }),
    })
    expect(outcome.status).toBe(302)
    expect(outcome.location).toBe(`/handbook/${org.regionA.id}/signal`)
    const signal = await prisma.customerSignal.findFirstOrThrow({ where: { said: 'Ik moest drie keer bellen.' } })
    expect(signal).toMatchObject({
      regionId: org.regionA.id,
      authorId: org.users.frontline.id,
      kind: 'complaint',
      channel: 'phone',
      guidelineId: rule.id,
      principleId: principle.id,
      versionNumber: 1,
      score: 2,
    })
    expect(await count()).toBe(before + 1)
  })

  it('the same signal sent twice (a double tap) is stored once', async () => {
    const fields = form({ kind: 'question', channel: 'counter', said: 'Zijn jullie zondag open?', about: 'noRule' })
    for (let i = 0; i < 2; i++) {
      await callRoute(recordRoute.action as never, {
        cookie: cookies.member,
        params: { regionId: org.regionA.id },
        form: fields,
      })
    }
    expect(await count({ said: 'Zijn jullie zondag open?' })).toBe(1)
  })

  it.each([
    ['an e-mail address', 'Mail me op jan.jansen@voorbeeld.nl graag', 'email'],
    ['a phone number', 'Bel me terug op 06-12345678 vanavond', 'phone'],
    ['an IBAN', 'Stort het terug op NL91ABNA0417164300', 'iban'],
  ])('text with %s is refused with a clear message, nothing written', async (_, said, kind) => {
    const before = await count()
    const outcome = await callRoute(recordRoute.action as never, {
      cookie: cookies.frontline,
      params: { regionId: org.regionA.id },
      form: form({ kind: 'complaint', channel: 'counter', said, about: 'none' }),
    })
    expect(outcome.status).toBe(400)
    expect((outcome.data as { result: { error: Record<string, string[]> } }).result.error.said).toEqual([
      `signals.errors.personalData.${kind}`,
    ])
    expect(await count()).toBe(before)
  })

  it('a rule of another region, a kind or score that does not exist: a 4xx naming the field, nothing written', async () => {
    const before = await count()
    for (const [fields, field] of [
      [{ about: `g:${otherRule.id}` }, null],
      [{ kind: 'rant' }, 'kind'],
      [{ score: '6' }, 'score'],
      [{ channel: 'pigeon' }, 'channel'],
    ] as const) {
      const outcome = await callRoute(recordRoute.action as never, {
        cookie: cookies.frontline,
        params: { regionId: org.regionA.id },
        form: Object.assign(
          { kind: 'complaint', channel: 'counter', said: 'Een gewone klacht.', about: 'none' },
          fields,
        ),
      })
      expect(outcome.status, JSON.stringify(fields)).toBeGreaterThanOrEqual(400)
      expect(outcome.status, JSON.stringify(fields)).toBeLessThan(500)
      if (field) expect(Object.keys((outcome.data as { result: { error: object } }).result.error)).toContain(field)
    }
    expect(await count()).toBe(before)
  })

  it('nobody logs into a region they do not belong to: not frontline of another region, not HQ, not an outsider', async () => {
    const before = await count()
    for (const role of ['otherManager', 'hq', 'outsider'] as const) {
      const outcome = await callRoute(recordRoute.action as never, {
        cookie: cookies[role],
        params: { regionId: org.regionA.id },
        form: form({ kind: 'compliment', channel: 'counter', said: 'Heel fijn geholpen.', about: 'none' }),
      })
      expect([403, 404], role).toContain(outcome.status)
    }
    expect(await count()).toBe(before)
  })
})

describe('who reads what', () => {
  it('frontline and members read only their own signals; the list never shows a colleague’s', async () => {
    await recordSignal(abilities.member, org.users.member.id, org.regionA.id, {
      kind: 'suggestion',
      channel: 'counter',
      said: 'Een suggestie van het teamlid.',
      about: 'none',
    })
    const mine = await listMySignals(abilities.frontline, org.users.frontline.id, org.regionA.id)
    expect(mine.length).toBeGreaterThan(0)
    expect(mine.map((s) => s.said)).not.toContain('Een suggestie van het teamlid.')
    // Asking for someone else's list through the same function still gives only what the ability allows.
    expect(await listMySignals(abilities.frontline, org.users.member.id, org.regionA.id)).toEqual([])
  })

  it('the region page: its manager, HQ and the admin read it; frontline, members, outsiders and another region’s manager never', async () => {
    const status = async (role: Role) =>
      (
        await callRoute(regionRoute.loader as never, {
          cookie: cookies[role],
          params: { regionId: org.regionA.id },
          path: `/regions/${org.regionA.id}/signals`,
        })
      ).status
    for (const role of ['manager', 'hq', 'admin'] as const) expect(await status(role), role).toBe(200)
    for (const role of ['frontline', 'member', 'outsider', 'otherManager'] as const)
      expect([403, 404], role).toContain(await status(role))
  })

  it('HQ reads read-only: the threshold and "use as input" are refused over HTTP', async () => {
    const page = await regionSignals(abilities.hq, org.regionA.id)
    expect(page.manages).toBe(false)
    expect(page.drafts).toEqual([])
    const threshold = await callRoute(regionRoute.action as never, {
      cookie: cookies.hq,
      params: { regionId: org.regionA.id },
      form: { intent: 'threshold', threshold: '9' },
    })
    expect(threshold.status).toBe(403)
    expect((await prisma.region.findUniqueOrThrow({ where: { id: org.regionA.id } })).complaintThreshold).toBe(3)
  })

  it('HQ’s comparison and the import: HQ and the admin compare, a manager does not; managers and the admin import, HQ does not', async () => {
    const compare = async (role: Role) =>
      (await callRoute(compareRoute.loader as never, { cookie: cookies[role], path: '/signals' })).status
    expect(await compare('hq')).toBe(200)
    expect(await compare('admin')).toBe(200)
    for (const role of ['manager', 'member', 'frontline'] as const) expect(await compare(role), role).toBe(403)
    const importPage = async (role: Role) =>
      (await callRoute(importRoute.loader as never, { cookie: cookies[role], path: '/signals/import' })).status
    expect(await importPage('manager')).toBe(200)
    expect(await importPage('admin')).toBe(200)
    for (const role of ['hq', 'member', 'frontline'] as const) expect(await importPage(role), role).toBe(403)
  })
})

describe('the numbers', () => {
  it('per rule and month: complaints in 30 days against the threshold, the average score, what no rule covered', async () => {
    const region = await prisma.region.create({
      data: { name: `Telregio ${Date.now()}`, slug: `telregio-${Date.now()}` },
    })
    const manager = await makeUser({ memberships: [{ regionId: region.id, role: 'manager' }] })
    const ability = defineAbilityFor(
      await prisma.user.findUniqueOrThrow({ where: { id: manager.id }, include: { memberships: true } }),
    )
    const g = await makeGuideline(manager.id, {
      regionId: region.id,
      principleId: principle.id,
      status: 'published',
      publishedVersion: 1,
    })
    await signalsAgo(region.id, [
      { daysAgo: 2, guidelineId: g.id, score: 1 },
      { daysAgo: 5, guidelineId: g.id, score: 2 },
      { daysAgo: 10, guidelineId: g.id },
      { daysAgo: 20, guidelineId: g.id, score: 3 },
      { daysAgo: 45, guidelineId: g.id }, // outside the 30 days
      { daysAgo: 6, guidelineId: g.id, kind: 'compliment', score: 5 },
      { daysAgo: 3, noRule: true, kind: 'question' },
      { daysAgo: 200, noRule: true }, // outside the 90 days
    ])
    const page = await regionSignals(ability, region.id)
    const row = page.rules.find((r) => r.guidelineId === g.id)!
    expect(row).toMatchObject({ total: 6, complaints: 5, recentComplaints: 4, averageScore: 2.8, overThreshold: true })
    expect(page.noRule.map((s) => s.kind)).toEqual(['question'])
    const months = page.months
    expect(months).toHaveLength(6)
    expect(months.reduce((sum, m) => sum + m.complaint, 0)).toBe(5)
    expect(months.reduce((sum, m) => sum + m.total, 0)).toBe(7)

    // The start page suggests a review while complaints exceed the threshold; the manager raises it, it goes.
    const user = (await findSessionUser(
      (await prisma.session.create({ data: { userId: manager.id, expiresAt: new Date(Date.now() + 3_600_000) } })).id,
    ))!
    const home = await startPage(ability, user)
    expect(home.kind === 'home' && home.todo.signals?.map((i) => [i.id, i.n, i.total])).toEqual([[g.id, 4, 3]])
    const raised = await callRoute(regionRoute.action as never, {
      cookie: await sessionCookie(manager.id),
      params: { regionId: region.id },
      form: { intent: 'threshold', threshold: '4' },
    })
    expect(raised.status).toBe(302)
    const after = await startPage(ability, user)
    expect(after.kind === 'home' && after.todo.signals).toBeFalsy()
    // Another region's manager never gets this region's suggestion.
    const other = (await findSessionUser(
      (
        await prisma.session.create({
          data: { userId: org.users.otherManager.id, expiresAt: new Date(Date.now() + 3_600_000) },
        })
      ).id,
    ))!
    const otherHome = await startPage(abilities.otherManager, other)
    expect(otherHome.kind === 'home' && (otherHome.todo.signals ?? []).some((i) => i.id === g.id)).toBe(false)
  })

  it('before and after a new version: complaints per 30 days while each version applied', async () => {
    const g = await makeGuideline(org.users.manager.id, {
      regionId: org.regionA.id,
      principleId: principle.id,
      status: 'published',
      publishedVersion: 2,
    })
    // v1 from 60 days ago, v2 from 30 days ago (versions are immutable: switched off for the test's setup only).
    await prisma.$transaction(async (tx) => {
      await tx.$executeRaw`ALTER TABLE "GuidelineVersion" DISABLE TRIGGER "GuidelineVersion_immutable"`
      await tx.$executeRaw`UPDATE "GuidelineVersion" SET "publishedAt" = now() - (CASE "number" WHEN 1 THEN 60 ELSE 30 END) * interval '1 day' WHERE "guidelineId" = ${g.id}`
      await tx.$executeRaw`ALTER TABLE "GuidelineVersion" ENABLE TRIGGER "GuidelineVersion_immutable"`
    })
    await signalsAgo(org.regionA.id, [
      ...[55, 50, 45, 40, 35, 33].map((daysAgo) => ({ daysAgo, guidelineId: g.id, versionNumber: 1, score: 2 })),
      { daysAgo: 10, guidelineId: g.id, versionNumber: 2, score: 4 },
      { daysAgo: 5, guidelineId: g.id, versionNumber: 2, kind: 'compliment' as const, score: 5 },
    ])
    const page = await regionSignals(abilities.manager, org.regionA.id, { guidelineId: g.id })
    expect(
      page.focus!.versions.map((v) => [v.number, v.days, v.complaints, v.complaintsPer30Days, v.averageScore]),
    ).toEqual([
      [1, 30, 6, 6, 2],
      [2, 30, 1, 1, 4.5],
    ])
    expect(page.latest).toHaveLength(8)
  })

  it('HQ compares choices: own guideline vs as written, with rates only above the minimum', async () => {
    const p = await makePrinciple(org.users.hq.id, { status: 'published', publishedVersion: 1 })
    const own = await makeGuideline(org.users.manager.id, {
      regionId: org.regionA.id,
      principleId: p.id,
      status: 'published',
      publishedVersion: 1,
    })
    await prisma.principleDecision.create({
      data: {
        regionId: org.regionB.id,
        principleId: p.id,
        kind: 'applies_as_written',
        basedOnPrincipleVersion: 1,
        decidedById: org.users.otherManager.id,
      },
    })
    // Region A: 12 signals about its own rule, 3 complaints, scores averaging 4; region B: 4 as written.
    await signalsAgo(org.regionA.id, [
      ...Array.from({ length: 9 }, () => ({
        daysAgo: 7,
        guidelineId: own.id,
        principleId: p.id,
        kind: 'compliment' as const,
        score: 4,
      })),
      ...Array.from({ length: 3 }, () => ({ daysAgo: 8, guidelineId: own.id, principleId: p.id, score: 4 })),
    ])
    await signalsAgo(
      org.regionB.id,
      Array.from({ length: 4 }, () => ({ daysAgo: 9, principleId: p.id, score: 2 })),
    )
    const { comparisons } = await compareRegions(abilities.hq, { principleId: p.id })
    const groups = Object.fromEntries(comparisons[0]!.groups.map((g) => [g.choice, g]))
    expect(groups.own!.regions).toEqual([org.regionA.name])
    expect(groups.own!.about).toMatchObject({ signals: 12, complaints: 3, complaintShare: 25, averageScore: 4 })
    expect(groups.asWritten!.regions).toEqual([org.regionB.name])
    expect(groups.asWritten!.about).toMatchObject({ signals: 4, complaintShare: null, averageScore: null })
    expect(4).toBeLessThan(MIN_SIGNALS)
    await expect(compareRegions(abilities.manager)).rejects.toMatchObject({ status: 403 })
  })
})

describe('using signals as customer input', () => {
  it('ticked signals become customer input of a draft, once; a published guideline is no draft', async () => {
    const draft = await makeGuideline(org.users.manager.id, {
      regionId: org.regionA.id,
      principleId: principle.id,
      status: 'draft',
    })
    const signals = await prisma.customerSignal.findMany({
      where: { regionId: org.regionA.id },
      take: 2,
      select: { id: true },
    })
    const post = (guideline: string) =>
      callRoute(regionRoute.action as never, {
        cookie: cookies.manager,
        params: { regionId: org.regionA.id },
        raw: {
          body: new URLSearchParams([
            ['intent', 'use'],
            ['guideline', guideline],
            ...signals.map((s) => ['signals', s.id]),
          ]),
          contentType: 'application/x-www-form-urlencoded',
        },
      })
    expect((await post(draft.id)).status).toBe(302)
    expect(await prisma.customerInput.count({ where: { guidelineId: draft.id } })).toBe(2)
    expect((await post(draft.id)).status).toBe(302)
    expect(await prisma.customerInput.count({ where: { guidelineId: draft.id } })).toBe(2)
    expect(
      await prisma.customerSignal.count({ where: { id: { in: signals.map((s) => s.id) }, usedAt: { not: null } } }),
    ).toBe(2)
    const published = await post(rule.id)
    expect(published.status).toBe(409)
    // More than a hundred at once, or none: a 400 naming the field, nothing quoted.
    const many = await callRoute(regionRoute.action as never, {
      cookie: cookies.manager,
      params: { regionId: org.regionA.id },
      raw: {
        body: new URLSearchParams([
          ['intent', 'use'],
          ['guideline', draft.id],
          ...Array.from({ length: 101 }, (_, i) => ['signals', `s${i}`]),
        ]),
        contentType: 'application/x-www-form-urlencoded',
      },
    })
    expect(many.status).toBe(400)
    expect(Object.keys((many.data as { result: { error: object } }).result.error)).toContain('signals')
    const none = await callRoute(regionRoute.action as never, {
      cookie: cookies.manager,
      params: { regionId: org.regionA.id },
      form: { intent: 'use', guideline: draft.id },
    })
    expect(none.status).toBe(400)
    expect(await prisma.customerInput.count({ where: { guidelineId: draft.id } })).toBe(2)
    // Another region's manager cannot quote region A's signals into anything.
    const stranger = await callRoute(regionRoute.action as never, {
      cookie: cookies.otherManager,
      params: { regionId: org.regionA.id },
      form: { intent: 'use', guideline: draft.id, signals: signals[0]!.id },
    })
    expect([403, 404]).toContain(stranger.status)
  })
})

describe('import', () => {
  const header = 'datum;regio;soort;tekst;cijfer;kanaal;richtlijn'
  it('previews every row’s problem and applies nothing while one row is wrong', async () => {
    const before = await count()
    const csv = [
      header,
      `2026-11-03;${org.regionA.name};klacht;Lang gewacht op antwoord;2;telefoon;${rule.title}`,
      `31-02-2026;${org.regionA.name};klacht;Onmogelijke datum;;;`,
      `2026-11-04;${org.regionB.name};vraag;Regio van een ander;;;`,
      `2026-11-05;${org.regionA.name};gemopper;Onbekende soort;;;`,
      `2026-11-06;${org.regionA.name};klacht;Mail naar piet@example.nl;;;`,
      `2026-11-07;${org.regionA.name};klacht;Cijfer te hoog;7;;`,
    ].join('\n')
    const preview = await previewSignalImport(abilities.manager, csv)
    expect(preview.rows.map((r) => r.problems)).toEqual([
      [],
      ['badDate'],
      ['notYourRegion'],
      ['unknownKind'],
      ['personalData.email'],
      ['badScore'],
    ])
    await expect(applySignalImport(abilities.manager, org.users.manager.id, csv)).rejects.toMatchObject({ status: 400 })
    expect(await count()).toBe(before)
  })

  it('applies a clean file at once over HTTP; the same file again adds nothing', async () => {
    const before = await count()
    const csv = [
      header,
      `2026-11-03;${org.regionA.name};klacht;Lang gewacht op antwoord;2;telefoon;${rule.title}`,
      `2026-11-03;${org.regionA.name};klacht;Lang gewacht op antwoord;2;telefoon;${rule.title}`,
      `04-11-2026;${org.regionA.slug};compliment;Top geholpen;5;balie;`,
      `2026-11-05;${org.regionA.name};vraag;Kan ik online betalen?;;chat;geen regel`,
    ].join('\n')
    const apply = () =>
      callRoute(importRoute.action as never, {
        cookie: cookies.manager,
        path: '/signals/import',
        form: { intent: 'apply', csv },
      })
    expect((await apply()).status).toBe(302)
    expect(await count()).toBe(before + 4)
    const imported = await prisma.customerSignal.findMany({
      where: {
        regionId: org.regionA.id,
        importKey: { not: null },
        said: { in: ['Lang gewacht op antwoord', 'Kan ik online betalen?'] },
      },
      select: { guidelineId: true, versionNumber: true, noRule: true, authorId: true },
    })
    // The rule's first version was published today: on 3 November no version of it applied yet.
    expect(imported).toContainEqual({ guidelineId: rule.id, versionNumber: null, noRule: false, authorId: null })
    expect(imported).toContainEqual({ guidelineId: null, versionNumber: null, noRule: true, authorId: null })
    expect((await apply()).status).toBe(302)
    expect(await count()).toBe(before + 4)
    const again = await previewSignalImport(abilities.manager, csv)
    expect(again.summary).toMatchObject({ rows: 4, add: 0, known: 4, problems: 0 })
    // HQ reads, never imports.
    const hq = await callRoute(importRoute.action as never, {
      cookie: cookies.hq,
      path: '/signals/import',
      form: { intent: 'apply', csv },
    })
    expect(hq.status).toBe(403)
  })
})
