// Work finds its people, on both engines: who hears about what (and who must not), reminders at
// most once a day, overdue confirmations, preferences, the daily digest, and the mail outbox
// against a real SMTP server on localhost (smtp-server) that is down first and then up.
import net from 'node:net'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseDocument } from '~/editor/document.ts'
import { addComment, addGuidelineComment } from '~/models/comment.server.ts'
import { handleFeedback, sendFeedback } from '~/models/feedback.server.ts'
import {
  createGuideline,
  publishGuideline,
  saveGuideline,
  sendBack,
  submitForReview,
} from '~/models/guideline.server.ts'
import { acknowledge } from '~/models/handbook.server.ts'
import { markInterruptedMails, sendPendingMails } from '~/models/mail.server.ts'
import {
  notifyClosingConsultations,
  processPendingEvents,
  saveNotificationSettings,
  writeDigests,
} from '~/models/notifications.server.ts'
import { openConsultation, publishPrinciple, savePrinciple } from '~/models/principle.server.ts'
import { notifyOverdueConfirmations, remindReaders } from '~/models/read-campaign.server.ts'
import { defineAbilityFor } from '~/permissions/ability.server.ts'
import { prisma } from '~/utils/db.server.ts'
import { documentJson, makeOrganisation, makePrinciple, makeUser, signInRoles } from '../factories.ts'

let org: Awaited<ReturnType<typeof makeOrganisation>>
const ROLES = ['admin', 'hq', 'manager', 'member', 'frontline', 'otherManager'] as const
type Role = (typeof ROLES)[number]
const abilities = {} as Record<Role, ReturnType<typeof defineAbilityFor>>
const id = (role: Role) => org.users[role].id
let otherFrontline: Awaited<ReturnType<typeof makeUser>>
let otherMember: Awaited<ReturnType<typeof makeUser>>

beforeAll(async () => {
  delete process.env.SMTP_URL
  org = await makeOrganisation()
  Object.assign(abilities, (await signInRoles(org, ROLES)).abilities)
  otherFrontline = await makeUser({ memberships: [{ regionId: org.regionB.id, role: 'frontline' }] })
  otherMember = await makeUser({ memberships: [{ regionId: org.regionB.id, role: 'member' }] })
})

afterAll(() => {
  delete process.env.SMTP_URL
})

const content = (title: string, text: string) => {
  const parsed = parseDocument(documentJson(text))
  if (!parsed.ok) throw new Error(parsed.error)
  return { title, json: parsed.json, text: parsed.text }
}
const inAYear = () => new Date(Date.now() + 365 * 86_400_000)
const inAWeek = () => new Date(Date.now() + 7 * 86_400_000)

/** The notifications each user got about `link` (or of `kind`), after the worker ran. */
async function notified(filter: { link?: string; kind?: string }) {
  await processPendingEvents()
  const rows = await prisma.notification.findMany({
    where: filter,
    select: { userId: true, kind: true, params: true, link: true },
  })
  return rows
}
const who = (rows: { userId: string }[]) => new Set(rows.map((r) => r.userId))

/** A guideline of region A, published by its manager (v1, a material change), as stored now. */
async function publishedGuideline(title: string) {
  const principle = await makePrinciple(id('hq'), { status: 'published', publishedVersion: 1 })
  const g = await createGuideline(abilities.manager, id('manager'), {
    ...content(title, 'Tekst versie een.'),
    regionId: org.regionA.id,
    principleId: principle.id,
  })
  await publishGuideline(abilities.manager, id('manager'), g.id, {
    changeNote: 'v1',
    reviewBy: inAYear(),
    baseRevision: g.revision,
  })
  return prisma.guideline.findUniqueOrThrow({ where: { id: g.id } })
}

async function draftGuideline(title: string) {
  const principle = await makePrinciple(id('hq'), { status: 'published', publishedVersion: 1 })
  const guideline = await createGuideline(abilities.member, id('member'), {
    ...content(title, 'Bel de klant binnen een werkdag terug.'),
    regionId: org.regionA.id,
    principleId: principle.id,
  })
  return { principle, guideline }
}

