// The tone check's phrase families on both engines: the defaults arrive on their own, HQ's edits
// apply to the checker at once, bad patterns and stale saves are refused without writing, only
// HQ and admin may change the list (over HTTP), a save reports the count, and the overviews
// count the findings of published guidelines.
import { beforeAll, describe, expect, it } from 'vitest'
import {
  activePhraseFamilies,
  countToneFindings,
  listPhraseFamilies,
  toneFindingsOfPublishedGuidelines,
  toneSettings,
} from '~/models/tone.server.ts'
import { DEFAULT_PHRASE_FAMILIES } from '~/tone/default-families.ts'
import { defineAbilityFor } from '~/permissions/ability.server.ts'
import * as editRoute from '~/routes/guidelines.$guidelineId.edit.tsx'
import * as familyRoute from '~/routes/tone.$familyId.tsx'
import * as toneRoute from '~/routes/tone._index.tsx'
import * as newFamilyRoute from '~/routes/tone.new.tsx'
import * as workspaceRoute from '~/routes/regions.$regionId_.guidelines.tsx'
import { prisma } from '~/utils/db.server.ts'
import { takeFlash } from '~/web/flash.server.ts'
import { documentJson, makeGuideline, makeOrganisation, makePrinciple, signInRoles } from '../factories.ts'
import { callRoute } from '../route-helpers.ts'

let org: Awaited<ReturnType<typeof makeOrganisation>>
const ROLES = ['admin', 'hq', 'manager', 'member', 'frontline'] as const
type Role = (typeof ROLES)[number]
const abilities = {} as Record<Role, ReturnType<typeof defineAbilityFor>>
const cookies = {} as Record<Role, string>

/** A guideline whose version 1 is published (the factory writes the title into the body too). */
const publishedGuideline = (regionId: string, principleId: string, title: string) =>
  makeGuideline(org.users.hq.id, { regionId, principleId, status: 'published', publishedVersion: 1, title })

beforeAll(async () => {
  org = await makeOrganisation()
  const signedIn = await signInRoles(org, ROLES)
  Object.assign(abilities, signedIn.abilities)
  Object.assign(cookies, signedIn.cookies)
})

const familyForm = (overrides: Record<string, string> = {}) => ({
  name: 'Dat hebben we nog nooit gedaan',
  patterns: 'nog nooit gedaan|meegemaakt',
  exceptions: '',
  explanation: 'Wie zich op gewoonte beroept, sluit een nieuwe oplossing uit.',
  suggestion: 'Vraag wat de klant nodig heeft en kijk wat er wel kan.',
  enabled: 'on',
  ...overrides,
})

