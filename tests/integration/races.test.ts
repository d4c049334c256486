// Concurrent requests on the same rows, over HTTP as the browsers send them: never a 500, never
// inconsistent data. On PostgreSQL these really run at the same time (a pool of connections);
// the embedded engine runs one statement at a time, and must give the same answers.
import { beforeAll, describe, expect, it } from 'vitest'
import * as handbookPage from '~/routes/handbook.$regionId.$guidelineId.tsx'
import * as principlesPage from '~/routes/principles._index.tsx'
import * as reviewPage from '~/routes/guidelines.$guidelineId.review.tsx'
import * as workspacePage from '~/routes/regions.$regionId_.guidelines.tsx'
import { prisma } from '~/utils/db.server.ts'
import { makeGuideline, makeOrganisation, makePrinciple, makeUser, sessionCookie, signInRoles } from '../factories.ts'
import { callRoute, type Outcome } from '../route-helpers.ts'

let org: Awaited<ReturnType<typeof makeOrganisation>>
let cookies: Record<'admin' | 'hq' | 'manager' | 'frontline', string>
let secondManager: string

const statuses = (outcomes: Outcome[]) => outcomes.map((o) => o.status).sort()
const together = <T>(n: number, run: (i: number) => Promise<T>) =>
  Promise.all(Array.from({ length: n }, (_, i) => run(i)))

beforeAll(async () => {
  org = await makeOrganisation()
  cookies = (await signInRoles(org, ['admin', 'hq', 'manager', 'frontline'] as const)).cookies
  const other = await makeUser({ memberships: [{ regionId: org.regionA.id, role: 'manager' }] })
  secondManager = await sessionCookie(other.id)
})

async function publishedGuideline(principleVersion = 1, basedOn = 1) {
  const principle = await makePrinciple(org.users.hq.id, { status: 'published', publishedVersion: principleVersion })
  const guideline = await makeGuideline(org.users.manager.id, {
    regionId: org.regionA.id,
    principleId: principle.id,
    status: 'published',
    publishedVersion: 1,
    basedOnPrincipleVersion: basedOn,
  })
  return { principle, guideline }
}