describe('who hears about what', () => {
  it('a submitted draft reaches the region’s manager only; nobody hears about a draft they cannot open', async () => {
    const { guideline } = await draftGuideline('Terugbellen bij klachten')
    await submitForReview(abilities.member, id('member'), guideline.id)
    const rows = await notified({ kind: 'guideline.submitted', link: `/guidelines/${guideline.id}` })
    expect(who(rows)).toEqual(new Set([id('manager')]))
    expect(who(rows).has(id('frontline'))).toBe(false)
    expect(who(rows).has(id('member'))).toBe(false) // who did it is not told
    expect(who(rows).has(id('otherManager'))).toBe(false)
  })

  it('sending back reaches the writer; publishing reaches the region (frontline with a due date), never another region', async () => {
    const { guideline } = await draftGuideline('Retour zonder bon')
    await submitForReview(abilities.member, id('member'), guideline.id)
    await sendBack(abilities.manager, id('manager'), guideline.id, 'Noem ook de digitale bon.')
    const back = await notified({ kind: 'guideline.sentBack', link: `/guidelines/${guideline.id}` })
    expect(who(back)).toEqual(new Set([id('member')]))

    const confirmBy = inAWeek()
    await publishGuideline(abilities.manager, id('manager'), guideline.id, {
      changeNote: 'Eerste versie',
      reviewBy: inAYear(),
      baseRevision: (await prisma.guideline.findUniqueOrThrow({ where: { id: guideline.id } })).revision,
      campaign: { material: true, confirmBy },
    })
    const floor = await notified({ kind: 'guideline.published', link: `/handbook/${org.regionA.id}/${guideline.id}` })
    expect(who(floor)).toEqual(new Set([id('frontline')]))
    expect(floor[0]!.params).toMatchObject({
      title: 'Retour zonder bon',
      version: 1,
      confirmBy: confirmBy.toISOString(),
    })
    const team = await notified({ kind: 'guideline.published', link: `/guidelines/${guideline.id}` })
    expect(who(team)).toEqual(new Set([id('member')]))
    const all = await notified({ kind: 'guideline.published' })
    for (const outsider of [otherFrontline.id, otherMember.id, id('otherManager'), id('hq')]) {
      expect(who(all).has(outsider)).toBe(false)
    }
  })

  it('a new principle version tells the managers of regions whose guidelines rest on the old one', async () => {
    const g = await publishedGuideline('Klachten in A')
    const principle = await prisma.principle.findUniqueOrThrow({ where: { id: g.principleId } })
    await savePrinciple(abilities.hq, id('hq'), principle.id, {
      ...content(principle.title, 'Nieuwe hoofdlijn'),
      baseRevision: principle.revision,
    })
    await openConsultation(abilities.hq, id('hq'), principle.id, inAWeek())
    await publishPrinciple(abilities.hq, id('hq'), principle.id, {
      changeNote: 'v2',
      baseRevision: principle.revision + 1,
    })
    const rows = await notified({ kind: 'guideline.needsReview', link: `/regions/${org.regionA.id}/guidelines` })
    expect(who(rows)).toEqual(new Set([id('manager')]))
    expect(rows[0]!.params).toMatchObject({ version: 2, count: 1 })
    expect(
      await prisma.notification.count({
        where: { kind: 'guideline.needsReview', userId: id('otherManager'), createdAt: { gte: g.updatedAt } },
      }),
    ).toBe(0)
  })

  it('a consultation reaches those who may comment in it (not frontline); a reply reaches the one replied to', async () => {
    const principle = await makePrinciple(id('hq'), { status: 'draft', title: `Ruimte ${Date.now()}` })
    await openConsultation(abilities.hq, id('hq'), principle.id, inAWeek())
    const opened = await notified({
      kind: 'consultation.opened',
      link: `/principles/${principle.slug}#consultation-title`,
    })
    for (const role of ['manager', 'member', 'otherManager'] as const) expect(who(opened).has(id(role))).toBe(true)
    expect(who(opened).has(otherMember.id)).toBe(true)
    expect(who(opened).has(id('frontline'))).toBe(false)
    expect(who(opened).has(otherFrontline.id)).toBe(false)
    expect(who(opened).has(id('hq'))).toBe(false) // HQ opened it

    const fresh = await prisma.principle.findUniqueOrThrow({ where: { id: principle.id } })
    const question = await addComment(abilities.manager, id('manager'), fresh, {
      body: 'Geldt dit ook bij de kassa?',
      regionId: org.regionA.id,
    })
    await addComment(abilities.hq, id('hq'), fresh, { body: 'Ja, overal.', regionId: null, parentId: question.id })
    const replies = await notified({ kind: 'comment.reply' })
    expect(replies.filter((r) => r.link.includes(principle.slug)).map((r) => r.userId)).toEqual([id('manager')])

    // Closing within two days: once, to who may still comment.
    await prisma.principle.update({
      where: { id: principle.id },
      data: { consultationEndsAt: new Date(Date.now() + 86_400_000) },
    })
    expect(await notifyClosingConsultations()).toBeGreaterThan(0)
    expect(await notifyClosingConsultations()).toBe(0)
  })

  it('a reply on a team draft stays in the region', async () => {
    const { guideline } = await draftGuideline('Overleg in het team')
    const first = await addGuidelineComment(abilities.member, id('member'), guideline, { body: 'Klopt de termijn?' })
    await addGuidelineComment(abilities.manager, id('manager'), guideline, { body: 'Ja.', parentId: first.id })
    const rows = await notified({ kind: 'comment.reply', link: `/guidelines/${guideline.id}#team-comments` })
    expect(who(rows)).toEqual(new Set([id('member')]))
  })

  it('feedback answered reaches its sender; passed on reaches HQ', async () => {
    const g = await publishedGuideline('Bon kwijt')
    const feedback = await sendFeedback(
      abilities.frontline,
      id('frontline'),
      org.regionA.id,
      g.id,
      'De kassa toont maar 30 dagen.',
    )
    await handleFeedback(abilities.manager, id('manager'), org.regionA.id, feedback.id, {
      kind: 'answer',
      answer: 'Vraag dan de bankafschrift.',
    })
    await handleFeedback(abilities.manager, id('manager'), org.regionA.id, feedback.id, { kind: 'pass' })
    expect(who(await notified({ kind: 'feedback.answered', link: `/handbook/${org.regionA.id}/${g.id}` }))).toEqual(
      new Set([id('frontline')]),
    )
    const passed = await notified({ kind: 'feedback.passedOn', link: '/inbox' })
    expect(who(passed).has(id('hq'))).toBe(true)
    expect(who(passed).has(id('manager'))).toBe(false)
    expect(who(passed).has(id('frontline'))).toBe(false)
  })
})