describe('phrase families', () => {
  it('start with the default families, all enabled', async () => {
    // (On PostgreSQL the database is shared with other test files, which may add families of their own.)
    const families = await listPhraseFamilies(abilities.manager)
    const defaults = families.filter((family) => DEFAULT_PHRASE_FAMILIES.some((d) => d.key === family.key))
    expect(defaults.map((family) => family.key).sort()).toEqual(
      DEFAULT_PHRASE_FAMILIES.map((family) => family.key).sort(),
    )
    expect(defaults.every((family) => family.enabled)).toBe(true)
    expect(await countToneFindings(abilities.member, 'Helaas, dat is nu eenmaal ons beleid.')).toBe(1)
  })

  it('HQ adds a family over HTTP and the checker uses it at once; the change is in the audit log', async () => {
    const sentence = 'Zulke lampen hebben we nog nooit gedaan.'
    expect(await countToneFindings(abilities.member, sentence)).toBe(0)
    const created = await callRoute(newFamilyRoute.action, { cookie: cookies.hq, form: familyForm() })
    expect(created).toMatchObject({ status: 302, location: '/tone' })
    expect(await countToneFindings(abilities.member, sentence)).toBe(1)
    const family = await prisma.phraseFamily.findFirstOrThrow({ where: { name: familyForm().name } })
    expect(family.key).toBe('dat-hebben-we-nog-nooit-gedaan')
    expect(
      await prisma.auditEvent.count({
        where: { subjectType: 'PhraseFamily', subjectId: family.id, action: 'phraseFamily.create' },
      }),
    ).toBe(1)
  })

  it('a disabled family stops flagging at once, and a stale save is refused without writing', async () => {
    const family = await prisma.phraseFamily.findUniqueOrThrow({ where: { key: 'druk' } })
    const form = {
      name: family.name,
      patterns: family.patterns,
      exceptions: family.exceptions,
      explanation: family.explanation,
      suggestion: family.suggestion,
      revision: String(family.revision),
    }
    expect(await countToneFindings(abilities.member, 'Het is hier zo druk vandaag.')).toBe(1)
    const disabled = await callRoute(familyRoute.action, {
      cookie: cookies.admin,
      params: { familyId: family.id },
      form,
    })
    expect(disabled.status).toBe(302)
    expect(await countToneFindings(abilities.member, 'Het is hier zo druk vandaag.')).toBe(0)
    expect((await activePhraseFamilies(abilities.member)).map((f) => f.id)).not.toContain(family.id)

    const stale = await callRoute(familyRoute.action, {
      cookie: cookies.hq,
      params: { familyId: family.id },
      form: { ...form, enabled: 'on', name: 'Oud' },
    })
    expect(stale.status).toBe(409)
    const stored = await prisma.phraseFamily.findUniqueOrThrow({ where: { id: family.id } })
    expect([stored.name, stored.enabled, stored.revision]).toEqual([family.name, false, family.revision + 1])
  })

  it('refuses a pattern the checker cannot read with its line number, and writes nothing', async () => {
    const before = await prisma.phraseFamily.count()
    const refused = await callRoute(newFamilyRoute.action, {
      cookie: cookies.hq,
      form: familyForm({ name: 'Kapot patroon', patterns: 'dat is beleid\nbeleid\n(niet) goed' }),
    })
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.data)).toContain('tone.errors.tooFewWords?line=2')
    expect(JSON.stringify(refused.data)).toContain('tone.errors.badWord?line=3')
    expect(await prisma.phraseFamily.count()).toBe(before)
  })

  it('only HQ and admin change families: managers, members and frontline get 403 on every route', async () => {
    const family = await prisma.phraseFamily.findUniqueOrThrow({ where: { key: 'beleid' } })
    for (const role of ['manager', 'member', 'frontline'] as const) {
      expect((await callRoute(newFamilyRoute.loader, { cookie: cookies[role] })).status, role).toBe(403)
      expect(
        (await callRoute(newFamilyRoute.action, { cookie: cookies[role], form: familyForm({ name: `Van ${role}` }) }))
          .status,
        role,
      ).toBe(403)
      expect(
        (await callRoute(familyRoute.loader, { cookie: cookies[role], params: { familyId: family.id } })).status,
        role,
      ).toBe(403)
      const forged = await callRoute(familyRoute.action, {
        cookie: cookies[role],
        params: { familyId: family.id },
        form: { ...familyForm({ name: 'Uitgezet' }), enabled: '' },
      })
      expect(forged.status, role).toBe(403)
    }
    const stored = await prisma.phraseFamily.findUniqueOrThrow({ where: { id: family.id } })
    expect([stored.name, stored.enabled]).toEqual([family.name, true])
    expect(await prisma.phraseFamily.count({ where: { name: { startsWith: 'Van ' } } })).toBe(0)
    expect((await callRoute(toneRoute.loader, { path: '/tone' })).status).toBe(302)
  })

  it('anyone signed in can try a text on the list page (a GET form)', async () => {
    const tried = await callRoute(toneRoute.loader, {
      cookie: cookies.frontline,
      path: `/tone?text=${encodeURIComponent('Dat is niet ons probleem.')}`,
    })
    expect(tried.status).toBe(200)
    expect((tried.data as { findings: { text: string }[] }).findings.map((f) => f.text)).toEqual(['niet ons probleem'])
  })
})

