// An organisation moves in, on both engines: the first admin from the command line, staff from
// the HR system's CSV (preview, all or nothing, idempotent, missing people), employee numbers as
// sign-in names, the session cookie over http and https, personal data exported and erased,
// and the retention period.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { parseDocument } from '~/editor/document.ts'
import { verifySignIn } from '~/models/auth.server.ts'
import { sendFeedback } from '~/models/feedback.server.ts'
import { createGuideline, publishGuideline } from '~/models/guideline.server.ts'
import { acknowledge } from '~/models/handbook.server.ts'
import { anonymiseExpired } from '~/models/retention.server.ts'
import { applyStaffImport, previewStaffImport } from '~/models/staff-import.server.ts'
import { createOrPromoteAdmin, eraseUser, ERASED_NAME, personalData } from '~/models/user.server.ts'
import { defineAbilityFor } from '~/permissions/ability.server.ts'
import * as dataRoute from '~/routes/account.data.tsx'
import * as loginRoute from '~/routes/login.tsx'
import * as importRoute from '~/routes/users.import.tsx'
import { prisma } from '~/utils/db.server.ts'
import { hashPassword } from '~/utils/password.server.ts'
import { documentJson, makeOrganisation, makePrinciple, makeUser, sessionCookie, TEST_PASSWORD } from '../factories.ts'
import { callRoute } from '../route-helpers.ts'

let org: Awaited<ReturnType<typeof makeOrganisation>>
let admin: ReturnType<typeof defineAbilityFor>
beforeAll(async () => {
  org = await makeOrganisation()
  admin = defineAbilityFor({ ...org.users.admin, memberships: [] })
})

function runScript(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'prisma/admin-create.ts', ...args], {
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.on('close', (code) => resolve({ code, out }))
  })
}

describe('the first admin', () => {
  it('creates a new admin, or promotes an existing user; a new one needs a real password', async () => {
    const created = await createOrPromoteAdmin({
      email: 'Eerste.Beheerder@Bedrijf.test',
      name: 'Eerste Beheerder',
      password: 'een-lang-wachtwoord',
    })
    expect(created).toMatchObject({ created: true, user: { email: 'eerste.beheerder@bedrijf.test', orgRole: 'admin' } })
    expect((await verifySignIn('eerste.beheerder@bedrijf.test', 'een-lang-wachtwoord', '10.1.1.1')).ok).toBe(true)
    const member = org.users.member
    expect(await createOrPromoteAdmin({ email: member.email })).toMatchObject({
      created: false,
      user: { orgRole: 'admin' },
    })
    await expect(createOrPromoteAdmin({ email: 'nieuw@bedrijf.test' })).rejects.toMatchObject({
      key: 'admin.passwordRequired',
    })
    await expect(createOrPromoteAdmin({ email: 'nieuw@bedrijf.test', password: 'kort' })).rejects.toMatchObject({
      key: 'errors.passwordTooShort',
    })
    await prisma.user.update({ where: { id: member.id }, data: { orgRole: null } })
  })

  it('`npm run admin:create` works on whatever DATABASE_URL points at', async () => {
    const postgres = process.env.DATABASE_URL?.startsWith('postgres')
    const databaseUrl = postgres
      ? process.env.DATABASE_URL!
      : `file:${fs.mkdtempSync(path.join(os.tmpdir(), 'leidraad-admin-'))}`
    const email = `cli-${Date.now()}@bedrijf.test`
    const first = await runScript([email, 'Beheer', 'Afdeling'], {
      DATABASE_URL: databaseUrl,
      ADMIN_PASSWORD: 'een-lang-wachtwoord',
    })
    expect(first).toMatchObject({ code: 0 })
    expect(first.out).toContain(`Created ${email} as admin.`)
    const again = await runScript([email], { DATABASE_URL: databaseUrl, ADMIN_PASSWORD: '' })
    expect(again).toMatchObject({ code: 0 })
    expect(again.out).toContain(`${email} is now admin.`)
    const refused = await runScript([`ander-${email}`], { DATABASE_URL: databaseUrl, ADMIN_PASSWORD: '' })
    expect(refused.code).toBe(1)
    expect(refused.out).toContain('ADMIN_PASSWORD')
    if (postgres)
      expect(await prisma.user.findUnique({ where: { email } })).toMatchObject({
        name: 'Beheer Afdeling',
        orgRole: 'admin',
      })
  }, 120_000)
})

