// A reader's frontline page kept in memory (app/server/page-cache.ts) and answered again without a
// statement, until PostgreSQL announces a change to what it shows — from triggers, at commit, to
// every listening process. Served over real HTTP by the page cache in front of the real route
// loader (the guideline page), on a real PostgreSQL.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { endSession } from '~/models/auth.server.ts'
import { acknowledge } from '~/models/handbook.server.ts'
import { defineAbilityFor } from '~/permissions/ability.server.ts'
import { loader } from '~/routes/handbook.$regionId.$guidelineId.tsx'
import { listenForChanges, listeningForChanges, onChange, stopListening } from '~/utils/cache-invalidation.server.ts'
import { prisma } from '~/utils/db.server.ts'
import { runInRequestScope } from '~/utils/request-scope.server.ts'
import {
  acceptsGzip,
  answerFromPageCache,
  beforeRender,
  mayKeep,
  sendAndKeep,
  startPageCache,
} from '../../../app/server/page-cache.ts'
import { documentJson, makeGuideline, makeOrganisation, makePrinciple, sessionCookie } from '../../factories.ts'
import { callRoute } from '../../route-helpers.ts'

const url = process.env.DATABASE_URL!
let server: http.Server
let base = ''
let renders = 0

/** The app's answer when no kept page answers: the route's loader, its data as the page. */
function render(req: http.IncomingMessage, res: http.ServerResponse) {
  const heardBefore = beforeRender()
  const [, , regionId, guidelineId] = (req.url ?? '').split('/')
  void runInRequestScope(async (scope) => {
    renders++
    const outcome = await callRoute(loader, {
      path: req.url,
      cookie: req.headers.cookie,
      params: { regionId: regionId!, guidelineId: guidelineId! },
    })
    const body = Buffer.from(JSON.stringify(outcome.data ?? null))
    const response = new Response(body, { status: outcome.status })
    res.statusCode = outcome.status
    res.setHeader('Content-Type', 'application/json')
    if (mayKeep(req, scope, response, heardBefore)) sendAndKeep(req, res, scope, body, heardBefore)
    else res.end(body)
  })
}

async function get(path: string, cookie: string) {
  const response = await fetch(`${base}${path}`, { headers: { cookie }, redirect: 'manual' })
  const text = await response.text()
  return {
    status: response.status,
    kept: response.headers.get('x-leidraad-page') === 'kept',
    data: response.status === 200 ? (JSON.parse(text) as { acknowledgedAt: string | null }) : null,
  }
}

