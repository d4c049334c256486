// The permission matrix enforced by the routes: forged posts are refused and change nothing,
// and every list query (accessibleBy) agrees with the record checks (can).
import { subject } from '@casl/ability'
import { accessibleBy } from '@casl/prisma/runtime'
import { beforeAll, describe, expect, it } from 'vitest'
import { defineAbilityFor } from '~/permissions/ability.server.ts'
import * as regionRoute from '~/routes/regions.$regionId.tsx'
import * as regionsRoute from '~/routes/regions._index.tsx'
import * as userRoute from '~/routes/users.$userId.tsx'
import * as usersRoute from '~/routes/users._index.tsx'
import * as auditRoute from '~/routes/audit.tsx'
import { prisma } from '~/utils/db.server.ts'
import { makeGuideline, makeOrganisation, makePrinciple, makeUser, sessionCookie } from '../factories.ts'
import { callRoute } from '../route-helpers.ts'

let org: Awaited<ReturnType<typeof makeOrganisation>>
let managerCookie: string

beforeAll(async () => {
  org = await makeOrganisation()
  managerCookie = await sessionCookie(org.users.manager.id)
})

const auditCount = () => prisma.auditEvent.count()

describe('a manager forging posts', () => {
  it('cannot create a region (admin action)', async () => {
    const before = await prisma.region.count()
    const outcome = await callRoute(regionsRoute.action, { cookie: managerCookie, form: { name: 'Gesmokkeld' } })
    expect(outcome.status).toBe(403)
    expect(await prisma.region.count()).toBe(before)
  })

  it('cannot create a user, promote someone or deactivate someone', async () => {
    const users = await prisma.user.count()
    const audits = await auditCount()
    expect(
      (await callRoute(usersRoute.action, { cookie: managerCookie, form: { name: 'X Y', email: 'x@y.test' } })).status,
    ).toBe(403)
    const target = org.users.member.id
    const forms: Record<string, string>[] = [
      { intent: 'org-role', orgRole: 'admin' },
      { intent: 'deactivate' },
      { intent: 'reset-password' },
    ]
    for (const form of forms) {
      const outcome = await callRoute(userRoute.action, { cookie: managerCookie, params: { userId: target }, form })
      expect(outcome.status, form.intent).toBeGreaterThanOrEqual(403)
      expect(outcome.status, form.intent).toBeLessThan(500)
    }
    const member = await prisma.user.findUniqueOrThrow({ where: { id: target } })
    expect(member.orgRole).toBeNull()
    expect(member.deactivatedAt).toBeNull()
    expect(await prisma.user.count()).toBe(users)
    expect(await auditCount()).toBe(audits)
  })

  it('cannot rename or remove their own region', async () => {
    const params = { regionId: org.regionA.id }
    expect(
      (
        await callRoute(regionRoute.action, {
          cookie: managerCookie,
          params,
          form: { intent: 'update-region', name: 'Anders' },
        })
      ).status,
    ).toBe(403)
    expect(
      (await callRoute(regionRoute.action, { cookie: managerCookie, params, form: { intent: 'delete-region' } }))
        .status,
    ).toBe(403)
    expect((await prisma.region.findUniqueOrThrow({ where: { id: org.regionA.id } })).name).toBe(org.regionA.name)
  })

  it("cannot touch another region's memberships, even through their own region's URL", async () => {
    const victim = await makeUser({ memberships: [{ regionId: org.regionB.id, role: 'member' }] })
    const membership = victim.memberships[0]!
    for (const regionId of [org.regionA.id, org.regionB.id]) {
      const forms: Record<string, string>[] = [
        { intent: 'change-role', membershipId: membership.id, role: 'frontline' },
        { intent: 'remove-member', membershipId: membership.id },
      ]
      for (const form of forms) {
        const outcome = await callRoute(regionRoute.action, { cookie: managerCookie, params: { regionId }, form })
        expect([403, 404]).toContain(outcome.status)
      }
    }
    const added = await callRoute(regionRoute.action, {
      cookie: managerCookie,
      params: { regionId: org.regionB.id },
      form: { intent: 'add-member', email: org.users.outsider.email, role: 'frontline' },
    })
    expect(added.status).toBe(404) // region B does not exist for this manager
    expect(await prisma.membership.findUniqueOrThrow({ where: { id: membership.id } })).toMatchObject({
      role: 'member',
    })
    expect(await prisma.membership.count({ where: { userId: org.users.outsider.id } })).toBe(0)
  })

  it('cannot make anyone a manager, nor demote a fellow manager, in their own region', async () => {
    const member = org.users.member.memberships[0]!
    const promote = await callRoute(regionRoute.action, {
      cookie: managerCookie,
      params: { regionId: org.regionA.id },
      form: { intent: 'change-role', membershipId: member.id, role: 'manager' },
    })
    expect(promote.status).toBe(403)
    const addManager = await callRoute(regionRoute.action, {
      cookie: managerCookie,
      params: { regionId: org.regionA.id },
      form: { intent: 'add-member', email: org.users.outsider.email, role: 'manager' },
    })
    expect(addManager.status).toBe(403)
    const own = org.users.manager.memberships[0]!
    const demote = await callRoute(regionRoute.action, {
      cookie: managerCookie,
      params: { regionId: org.regionA.id },
      form: { intent: 'change-role', membershipId: own.id, role: 'frontline' },
    })
    expect(demote.status).toBe(403)
    expect((await prisma.membership.findUniqueOrThrow({ where: { id: member.id } })).role).toBe('member')
    expect((await prisma.membership.findUniqueOrThrow({ where: { id: own.id } })).role).toBe('manager')
  })

  it('can manage member and frontline memberships of their own region, audited', async () => {
    const newcomer = await makeUser()
    const params = { regionId: org.regionA.id }
    const added = await callRoute(regionRoute.action, {
      cookie: managerCookie,
      params,
      form: { intent: 'add-member', email: newcomer.email, role: 'frontline' },
    })
    expect(added.status).toBe(302)
    const membership = await prisma.membership.findFirstOrThrow({ where: { userId: newcomer.id } })
    expect(membership).toMatchObject({ regionId: org.regionA.id, role: 'frontline' })
    const changed = await callRoute(regionRoute.action, {
      cookie: managerCookie,
      params,
      form: { intent: 'change-role', membershipId: membership.id, role: 'member' },
    })
    expect(changed.status).toBe(302)
    const events = await prisma.auditEvent.findMany({
      where: { subjectId: membership.id },
      orderBy: { createdAt: 'asc' },
    })
    expect(events.map((e) => e.action)).toEqual(['membership.create', 'membership.update'])
    expect(events[1]).toMatchObject({ actorId: org.users.manager.id, regionId: org.regionA.id })
  })
})