describe('read campaigns', () => {
  it('a minor correction keeps confirmations; a material change asks again', async () => {
    const g = await publishedGuideline('Correcties')
    await acknowledge(abilities.frontline, id('frontline'), org.regionA.id, g.id, 1)
    await saveGuideline(abilities.manager, id('manager'), g.id, {
      ...content('Correcties', 'Tekst versie een, zonder tikfout.'),
      baseRevision: g.revision,
    })
    await publishGuideline(abilities.manager, id('manager'), g.id, {
      changeNote: 'Tikfout',
      reviewBy: inAYear(),
      baseRevision: g.revision + 1,
      campaign: { material: false },
    })
    const readers = await remindReaders(abilities.manager, id('manager'), g.id)
    expect(readers).toBe(0) // still confirmed: nobody to remind
    const v2 = await prisma.guidelineVersion.findFirstOrThrow({ where: { guidelineId: g.id, number: 2 } })
    expect(v2).toMatchObject({ material: false, confirmationVersion: 1, confirmBy: null })

    await saveGuideline(abilities.manager, id('manager'), g.id, {
      ...content('Correcties', 'Nieuwe regel.'),
      baseRevision: g.revision + 1,
    })
    await publishGuideline(abilities.manager, id('manager'), g.id, {
      changeNote: 'Inhoud',
      reviewBy: inAYear(),
      baseRevision: g.revision + 2,
      campaign: { material: true, confirmBy: inAWeek() },
    })
    expect(await remindReaders(abilities.manager, id('manager'), g.id)).toBe(1)
  })

  it('the manager reminds at most once a day per person; only the region’s own frontline; members cannot remind', async () => {
    const g = await publishedGuideline('Herinneringen')
    expect(await remindReaders(abilities.manager, id('manager'), g.id)).toBe(1)
    expect(await remindReaders(abilities.manager, id('manager'), g.id)).toBe(0)
    const due = await prisma.notification.findMany({
      where: { kind: 'confirmation.due', link: `/handbook/${org.regionA.id}/${g.id}` },
    })
    expect(who(due)).toEqual(new Set([id('frontline')]))
    await expect(remindReaders(abilities.member, id('member'), g.id)).rejects.toMatchObject({ status: 403 })
    await expect(remindReaders(abilities.otherManager, id('otherManager'), g.id)).rejects.toMatchObject({ status: 404 })
  })

  it('a confirmation past its due date reaches the reader once, and the manager’s digest', async () => {
    const g = await publishedGuideline('Te laat')
    await prisma.$executeRaw`ALTER TABLE "GuidelineVersion" DISABLE TRIGGER "GuidelineVersion_immutable"`
    await prisma.guidelineVersion.updateMany({
      where: { guidelineId: g.id },
      data: { confirmBy: new Date(Date.now() - 86_400_000) },
    })
    await prisma.$executeRaw`ALTER TABLE "GuidelineVersion" ENABLE TRIGGER "GuidelineVersion_immutable"`
    expect(await notifyOverdueConfirmations()).toBeGreaterThanOrEqual(1)
    expect(await notifyOverdueConfirmations()).toBe(0)
    const overdue = await prisma.notification.findMany({
      where: { kind: 'confirmation.overdue', link: `/handbook/${org.regionA.id}/${g.id}` },
    })
    expect(who(overdue)).toEqual(new Set([id('frontline')]))

    await prisma.user.update({ where: { id: id('manager') }, data: { digestSentAt: null } })
    await writeDigests(new Date())
    const digest = await prisma.mail.findFirstOrThrow({ where: { userId: id('manager'), kind: 'digest' } })
    expect(digest.text).toContain('Te laat')
    expect(digest.text).toMatch(/nog niet bevestigd/)
  })
})