/** Announcements arrive a moment after the commit: ask until the page is made again (or give up). */
async function untilMadeAgain(path: string, cookie: string) {
  for (let i = 0; i < 50; i++) {
    const page = await get(path, cookie)
    if (!page.kept) return page
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return get(path, cookie)
}

beforeAll(async () => {
  listenForChanges(url)
  startPageCache()
  let ready = false
  onChange('page-cache-ready', () => (ready = true))
  const other = new pg.Client({ connectionString: url })
  await other.connect()
  for (let i = 0; i < 50 && !ready; i++) {
    await other.query(`SELECT pg_notify('leidraad_cache', 'page-cache-ready')`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  await other.end()
  server = http.createServer((req, res) => {
    if (!answerFromPageCache(req, res)) render(req, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/handbook`
})
afterAll(async () => {
  server.close()
  await stopListening()
})

describe('frontline pages kept per reader', () => {
  it('answers the same reader again from memory, until a change to what the page shows is announced', async () => {
    const org = await makeOrganisation()
    const principle = await makePrinciple(org.users.hq.id, { status: 'published', publishedVersion: 1 })
    const [rule, otherRule] = await Promise.all([
      makeGuideline(org.users.manager.id, {
        regionId: org.regionA.id,
        principleId: principle.id,
        status: 'published',
        publishedVersion: 1,
      }),
      makeGuideline(org.users.otherManager.id, {
        regionId: org.regionB.id,
        principleId: principle.id,
        status: 'published',
        publishedVersion: 1,
      }),
    ])
    const reader = org.users.frontline
    const cookie = await sessionCookie(reader.id)
    const path = `/${org.regionA.id}/${rule.id}`

    const first = await get(path, cookie)
    expect(first).toMatchObject({ status: 200, kept: false })
    const rendersBefore = renders
    const again = await get(path, cookie)
    expect(again).toMatchObject({ status: 200, kept: true })
    expect(renders).toBe(rendersBefore) // no loader ran, no statement
    // Another session of the same reader is another page: nothing is shared between cookies.
    expect((await get(path, await sessionCookie(reader.id))).kept).toBe(false)

    // A change in another region leaves it.
    await prisma.guideline.update({ where: { id: otherRule.id }, data: { title: 'Andere regio' } })
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect((await get(path, cookie)).kept).toBe(true)

    // The reader confirms (from another session, as a second phone would): the page shows it.
    const user = await prisma.user.findUniqueOrThrow({ where: { id: reader.id }, include: { memberships: true } })
    await acknowledge(defineAbilityFor(user), reader.id, org.regionA.id, rule.id, 1)
    const confirmed = await untilMadeAgain(path, cookie)
    expect(confirmed.kept).toBe(false)
    expect(confirmed.data?.acknowledgedAt).toBeTruthy()
    expect((await get(path, cookie)).kept).toBe(true)

    // The region's rule changes: made again, also for HQ (who reads every region, member of none).
    const hq = await sessionCookie(org.users.hq.id)
    await get(path, hq)
    expect((await get(path, hq)).kept).toBe(true)
    await prisma.guideline.update({ where: { id: rule.id }, data: { title: 'Nieuwe titel' } })
    expect((await untilMadeAgain(path, cookie)).kept).toBe(false)
    expect((await untilMadeAgain(path, hq)).kept).toBe(false)
    expect((await get(path, cookie)).kept).toBe(true)

    // A principle changes: every kept page goes.
    await prisma.principle.update({ where: { id: principle.id }, data: { title: 'Nieuw principe' } })
    expect((await untilMadeAgain(path, cookie)).kept).toBe(false)
    expect((await get(path, cookie)).kept).toBe(true)

    // Signed out elsewhere (the session row ends): the old cookie gets no kept page, and no page.
    const sessionId = (await prisma.session.findMany({ where: { userId: reader.id } })).map((s) => s.id)
    for (const id of sessionId) await endSession(id)
    const after = await untilMadeAgain(path, cookie)
    expect(after.kept).toBe(false)
    expect(after.status).not.toBe(200)
  })

  it('keeps a page no longer than its first deadline: "confirm by" turns into "overdue" on time', async () => {
    const org = await makeOrganisation()
    const principle = await makePrinciple(org.users.hq.id, { status: 'published', publishedVersion: 1 })
    const rule = await makeGuideline(org.users.manager.id, { regionId: org.regionA.id, principleId: principle.id })
    const body = JSON.parse(documentJson('Binnenkort te bevestigen'))
    await prisma.guidelineVersion.create({
      data: {
        guidelineId: rule.id,
        number: 1,
        title: rule.title,
        body,
        bodyText: 'Binnenkort te bevestigen',
        changeNote: 'Versie 1',
        basedOnPrincipleVersion: 1,
        confirmationVersion: 1,
        publishedById: org.users.manager.id,
        confirmBy: new Date(Date.now() + 2_000),
      },
    })
    await prisma.guideline.update({ where: { id: rule.id }, data: { status: 'published', publishedVersion: 1 } })
    await new Promise((resolve) => setTimeout(resolve, 300)) // the announcements of the set-up
    const cookie = await sessionCookie(org.users.frontline.id)
    const path = `/${org.regionA.id}/${rule.id}`
    await get(path, cookie)
    expect((await get(path, cookie)).kept).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 2_100))
    expect((await get(path, cookie)).kept).toBe(false)
  })

  it('keeps nothing whose making overlapped an announcement, and answers nothing while not listening', async () => {
    const org = await makeOrganisation()
    const principle = await makePrinciple(org.users.hq.id, { status: 'published', publishedVersion: 1 })
    const rule = await makeGuideline(org.users.manager.id, {
      regionId: org.regionA.id,
      principleId: principle.id,
      status: 'published',
      publishedVersion: 1,
    })
    const cookie = await sessionCookie(org.users.frontline.id)
    const path = `/${org.regionA.id}/${rule.id}`

    const heardBefore = beforeRender()
    let announced = false
    onChange('page-cache-overlap', () => (announced = true))
    await prisma.$executeRaw`SELECT pg_notify('leidraad_cache', 'page-cache-overlap')`
    for (let i = 0; i < 50 && !announced; i++) await new Promise((resolve) => setTimeout(resolve, 100))
    const request = { method: 'GET', url: `/handbook${path}`, headers: { cookie } } as http.IncomingMessage
    const scope = {
      statements: 0,
      memo: new Map(),
      readFromPrimary: false,
      wrote: false,
      pageCache: { keys: [], until: Infinity },
    }
    expect(mayKeep(request, scope, new Response('x'), beforeRender())).toBe(true)
    expect(mayKeep(request, scope, new Response('x'), heardBefore)).toBe(false)

    await get(path, cookie)
    expect((await get(path, cookie)).kept).toBe(true)
    // The listening connection is cut by the database: nothing answered until it listens again.
    const until = async (condition: () => boolean) => {
      for (let i = 0; i < 100 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 50))
      return condition()
    }
    await prisma.$queryRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'LISTEN%'`
    expect(await until(() => !listeningForChanges())).toBe(true)
    expect((await get(path, cookie)).kept).toBe(false)
    expect(await until(() => listeningForChanges())).toBe(true)
    await get(path, cookie)
    expect((await get(path, cookie)).kept).toBe(true)
    await stopListening()
    expect((await get(path, cookie)).kept).toBe(false)
  })

  it('sends gzip only to a client that accepts it', () => {
    const asking = (encoding: string) => ({ headers: { 'accept-encoding': encoding } }) as http.IncomingMessage
    expect(acceptsGzip(asking('gzip, deflate, br'))).toBe(true)
    expect(acceptsGzip(asking('br;q=1, gzip;q=0.5'))).toBe(true)
    expect(acceptsGzip(asking('gzip;q=0, deflate'))).toBe(false)
    expect(acceptsGzip(asking('*'))).toBe(true)
    expect(acceptsGzip(asking('*;q=0'))).toBe(false)
    expect(acceptsGzip(asking('identity'))).toBe(false)
    expect(acceptsGzip({ headers: {} } as http.IncomingMessage)).toBe(false)
  })
})