describe('staff from the HR system', () => {
  const csv = (rows: string[]) => ['naam;email;personeelsnummer;regio;rol', ...rows].join('\n')

  it('previews every row’s problem; a file with problems changes nothing', async () => {
    const text = csv([
      `Goed Persoon;goed-${Date.now()}@bedrijf.test;;${org.regionA.name};frontlinie`,
      ';zonder-naam@bedrijf.test;;;',
      'Geen Sleutel;;;;',
      'Slecht Adres;geen-adres;;;',
      `Onbekende Regio;;77001;Atlantis;teamlid`,
      `Vreemde Rol;;77002;${org.regionA.name};koning`,
      `Half;;77003;${org.regionA.name};`,
      `Bezet;${org.users.member.email};${org.users.frontline.id.slice(0, 6)};;`,
    ])
    const preview = await previewStaffImport(admin, text)
    expect(preview.rows.map((r) => r.problems)).toEqual([
      [],
      ['noName'],
      ['noKey'],
      ['badEmail'],
      ['unknownRegion'],
      ['unknownRole'],
      ['roleWithoutRegion'],
      [],
    ])
    expect(preview.summary).toMatchObject({ rows: 8, problems: 6 })
    const before = await prisma.user.count()
    await expect(applyStaffImport(admin, org.users.admin.id, text, { deactivateMissing: false })).rejects.toMatchObject(
      { key: 'import.errors.fixFirst' },
    )
    expect(await prisma.user.count()).toBe(before)
    await expect(previewStaffImport(admin, 'dit,is\ngeen,kopregel')).rejects.toMatchObject({
      key: 'import.errors.columns',
    })
  })

  it('applies all at once; the same file again changes nothing; people not in it are listed, deactivated only when asked', async () => {
    const stamp = Date.now()
    const text = csv([
      `Bram Balie;;B${stamp};${org.regionA.name};frontlinie`,
      `Sanne Team;sanne-${stamp}@bedrijf.test;S${stamp};${org.regionA.name};teamlid`,
      `Sanne Team;sanne-${stamp}@bedrijf.test;S${stamp};${org.regionB.name};frontlinie`,
    ])
    const first = await previewStaffImport(admin, text)
    expect(first.summary).toMatchObject({ create: 3, problems: 0 })
    expect(await applyStaffImport(admin, org.users.admin.id, text, { deactivateMissing: false })).toMatchObject({
      created: 2,
      deactivated: 0,
    })
    const sanne = await prisma.user.findUniqueOrThrow({
      where: { employeeNumber: `S${stamp}` },
      include: { memberships: true },
    })
    expect(sanne.memberships.map((m) => [m.regionId, m.role, m.source]).sort()).toEqual(
      [
        [org.regionA.id, 'member', 'import'],
        [org.regionB.id, 'frontline', 'import'],
      ].sort(),
    )
    const bram = await prisma.user.findUniqueOrThrow({ where: { employeeNumber: `B${stamp}` } })
    expect(bram.email).toBeNull()

    const audits = await prisma.auditEvent.count()
    const again = await previewStaffImport(admin, text)
    expect(again.summary).toMatchObject({ create: 0, update: 0, unchanged: 3 })
    expect(await applyStaffImport(admin, org.users.admin.id, text, { deactivateMissing: false })).toMatchObject({
      created: 0,
      updated: 0,
    })
    expect(await prisma.auditEvent.count()).toBe(audits)

    // Sanne moves to manager in A and leaves B; the org's other people are missing from this file.
    const moved = csv([
      `Bram Balie;;B${stamp};${org.regionA.name};frontlinie`,
      `Sanne Team;sanne-${stamp}@bedrijf.test;S${stamp};${org.regionA.name};regiomanager`,
    ])
    const preview = await previewStaffImport(admin, moved)
    expect(preview.summary).toMatchObject({ update: 1, unchanged: 1 })
    expect(preview.missing.map((m) => m.id)).toEqual(
      expect.arrayContaining([org.users.frontline.id, org.users.member.id]),
    )
    expect(preview.missing.map((m) => m.id)).not.toContain(org.users.hq.id) // organisation roles are not the HR file's
    await applyStaffImport(admin, org.users.admin.id, moved, { deactivateMissing: false })
    expect(
      (await prisma.membership.findMany({ where: { userId: sanne.id } })).map((m) => [m.regionId, m.role]),
    ).toEqual([[org.regionA.id, 'manager']])
    expect((await prisma.user.findUniqueOrThrow({ where: { id: org.users.frontline.id } })).deactivatedAt).toBeNull()

    const leaving = await makeUser({ memberships: [{ regionId: org.regionB.id, role: 'frontline' }] })
    const result = await applyStaffImport(admin, org.users.admin.id, moved, { deactivateMissing: true })
    expect(result.deactivated).toBeGreaterThanOrEqual(1)
    expect((await prisma.user.findUniqueOrThrow({ where: { id: leaving.id } })).deactivatedAt).not.toBeNull()
    await prisma.user.updateMany({
      where: { deactivatedAt: { not: null }, id: { in: Object.values(org.users).map((u) => u.id) } },
      data: { deactivatedAt: null },
    })

    // Frontline staff without e-mail sign in with their employee number.
    await prisma.user.update({ where: { id: bram.id }, data: { passwordHash: await hashPassword(TEST_PASSWORD) } })
    expect(await verifySignIn(`B${stamp}`, TEST_PASSWORD, '10.2.2.2')).toMatchObject({ ok: true, userId: bram.id })
  })

  it('over HTTP: the admin previews a posted file; others are refused; a body that is not a form is a 400', async () => {
    const body = new FormData()
    body.set('intent', 'preview')
    body.set(
      'file',
      new File([csv([`Via Http;via-${Date.now()}@bedrijf.test;;;`])], 'export.csv', { type: 'text/csv' }),
    )
    const request = (cookie: string) =>
      importRoute.action({
        request: new Request('http://localhost/users/import', { method: 'POST', headers: { Cookie: cookie }, body }),
        params: {},
        context: {},
      })
    const outcome = (await request(await sessionCookie(org.users.admin.id))) as {
      preview: { summary: { create: number } }
    }
    expect(outcome.preview.summary.create).toBe(1)
    await expect(request(await sessionCookie(org.users.manager.id))).rejects.toMatchObject({ init: { status: 403 } })
    const json = await callRoute(importRoute.action, { cookie: await sessionCookie(org.users.admin.id) })
    expect(json.status).toBeLessThan(500)
  })
})

