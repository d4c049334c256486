// Single sign-on against a real OpenID Connect provider on localhost (oidc-provider), on both
// engines: a good sign-in creates the user with the roles their groups give; a wrong issuer, a
// replayed or expired code, a tampered state or nonce are refused without a session; groups
// that changed since the last sign-in move the memberships (and only the SSO ones).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addGroupMapping } from '~/models/sso.server.ts'
import { verifySignIn } from '~/models/auth.server.ts'
import { defineAbilityFor } from '~/permissions/ability.server.ts'
import * as callbackRoute from '~/routes/auth.oidc.callback.tsx'
import * as startRoute from '~/routes/auth.oidc.tsx'
import * as homeRoute from '~/routes/_index.tsx'
import { prisma } from '~/utils/db.server.ts'
import { hashPassword } from '~/utils/password.server.ts'
import { makeOrganisation } from '../factories.ts'
import { browser, CLIENT_ID, CLIENT_SECRET, startOidcProvider } from '../fixtures/oidc-provider.ts'
import { callRoute } from '../route-helpers.ts'

const REDIRECT_URI = 'http://localhost/auth/oidc/callback'
let provider: Awaited<ReturnType<typeof startOidcProvider>>
let org: Awaited<ReturnType<typeof makeOrganisation>>
const saved = { ...process.env }

beforeAll(async () => {
  provider = await startOidcProvider(REDIRECT_URI)
  Object.assign(process.env, {
    APP_URL: 'http://localhost',
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: CLIENT_ID,
    OIDC_CLIENT_SECRET: CLIENT_SECRET,
    OIDC_SCOPES: 'openid email profile groups',
  })
  org = await makeOrganisation()
  const admin = defineAbilityFor({ ...org.users.admin, memberships: [] })
  await addGroupMapping(admin, org.users.admin.id, {
    group: 'noord-managers',
    orgRole: null,
    regionId: org.regionA.id,
    regionRole: 'manager',
  })
  await addGroupMapping(admin, org.users.admin.id, {
    group: 'zuid-team',
    orgRole: null,
    regionId: org.regionB.id,
    regionRole: 'member',
  })
  await addGroupMapping(admin, org.users.admin.id, {
    group: 'hoofdkantoor',
    orgRole: 'hq_editor',
    regionId: null,
    regionRole: null,
  })
})

afterAll(async () => {
  await provider.close()
  for (const key of [
    'APP_URL',
    'OIDC_ISSUER',
    'OIDC_CLIENT_ID',
    'OIDC_CLIENT_SECRET',
    'OIDC_SCOPES',
    'SSO_PASSWORD_SIGNIN',
  ]) {
    if (saved[key] === undefined) delete process.env[key]
    else process.env[key] = saved[key]
  }
})

let accounts = 0
function account(groups: string[]) {
  const id = `medewerker-${++accounts}-${Date.now()}`
  provider.accounts.set(id, { email: `${id}@organisatie.test`, name: `Medewerker ${accounts}`, groups })
  provider.signInAs(id)
  return id
}

/** Starts a sign-in at Leidraad and lets the "browser" go through the provider; returns the callback and our cookie. */
async function toProviderAndBack() {
  const start = await callRoute(startRoute.loader, { path: '/auth/oidc?redirectTo=/principles' })
  expect(start.status).toBe(302)
  expect(start.location).toMatch(new RegExp(`^${provider.issuer}/auth\\?`))
  const authorization = new URL(start.location!)
  expect(authorization.searchParams.get('code_challenge_method')).toBe('S256')
  const callback = await browser().followUntil(start.location!, REDIRECT_URI)
  return { callback, cookie: start.cookies!.join('; ') }
}

async function finish(callback: URL, cookie: string) {
  return callRoute(callbackRoute.loader, { path: `${callback.pathname}${callback.search}`, cookie })
}
const signedIn = (outcome: { status: number; cookies?: string[] }) =>
  outcome.cookies?.some((c) => c.startsWith('__leidraad_session=') && c.length > '__leidraad_session='.length) ?? false