describe('preferences and the digest', () => {
  it('off: the notification stays in the app, no e-mail; digest: collected once a day', async () => {
    const user = await makeUser({ memberships: [{ regionId: org.regionA.id, role: 'frontline' }] })
    await saveNotificationSettings(user.id, { 'guideline.published': 'off', 'confirmation.due': 'digest' })
    const g = await publishedGuideline('Voorkeuren')
    await processPendingEvents()
    const published = await prisma.notification.findFirstOrThrow({
      where: { userId: user.id, kind: 'guideline.published' },
    })
    expect(await prisma.mail.count({ where: { dedupeKey: `notification:${published.id}` } })).toBe(0)

    await remindReaders(abilities.manager, id('manager'), g.id, user.id)
    const due = await prisma.notification.findFirstOrThrow({ where: { userId: user.id, kind: 'confirmation.due' } })
    expect(await prisma.mail.count({ where: { dedupeKey: `notification:${due.id}` } })).toBe(0)
    expect(await writeDigests(new Date())).toBeGreaterThanOrEqual(1)
    const digests = await prisma.mail.findMany({ where: { userId: user.id, kind: 'digest' } })
    expect(digests).toHaveLength(1)
    expect(digests[0]!.text).toContain('Herinnering: lees en bevestig “Voorkeuren”')
    expect(digests[0]!.text).toContain('/unsubscribe/')
    // Not again the same day, and the reminder is not repeated in a later digest.
    await writeDigests(new Date())
    expect(await prisma.mail.count({ where: { userId: user.id, kind: 'digest' } })).toBe(1)
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: due.id } })).digestedAt).not.toBeNull()
  })
})