describe('sessions over http and https', () => {
  it('the session cookie is Secure over https and not over plain http (the demo from a phone)', async () => {
    const user = await makeUser()
    for (const [origin, secure] of [
      ['http://192.168.1.20:3000', false],
      ['https://leidraad.example', true],
    ] as const) {
      const response = (await loginRoute.action({
        request: new Request(`${origin}/login`, {
          method: 'POST',
          body: new URLSearchParams({ email: user.email, password: TEST_PASSWORD }),
        }),
        params: {},
        context: { clientAddress: '10.3.3.3' },
      })) as Response
      const cookie = response.headers.get('Set-Cookie')!
      expect(cookie).toContain('__leidraad_session=')
      expect(/;\s*Secure/i.test(cookie), origin).toBe(secure)
    }
  })
})

describe('personal data', () => {
  it('a user downloads their own data, and nobody else’s', async () => {
    const user = await makeUser({ memberships: [{ regionId: org.regionA.id, role: 'frontline' }] })
    const principle = await makePrinciple(org.users.hq.id, { status: 'published', publishedVersion: 1 })
    const managerAbility = defineAbilityFor({
      ...org.users.manager,
      memberships: [{ regionId: org.regionA.id, role: 'manager' }],
    })
    const parsed = parseDocument(documentJson('Tekst.'))
    if (!parsed.ok) throw new Error(parsed.error)
    const g = await createGuideline(managerAbility, org.users.manager.id, {
      title: 'Mijn gegevens',
      json: parsed.json,
      text: parsed.text,
      regionId: org.regionA.id,
      principleId: principle.id,
    })
    await publishGuideline(managerAbility, org.users.manager.id, g.id, {
      changeNote: 'v1',
      reviewBy: new Date(Date.now() + 365 * 86_400_000),
      baseRevision: g.revision,
    })
    const ability = defineAbilityFor({ ...user, memberships: [{ regionId: org.regionA.id, role: 'frontline' }] })
    await sendFeedback(ability, user.id, org.regionA.id, g.id, 'Mijn eigen opmerking over de kassa.')
    await acknowledge(ability, user.id, org.regionA.id, g.id, 1)
    const data = await personalData(user.id)
    expect(data).toMatchObject({ email: user.email, memberships: [{ role: 'frontline' }] })
    expect(data.feedbackGiven.map((f) => f.body)).toEqual(['Mijn eigen opmerking over de kassa.'])
    expect(data.acknowledgements.map((a) => a.guidelineVersion.title)).toEqual(['Mijn gegevens'])
    const download = (await dataRoute.loader({
      request: new Request('http://localhost/account/data', { headers: { Cookie: await sessionCookie(user.id) } }),
      params: {},
      context: {},
    })) as Response
    expect(download.headers.get('Content-Disposition')).toContain('attachment')
    const text = await download.text()
    expect(text).toContain('Mijn eigen opmerking over de kassa.')
    expect(text).not.toContain(org.users.manager.email)
  })

  it('the admin erases a person: name and address gone, sign-in gone, their published work keeps "Voormalig medewerker"', async () => {
    const writer = await makeUser({ orgRole: 'hq_editor' })
    const principle = await makePrinciple(writer.id, { status: 'published', publishedVersion: 1 })
    await eraseUser(admin, org.users.admin.id, writer.id)
    const erased = await prisma.user.findUniqueOrThrow({ where: { id: writer.id } })
    expect(erased).toMatchObject({ name: ERASED_NAME, email: null, employeeNumber: null, orgRole: null })
    expect(erased.erasedAt).not.toBeNull()
    expect((await verifySignIn(writer.email, TEST_PASSWORD, '10.4.4.4')).ok).toBe(false)
    const version = await prisma.principleVersion.findFirstOrThrow({
      where: { principleId: principle.id },
      include: { publishedBy: true },
    })
    expect(version.publishedBy.name).toBe(ERASED_NAME)
    expect(await prisma.auditEvent.count({ where: { action: 'user.erase', subjectId: writer.id } })).toBe(1)
    await expect(eraseUser(admin, org.users.admin.id, org.users.admin.id)).rejects.toMatchObject({
      key: 'errors.cannotEraseSelf',
    })
    const managerAbility = defineAbilityFor({
      ...org.users.manager,
      memberships: [{ regionId: org.regionA.id, role: 'manager' }],
    })
    await expect(eraseUser(managerAbility, org.users.manager.id, org.users.frontline.id)).rejects.toMatchObject({
      status: 403,
    })
  })

  it('feedback and read confirmations older than the retention period lose their person', async () => {
    const old = await prisma.feedback.findFirstOrThrow({ where: { authorId: { not: null } } })
    await prisma.feedback.update({
      where: { id: old.id },
      data: { createdAt: new Date(Date.now() - 800 * 86_400_000) },
    })
    const ack = await prisma.acknowledgement.findFirstOrThrow({ where: { userId: { not: null } } })
    await prisma.acknowledgement.update({
      where: { id: ack.id },
      data: { createdAt: new Date(Date.now() - 800 * 86_400_000) },
    })
    const result = await anonymiseExpired(new Date(), 730)
    expect(result.feedback).toBeGreaterThanOrEqual(1)
    expect(result.acknowledgements).toBeGreaterThanOrEqual(1)
    expect((await prisma.feedback.findUniqueOrThrow({ where: { id: old.id } })).authorId).toBeNull()
    expect((await prisma.acknowledgement.findUniqueOrThrow({ where: { id: ack.id } })).userId).toBeNull()
    expect(await anonymiseExpired(new Date(), 730)).toEqual({ feedback: 0, acknowledgements: 0, signals: 0 })
  })
})