describe('races', () => {
  it('a double-clicked "Gelezen en begrepen" is one confirmation, and every click gets the same answer', async () => {
    const { guideline } = await publishedGuideline()
    const outcomes = await together(12, () =>
      callRoute(handbookPage.action, {
        cookie: cookies.frontline,
        params: { regionId: org.regionA.id, guidelineId: guideline.id },
        form: { intent: 'acknowledge', version: '1' },
      }),
    )
    expect(new Set(statuses(outcomes))).toEqual(new Set([302]))
    expect(await prisma.acknowledgement.count({ where: { guidelineId: guideline.id } })).toBe(1)
    expect(
      await prisma.auditEvent.count({
        where: {
          action: 'guideline.acknowledge',
          regionId: org.regionA.id,
          after: { path: ['guidelineId'], equals: guideline.id },
        },
      }),
    ).toBe(1)
  })

  it('HQ cannot post a read confirmation into a region: it only reads there (403, nothing written)', async () => {
    const { guideline } = await publishedGuideline()
    const outcome = await callRoute(handbookPage.action, {
      cookie: cookies.hq,
      params: { regionId: org.regionA.id, guidelineId: guideline.id },
      form: { intent: 'acknowledge', version: '1' },
    })
    expect(outcome.status).toBe(403)
    expect(await prisma.acknowledgement.count({ where: { guidelineId: guideline.id } })).toBe(0)
  })

  it('two managers withdrawing one decision at once: it is gone, both are answered, it is audited once', async () => {
    const principle = await makePrinciple(org.users.hq.id, { status: 'published', publishedVersion: 1 })
    const decision = await prisma.principleDecision.create({
      data: {
        regionId: org.regionA.id,
        principleId: principle.id,
        kind: 'applies_as_written',
        basedOnPrincipleVersion: 1,
        decidedById: org.users.manager.id,
      },
    })
    const form = { intent: 'withdraw', principleId: principle.id, seen: decision.decidedAt.toISOString() }
    const outcomes = await together(6, (i) =>
      callRoute(workspacePage.action, {
        cookie: i % 2 ? secondManager : cookies.manager,
        params: { regionId: org.regionA.id },
        form,
      }),
    )
    expect(new Set(statuses(outcomes))).toEqual(new Set([302]))
    expect(await prisma.principleDecision.count({ where: { principleId: principle.id } })).toBe(0)
    expect(await prisma.auditEvent.count({ where: { action: 'decision.withdraw', subjectId: decision.id } })).toBe(1)
  })

  it('two managers deciding at once on what they both saw: one decision wins, the other hears so (409)', async () => {
    const principle = await makePrinciple(org.users.hq.id, { status: 'published', publishedVersion: 1 })
    const decide = (cookie: string, kind: string, reason?: string) =>
      callRoute(workspacePage.action, {
        cookie,
        params: { regionId: org.regionA.id },
        form: { intent: 'decide', principleId: principle.id, kind, ...(reason ? { reason } : {}) },
      })
    const first = await together(2, (i) =>
      i ? decide(secondManager, 'not_applicable', 'Geldt hier niet.') : decide(cookies.manager, 'applies_as_written'),
    )
    expect(statuses(first).every((s) => s === 302 || s === 409)).toBe(true)
    expect(await prisma.principleDecision.count({ where: { principleId: principle.id } })).toBe(1)

    const current = await prisma.principleDecision.findFirstOrThrow({ where: { principleId: principle.id } })
    const seen = current.decidedAt.toISOString()
    const changes = await together(2, (i) =>
      callRoute(workspacePage.action, {
        cookie: i ? secondManager : cookies.manager,
        params: { regionId: org.regionA.id },
        form: {
          intent: 'decide',
          principleId: principle.id,
          kind: 'not_applicable',
          reason: `Reden ${i}`,
          seen,
        },
      }),
    )
    expect(statuses(changes)).toEqual([302, 409])
    const after = await prisma.principleDecision.findFirstOrThrow({ where: { principleId: principle.id } })
    const winner = changes.findIndex((o) => o.status === 302)
    expect(after.reason).toBe(`Reden ${winner}`)
    expect(await prisma.auditEvent.count({ where: { action: 'decision.record', subjectId: current.id } })).toBe(
      statuses(first).filter((s) => s === 302).length + 1,
    )
  })

  it('two managers confirming "nog steeds goed" at once: one confirmation, the other 409; no note overwritten', async () => {
    const { guideline } = await publishedGuideline(2, 1)
    const outcomes = await together(2, (i) =>
      callRoute(reviewPage.action, {
        cookie: i ? secondManager : cookies.manager,
        params: { guidelineId: guideline.id },
        form: { note: `Nog steeds goed, zegt ${i}` },
      }),
    )
    expect(statuses(outcomes)).toEqual([302, 409])
    const winner = outcomes.findIndex((o) => o.status === 302)
    const after = await prisma.guideline.findUniqueOrThrow({ where: { id: guideline.id } })
    expect(after.confirmationNote).toBe(`Nog steeds goed, zegt ${winner}`)
    expect(after.basedOnPrincipleVersion).toBe(2)
    expect(
      await prisma.auditEvent.count({ where: { action: 'guideline.confirm-still-valid', subjectId: guideline.id } }),
    ).toBe(1)
  })

  it('HQ and an admin reordering at once: never a 500, never two principles on one place, no place lost', async () => {
    const ordered = async () =>
      prisma.principle.findMany({
        where: { position: { not: null } },
        orderBy: { position: 'asc' },
        select: { id: true, position: true },
      })
    await together(4, () => makePrinciple(org.users.hq.id, { status: 'published', publishedVersion: 1 }))
    const places = (await ordered()).map((p) => p.position)
    for (let round = 0; round < 8; round++) {
      const rows = await ordered()
      const outcomes = await together(4, (i) => {
        const row = rows[(round + i) % rows.length]!
        return callRoute(principlesPage.action, {
          cookie: i % 2 ? cookies.admin : cookies.hq,
          form: { principleId: row.id, direction: i < 2 ? 'up' : 'down', position: String(row.position) },
        })
      })
      for (const outcome of outcomes) expect([302, 409, 403]).toContain(outcome.status)
      const after = await ordered()
      expect(after.map((p) => p.position)).toEqual(places)
      expect(new Set(after.map((p) => p.id)).size).toBe(after.length)
    }
  })
})