describe('the mail outbox against a real SMTP server', () => {
  const received: string[] = []
  let server: SMTPServer | null = null
  let port = 0

  beforeAll(async () => {
    // A free port, with nothing listening yet: the mail server is "down".
    port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address() as net.AddressInfo
        probe.close(() => resolve(address.port))
      })
    })
  })
  afterAll(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  })

  it('the server down: nothing is lost, it is retried; up: each mail arrives exactly once', async () => {
    // Mails written before this test would be sent too: start from a clean outbox.
    await prisma.mail.updateMany({ where: { status: { in: ['pending', 'kept'] } }, data: { status: 'sent' } })
    const user = await makeUser({ memberships: [{ regionId: org.regionA.id, role: 'frontline' }] })
    await publishedGuideline('Post komt aan')
    await processPendingEvents()
    const mine = await prisma.mail.findMany({ where: { userId: user.id, status: 'pending' } })
    expect(mine).toHaveLength(1)
    const pending = await prisma.mail.count({ where: { status: 'pending' } })

    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`
    const down = await sendPendingMails({ limit: 10_000 })
    expect(down).toMatchObject({ sent: 0, retried: pending })
    const retried = await prisma.mail.findUniqueOrThrow({ where: { id: mine[0]!.id } })
    expect(retried).toMatchObject({ status: 'pending', attempts: 1 })
    expect(retried.lastError).toBeTruthy()
    expect(retried.nextAttemptAt.getTime()).toBeGreaterThan(Date.now())

    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        let raw = ''
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString()))
        stream.on('end', () => {
          received.push(raw)
          callback()
        })
      },
    })
    await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve))
    const later = new Date(Date.now() + 10 * 60_000)
    const up = await sendPendingMails({ now: later, limit: 10_000 })
    expect(up).toMatchObject({ sent: pending, retried: 0 })
    expect(await sendPendingMails({ now: later, limit: 10_000 })).toMatchObject({ sent: 0 })
    const mail = received.find((raw) => raw.includes(user.email))!
    expect(mail).toContain('Post komt aan')
    expect(mail).toMatch(/List-Unsubscribe:\s*<http[^>]+\/unsubscribe\//)
    expect(received.filter((raw) => raw.includes(user.email))).toHaveLength(1)
    expect(await prisma.mail.findUniqueOrThrow({ where: { id: mine[0]!.id } })).toMatchObject({ status: 'sent' })
  })

  it('a mail interrupted while sending (a crash) is never sent again by itself', async () => {
    const mail = await prisma.mail.create({
      data: {
        to: 'someone@example.test',
        subject: 'Onderbroken',
        text: 'x',
        html: 'x',
        kind: 'digest',
        dedupeKey: `crash-${Date.now()}`,
        status: 'sending',
        nextAttemptAt: new Date(Date.now() - 3_600_000),
      },
    })
    expect(await markInterruptedMails()).toBeGreaterThanOrEqual(1)
    const before = received.length
    await sendPendingMails({ now: new Date(Date.now() + 60 * 60_000) })
    expect(received.length).toBe(before)
    expect(await prisma.mail.findUniqueOrThrow({ where: { id: mail.id } })).toMatchObject({ status: 'unknown' })
  })

  it('without SMTP_URL mails are kept for the admin to read', async () => {
    delete process.env.SMTP_URL
    await prisma.mail.create({
      data: {
        to: 'kept@example.test',
        subject: 'Bewaard',
        text: 'x',
        html: 'x',
        kind: 'digest',
        dedupeKey: `kept-${Date.now()}`,
      },
    })
    expect((await sendPendingMails()).kept).toBeGreaterThanOrEqual(1)
    expect(await prisma.mail.findFirstOrThrow({ where: { to: 'kept@example.test' } })).toMatchObject({ status: 'kept' })
  })
})