describe('what each role can open', () => {
  it('only the admin opens the user directory', async () => {
    for (const [role, user] of Object.entries(org.users)) {
      const outcome = await callRoute(usersRoute.loader, { cookie: await sessionCookie(user.id) })
      expect(outcome.status, role).toBe(role === 'admin' ? 200 : 403)
    }
  })

  it("another region's page is a 404 for regional roles, readable for admin and HQ", async () => {
    const expected: Record<string, number> = {
      admin: 200,
      hq: 200,
      manager: 404,
      member: 404,
      frontline: 404,
      outsider: 403,
      otherManager: 200,
    }
    for (const [role, user] of Object.entries(org.users)) {
      const outcome = await callRoute(regionRoute.loader, {
        cookie: await sessionCookie(user.id),
        params: { regionId: org.regionB.id },
      })
      expect(outcome.status, role).toBe(role === 'outsider' ? 404 : expected[role])
    }
  })

  it('the audit log is refused to members, frontline and users without a role', async () => {
    for (const role of ['member', 'frontline', 'outsider'] as const) {
      const outcome = await callRoute(auditRoute.loader, { cookie: await sessionCookie(org.users[role].id) })
      expect(outcome.status, role).toBe(403)
    }
  })
})

describe('lists agree with record checks', () => {
  const models = [
    'Region',
    'Membership',
    'User',
    'AuditEvent',
    'Principle',
    'PrincipleVersion',
    'PrincipleComment',
    'Guideline',
    'GuidelineVersion',
    'GuidelineComment',
    'CustomerInput',
    'PrincipleDecision',
    'Feedback',
    'PhraseFamily',
  ] as const
  const includes: Partial<Record<(typeof models)[number], object>> = {
    User: { include: { memberships: true } },
    PrincipleVersion: { include: { principle: true } },
    PrincipleComment: { include: { principle: true } },
    GuidelineVersion: { include: { guideline: true } },
    GuidelineComment: { include: { guideline: true } },
    CustomerInput: { include: { guideline: true } },
  }

  it('for every role, accessibleBy returns exactly the rows can() allows', async () => {
    await prisma.auditEvent.create({
      data: { action: 'x', subjectType: 'Membership', subjectId: 'm', regionId: org.regionA.id },
    })
    await prisma.auditEvent.create({
      data: { action: 'x', subjectType: 'Membership', subjectId: 'm', regionId: org.regionB.id },
    })
    await prisma.auditEvent.create({ data: { action: 'x', subjectType: 'Principle', subjectId: 'p' } })
    const hq = org.users.hq.id
    const principles = await Promise.all([
      makePrinciple(hq, { status: 'draft' }),
      makePrinciple(hq, { status: 'draft', publishedVersion: 1 }),
      makePrinciple(hq, { status: 'consultation' }),
      makePrinciple(hq, { status: 'published', publishedVersion: 2 }),
      makePrinciple(hq, { status: 'archived', publishedVersion: 1 }),
    ])
    for (const principle of principles) {
      await prisma.principleComment.create({
        data: {
          principleId: principle.id,
          versionNumber: principle.publishedVersion + 1,
          authorId: hq,
          body: 'Reactie',
        },
      })
    }
    const published = principles[3]!
    for (const region of [org.regionA, org.regionB]) {
      const base = { regionId: region.id, principleId: published.id }
      const guidelines = await Promise.all([
        makeGuideline(hq, { ...base, status: 'draft' }),
        makeGuideline(hq, { ...base, status: 'review' }),
        makeGuideline(hq, { ...base, status: 'published', publishedVersion: 1 }),
        makeGuideline(hq, { ...base, status: 'draft', publishedVersion: 2 }),
        makeGuideline(hq, { ...base, status: 'archived', publishedVersion: 1 }),
      ])
      for (const guideline of guidelines) {
        await prisma.guidelineComment.create({ data: { guidelineId: guideline.id, authorId: hq, body: 'Overleg' } })
        await prisma.customerInput.create({
          data: { guidelineId: guideline.id, createdById: hq, said: 'Klant zei', source: 'panel', heardOn: new Date() },
        })
      }
      await prisma.principleDecision.create({
        data: { ...base, kind: 'applies_as_written', basedOnPrincipleVersion: 2, decidedById: hq },
      })
      for (const [author, passed] of [
        [org.users.frontline.id, null],
        [org.users.member.id, new Date()],
        [org.users.otherManager.id, null],
      ] as const) {
        await prisma.feedback.create({
          data: {
            guidelineId: guidelines[2]!.id,
            regionId: region.id,
            principleId: published.id,
            versionNumber: 1,
            authorId: author,
            body: 'Werkt niet',
            passedToHqAt: passed,
          },
        })
      }
    }
    await prisma.phraseFamily.createMany({
      data: [
        { key: `on-${Date.now()}`, name: 'Aan', patterns: 'xyzzy plugh', explanation: 'Uitleg', suggestion: 'Beter' },
        {
          key: `off-${Date.now()}`,
          name: 'Uit',
          patterns: 'xyzzy plugh',
          explanation: 'Uitleg',
          suggestion: 'Beter',
          enabled: false,
        },
      ],
    })
    for (const [role, user] of Object.entries(org.users)) {
      const full = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, include: { memberships: true } })
      const ability = defineAbilityFor(full)
      for (const model of models) {
        const delegate = prisma[(model.charAt(0).toLowerCase() + model.slice(1)) as 'region'] as unknown as {
          findMany(args: object): Promise<{ id: string }[]>
        }
        const include = includes[model] ?? {}
        const all = await delegate.findMany({ ...include })
        const allowedIds = all
          .filter((row) => ability.can('read', subject(model, { ...row }) as never))
          .map((r) => r.id)
          .sort()
        const listed = await delegate.findMany({
          where: accessibleBy(ability, 'read').ofType(model),
          select: { id: true },
        })
        expect(listed.map((r) => r.id).sort(), `${role} × ${model}`).toEqual(allowedIds)
      }
    }
  })
})