describe('the tone check around guidelines', () => {
  it('a save is never blocked and reports the count of findings', async () => {
    const principle = await makePrinciple(org.users.hq.id, { status: 'published', publishedVersion: 1 })
    const guideline = await makeGuideline(org.users.hq.id, { regionId: org.regionA.id, principleId: principle.id })
    const request = new Request(`http://localhost/guidelines/${guideline.id}/edit`, {
      method: 'POST',
      headers: { Cookie: cookies.member },
      body: new URLSearchParams({
        title: 'Retouren',
        body: documentJson('Helaas, dat is nu eenmaal ons beleid.', 'Daar kan ik niets aan doen.'),
        revision: String(guideline.revision),
      }),
    })
    const response = (await editRoute.action({
      request,
      params: { guidelineId: guideline.id },
      context: {},
    })) as Response
    expect(response.status).toBe(302)
    const cookie = response.headers.get('Set-Cookie')!.split(';')[0]!
    const { flash } = await takeFlash(new Request('http://localhost/', { headers: { Cookie: cookie } }))
    expect(flash?.detail).toEqual({ key: 'tone.afterSave', values: { count: 2 } })
    expect((await prisma.guideline.findUniqueOrThrow({ where: { id: guideline.id } })).bodyText).toContain(
      'nu eenmaal ons beleid',
    )
  })

  it('the region page and the coverage count the findings of published versions only, and only where the reader may look', async () => {
    const principle = await makePrinciple(org.users.hq.id, { status: 'published', publishedVersion: 1 })
    const flagged = await publishedGuideline(org.regionA.id, principle.id, 'Dat mag ik niet, het systeem ligt eruit')
    const draft = await makeGuideline(org.users.hq.id, {
      regionId: org.regionA.id,
      principleId: principle.id,
      title: 'Dat is niet ons probleem',
    })
    const elsewhere = await publishedGuideline(org.regionB.id, principle.id, 'Dat is niet ons probleem')
    // The factory writes the title into the body too ("Tekst van <title>"): each phrase counts twice.
    const asHq = await toneFindingsOfPublishedGuidelines(abilities.hq)
    expect(asHq.get(flagged.id)).toEqual([
      '"Dat mag ik niet"',
      '"Het systeem ligt eruit"',
      '"Dat mag ik niet"',
      '"Het systeem ligt eruit"',
    ])
    expect(asHq.get(elsewhere.id)).toHaveLength(2)
    expect(asHq.has(draft.id)).toBe(false)
    const asManager = await toneFindingsOfPublishedGuidelines(abilities.manager)
    expect(asManager.has(elsewhere.id)).toBe(false)

    const page = await callRoute(workspaceRoute.loader, {
      cookie: cookies.manager,
      params: { regionId: org.regionA.id },
    })
    expect((page.data as { toneFindings: Record<string, string[]> }).toneFindings[flagged.id]).toHaveLength(4)
  })
})