describe('single sign-on with OpenID Connect', () => {
  it('a good sign-in creates the user with the roles their groups give and starts a session', async () => {
    const id = account(['noord-managers', 'onbekende-groep'])
    const { callback, cookie } = await toProviderAndBack()
    expect(callback.searchParams.get('iss')).toBe(provider.issuer)
    const outcome = await finish(callback, cookie)
    expect(outcome).toMatchObject({ status: 302, location: '/principles' })
    expect(signedIn(outcome)).toBe(true)
    const user = await prisma.user.findUniqueOrThrow({
      where: { email: `${id}@organisatie.test` },
      include: { memberships: true },
    })
    expect(user.oidcSubject).toBe(`${provider.issuer} ${id}`)
    expect(user.memberships.map((m) => [m.regionId, m.role, m.source])).toEqual([[org.regionA.id, 'manager', 'sso']])
    // The session works: the start page opens as this manager.
    const session = outcome.cookies!.find((c) => c.startsWith('__leidraad_session='))!
    expect((await callRoute(homeRoute.loader, { cookie: session })).status).toBe(200)
  })

  it('refuses an answer that names another issuer', async () => {
    account(['noord-managers'])
    const { callback, cookie } = await toProviderAndBack()
    callback.searchParams.set('iss', 'http://127.0.0.1:1/evil')
    const outcome = await finish(callback, cookie)
    expect(outcome).toMatchObject({ status: 302, location: '/login?sso=failed' })
    expect(signedIn(outcome)).toBe(false)
  })

  it('refuses a replayed code, with the cookie and without it', async () => {
    account(['noord-managers'])
    const { callback, cookie } = await toProviderAndBack()
    expect(signedIn(await finish(callback, cookie))).toBe(true)
    const again = await finish(callback, cookie)
    expect(again).toMatchObject({ status: 302, location: '/login?sso=failed' })
    expect(signedIn(again)).toBe(false)
    expect(signedIn(await finish(callback, ''))).toBe(false)
  })

  it('refuses an expired code', async () => {
    account(['noord-managers'])
    provider.codeTtl(1)
    try {
      const { callback, cookie } = await toProviderAndBack()
      await new Promise((resolve) => setTimeout(resolve, 2_100))
      const outcome = await finish(callback, cookie)
      expect(outcome).toMatchObject({ status: 302, location: '/login?sso=failed' })
      expect(signedIn(outcome)).toBe(false)
    } finally {
      provider.codeTtl(60)
    }
  })

  it('refuses a tampered state, and an answer meant for another sign-in (its nonce)', async () => {
    account(['noord-managers'])
    const { callback, cookie } = await toProviderAndBack()
    const tampered = new URL(callback)
    tampered.searchParams.set('state', 'aangepast')
    expect(signedIn(await finish(tampered, cookie))).toBe(false)

    // Two sign-ins started in one browser; the answer to the first is shown with the second's cookie.
    const first = await toProviderAndBack()
    const second = await toProviderAndBack()
    const swapped = await finish(first.callback, second.cookie)
    expect(swapped).toMatchObject({ status: 302, location: '/login?sso=failed' })
    expect(signedIn(swapped)).toBe(false)
  })

  it('refuses an ID token whose nonce is not the one this browser sent', async () => {
    account(['noord-managers'])
    const { callback, cookie } = await toProviderAndBack()
    // Same state and verifier, another nonce: only the ID token's nonce can tell.
    const { oidcCookie } = await import('~/web/oidc.server.ts')
    const pending = await oidcCookie.parse(cookie)
    const forged = (await oidcCookie.serialize({ ...pending, nonce: 'een-andere-nonce' })).split(';')[0]!
    const outcome = await finish(callback, forged)
    expect(outcome).toMatchObject({ status: 302, location: '/login?sso=failed' })
    expect(signedIn(outcome)).toBe(false)
  })

  it('memberships follow the groups at each sign-in; what was given by hand stays; every change is audited', async () => {
    const id = account(['noord-managers'])
    let flow = await toProviderAndBack()
    await finish(flow.callback, flow.cookie)
    const user = await prisma.user.findUniqueOrThrow({ where: { email: `${id}@organisatie.test` } })
    // A manager also adds them by hand somewhere else.
    const manual = await prisma.region.create({ data: { name: `Handmatig ${id}`, slug: `handmatig-${id}` } })
    await prisma.membership.create({ data: { userId: user.id, regionId: manual.id, role: 'frontline' } })

    provider.accounts.get(id)!.groups = ['zuid-team', 'hoofdkantoor']
    provider.signInAs(id)
    flow = await toProviderAndBack()
    expect(signedIn(await finish(flow.callback, flow.cookie))).toBe(true)
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, include: { memberships: true } })
    expect(after.orgRole).toBe('hq_editor')
    expect(after.memberships.map((m) => [m.regionId, m.role, m.source]).sort()).toEqual(
      [
        [org.regionB.id, 'member', 'sso'],
        [manual.id, 'frontline', 'manual'],
      ].sort(),
    )
    const events = await prisma.auditEvent.findMany({
      where: { subjectType: { in: ['Membership', 'User'] }, createdAt: { gte: user.createdAt }, actorId: null },
    })
    const mine = events.filter((e) => JSON.stringify(e).includes(user.id))
    expect(mine.map((e) => e.action)).toEqual(
      expect.arrayContaining(['user.create', 'membership.create', 'membership.delete', 'user.orgRole']),
    )
  })

  it('someone whose groups give nothing gets no account; password sign-in can be switched off for SSO users', async () => {
    const id = account(['kantine'])
    const flow = await toProviderAndBack()
    expect(await finish(flow.callback, flow.cookie)).toMatchObject({ status: 302, location: '/login?sso=noaccess' })
    expect(await prisma.user.findUnique({ where: { email: `${id}@organisatie.test` } })).toBeNull()

    const ssoUser = await prisma.user.findFirstOrThrow({ where: { oidcSubject: { not: null } } })
    await prisma.user.update({
      where: { id: ssoUser.id },
      data: { passwordHash: await hashPassword('een-goed-wachtwoord') },
    })
    expect((await verifySignIn(ssoUser.email!, 'een-goed-wachtwoord', '10.9.9.1')).ok).toBe(true)
    process.env.SSO_PASSWORD_SIGNIN = 'off'
    try {
      expect(await verifySignIn(ssoUser.email!, 'een-goed-wachtwoord', '10.9.9.2')).toMatchObject({
        ok: false,
        reason: 'invalid',
      })
    } finally {
      delete process.env.SSO_PASSWORD_SIGNIN
    }
  })
})