describe('writers report the tone check’s mistakes; HQ decides', () => {
  // A reputation brush-off in its context that neither the families nor the model flag.
  const missed = 'Die stoelen gaan twintig jaar mee bij normaal gebruik.'

  it('a writer reports over HTTP (stored once, audited); frontline may not report', async () => {
    const form = { intent: 'report', kind: 'missed', text: missed }
    const first = await callRoute(toneRoute.action, { cookie: cookies.member, form })
    expect(first).toMatchObject({ status: 200, data: { reported: true, created: true } })
    // A double click (or a second tab) does not make a second report.
    const again = await callRoute(toneRoute.action, { cookie: cookies.member, form })
    expect(again).toMatchObject({ status: 200, data: { reported: true, created: false } })
    const reports = await prisma.toneReport.findMany({ where: { text: missed } })
    expect(reports).toHaveLength(1)
    expect(await prisma.auditEvent.count({ where: { subjectId: reports[0]!.id, action: 'toneReport.create' } })).toBe(1)

    expect(await callRoute(toneRoute.action, { cookie: cookies.frontline, form })).toMatchObject({ status: 403 })
    expect(await callRoute(toneRoute.action, { cookie: cookies.member, form: { ...form, text: 'x' } })).toMatchObject({
      status: 400,
    })
    expect(await prisma.toneReport.count({ where: { reporterId: org.users.frontline.id } })).toBe(0)
  })

  it('HQ accepts: the sentence is decided at once for everyone; a second decision is a 409; a member may not decide', async () => {
    await callRoute(toneRoute.action, {
      cookie: cookies.manager,
      form: {
        intent: 'report',
        kind: 'wrongFlag',
        text: 'Dat is nu eenmaal ons beleid, zei de klant tevreden.',
        familyId: 'x',
      },
    })
    const report = await prisma.toneReport.findFirstOrThrow({
      where: { kind: 'wrongFlag', reporterId: org.users.manager.id },
    })
    const missedReport = await prisma.toneReport.findFirstOrThrow({ where: { text: missed } })
    const before = await countToneFindings(abilities.member, missed)

    const byMember = await callRoute(toneRoute.action, {
      cookie: cookies.member,
      form: { intent: 'review', id: missedReport.id, decision: 'accepted' },
    })
    expect(byMember.status).toBeGreaterThanOrEqual(403)
    expect((await prisma.toneReport.findUniqueOrThrow({ where: { id: missedReport.id } })).status).toBe('pending')

    const accepted = await callRoute(toneRoute.action, {
      cookie: cookies.hq,
      form: { intent: 'review', id: missedReport.id, decision: 'accepted' },
    })
    expect(accepted).toMatchObject({ status: 302 })
    expect(before).toBe(0)
    expect(await countToneFindings(abilities.member, missed)).toBe(1)
    // Every region's editor gets HQ's decided sentences, as fingerprints: never the words.
    expect(JSON.stringify(await toneSettings(abilities.member))).not.toContain('stoelen')
    const twice = await callRoute(toneRoute.action, {
      cookie: cookies.hq,
      form: { intent: 'review', id: missedReport.id, decision: 'declined' },
    })
    expect(twice.status).toBe(409)
    expect((await prisma.toneReport.findUniqueOrThrow({ where: { id: missedReport.id } })).status).toBe('accepted')

    const flaggedBefore = await countToneFindings(
      abilities.member,
      'Dat is nu eenmaal ons beleid, zei de klant tevreden.',
    )
    await callRoute(toneRoute.action, {
      cookie: cookies.hq,
      form: { intent: 'review', id: report.id, decision: 'accepted' },
    })
    expect(flaggedBefore).toBe(1)
    expect(await countToneFindings(abilities.member, 'Dat is nu eenmaal ons beleid, zei de klant tevreden.')).toBe(0)
  })

  it('the same report twice at once is stored once; two decisions at once: one wins, the other is 409', async () => {
    const form = { intent: 'report', kind: 'missed', text: 'Die kasten gaan twintig jaar mee bij normaal gebruik.' }
    const reports = await Promise.all([
      callRoute(toneRoute.action, { cookie: cookies.member, form }),
      callRoute(toneRoute.action, { cookie: cookies.member, form }),
    ])
    expect(reports.map((r) => r.status)).toEqual([200, 200])
    const stored = await prisma.toneReport.findMany({ where: { text: form.text } })
    expect(stored).toHaveLength(1)
    const review = (decision: string) =>
      callRoute(toneRoute.action, { cookie: cookies.hq, form: { intent: 'review', id: stored[0]!.id, decision } })
    const decisions = await Promise.all([review('accepted'), review('declined')])
    expect(decisions.map((d) => d.status).sort()).toEqual([302, 409])
    const decided = await prisma.toneReport.findUniqueOrThrow({ where: { id: stored[0]!.id } })
    expect(
      await prisma.auditEvent.count({ where: { subjectId: decided.id, action: { startsWith: 'toneReport.' } } }),
    ).toBe(2) // the report and the one decision that won
  })

  it('odd input on the tone page is an answer, never a 500 or a row', async () => {
    const before = await prisma.toneReport.count()
    const tryPage = (query: string) => callRoute(toneRoute.loader, { cookie: cookies.member, path: `/tone?${query}` })
    // A NUL byte in the address is refused; a huge text is cut to the box's length and checked.
    expect((await tryPage(`text=${encodeURIComponent('\u0000dat is beleid')}`)).status).toBe(400)
    const long = await tryPage(`text=${encodeURIComponent('Dat is beleid. '.repeat(1_000))}&check=${'x'.repeat(5_000)}`)
    expect(long.status).toBe(200)
    expect((long.data as { text: string; published: unknown }).text).toHaveLength(2_000)
    expect((long.data as { published: unknown }).published).toBeNull()
    for (const form of <Record<string, string>[]>[
      { intent: 'report', kind: 'missed', text: 'x'.repeat(1_001) },
      { intent: 'report', kind: 'sometimes', text: 'Dat is een zin.' },
      { intent: 'report', kind: 'wrongFlag', text: 'Dat is een zin.', familyId: 'f'.repeat(61) },
      { intent: 'review', id: 'no-such-report', decision: 'accepted' },
      { intent: 'review', id: 'x', decision: 'maybe' },
    ]) {
      const outcome = await callRoute(toneRoute.action, { cookie: cookies.hq, form })
      expect([400, 404], JSON.stringify(form)).toContain(outcome.status)
    }
    expect(await prisma.toneReport.count()).toBe(before)
  })

  it('the tone page lists reports: HQ all of them with decisions, a writer only their own', async () => {
    const asHq = await callRoute(toneRoute.loader, { cookie: cookies.hq, path: '/tone' })
    const hqReports = (asHq.data as { reports: { decided: { text: string }[]; may: { review: boolean } } }).reports
    expect(hqReports.may.review).toBe(true)
    expect(hqReports.decided.map((r) => r.text)).toContain(missed)
    const asManager = await callRoute(toneRoute.loader, { cookie: cookies.manager, path: '/tone' })
    const own = (asManager.data as { reports: { decided: { text: string }[]; may: { review: boolean } } }).reports
    expect(own.may.review).toBe(false)
    expect(own.decided.map((r) => r.text)).not.toContain(missed)
    const asFrontline = await callRoute(toneRoute.loader, { cookie: cookies.frontline, path: '/tone' })
    expect((asFrontline.data as { reports: unknown }).reports).toBeNull()
  })
})

describe('checking every published guideline at once', () => {
  it('HQ sees every region’s flagged guidelines, a manager only their own region’s', async () => {
    const principle = await makePrinciple(org.users.hq.id, { status: 'published', publishedVersion: 1 })
    const here = await publishedGuideline(org.regionA.id, principle.id, 'Ons systeem laat dat niet toe')
    const there = await publishedGuideline(org.regionB.id, principle.id, 'Dat bepaalt het hoofdkantoor, niet ik')
    type Checked = { published: { checked: number; flagged: { id: string; findings: { text: string }[] }[] } }
    const asHq = (await callRoute(toneRoute.loader, { cookie: cookies.hq, path: '/tone?check=published' }))
      .data as Checked
    const hqIds = asHq.published.flagged.map((g) => g.id)
    expect(hqIds).toEqual(expect.arrayContaining([here.id, there.id]))
    const asManager = (await callRoute(toneRoute.loader, { cookie: cookies.manager, path: '/tone?check=published' }))
      .data as Checked
    const managerIds = asManager.published.flagged.map((g) => g.id)
    expect(managerIds).toContain(here.id)
    expect(managerIds).not.toContain(there.id)
    expect(asManager.published.checked).toBeLessThan(asHq.published.checked)
    const withoutAsking = (await callRoute(toneRoute.loader, { cookie: cookies.hq, path: '/tone' })).data as {
      published: unknown
    }
    expect(withoutAsking.published).toBeNull()
  })
})
