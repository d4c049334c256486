import { describe, expect, it } from 'vitest'
import { changeOwnPassword, verifySignIn } from '~/models/auth.server.ts'
import { getSessionUser } from '~/web/auth.server.ts'
import * as loginRoute from '~/routes/login.tsx'
import * as homeRoute from '~/routes/_index.tsx'
import { prisma } from '~/utils/db.server.ts'
import { SIGN_IN_LIMITS } from '~/utils/throttle.server.ts'
import { makeUser, sessionCookie, TEST_PASSWORD } from '../factories.ts'
import { callRoute } from '../route-helpers.ts'

const requestWith = (cookie: string) => new Request('http://localhost/', { headers: { Cookie: cookie } })

describe('sign-in', () => {
  it('lands where you were going', async () => {
    const user = await makeUser()
    const outcome = await callRoute(loginRoute.action, {
      form: { email: user.email.toUpperCase(), password: TEST_PASSWORD, redirectTo: '/regions?x=1' },
    })
    expect(outcome).toMatchObject({ status: 302, location: '/regions?x=1' })
  })

  it('never redirects off-site', async () => {
    const user = await makeUser()
    const outcome = await callRoute(loginRoute.action, {
      form: { email: user.email, password: TEST_PASSWORD, redirectTo: '//evil.test' },
    })
    expect(outcome).toMatchObject({ status: 302, location: '/' })
  })

  it('answers a wrong password and an unknown email with the same message', async () => {
    const user = await makeUser()
    const wrong = await callRoute(loginRoute.action, { form: { email: user.email, password: 'not-the-password' } })
    const unknown = await callRoute(loginRoute.action, {
      form: { email: 'nobody@example.test', password: 'whatever-it-is' },
    })
    expect(wrong.status).toBe(400)
    expect(unknown.status).toBe(400)
    expect(JSON.stringify(wrong.data)).toContain('login.invalid')
    expect(JSON.stringify(unknown.data)).toContain('login.invalid')
  })

  it('throttles an account after repeated failures, even with the right password then', async () => {
    const user = await makeUser()
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount.points; i++) {
      expect((await verifySignIn(user.email, 'wrong-password', `10.0.0.${i}`)).ok).toBe(false)
    }
    const result = await verifySignIn(user.email, TEST_PASSWORD, '10.0.1.1')
    expect(result).toMatchObject({ ok: false, reason: 'throttled' })
    const outcome = await callRoute(loginRoute.action, { form: { email: user.email, password: TEST_PASSWORD } })
    expect(outcome.status).toBe(429)
  })

  it('throttles an address that tries many accounts', async () => {
    const address = '192.0.2.77'
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress.points; i++) {
      await verifySignIn(`guess-${i}@example.test`, 'wrong-password', address)
    }
    const user = await makeUser()
    expect(await verifySignIn(user.email, TEST_PASSWORD, address)).toMatchObject({ reason: 'throttled' })
    expect((await verifySignIn(user.email, TEST_PASSWORD, '192.0.2.78')).ok).toBe(true)
  })

  it('refuses deactivated users and ends their sessions', async () => {
    const user = await makeUser()
    const cookie = await sessionCookie(user.id)
    expect(await getSessionUser(requestWith(cookie))).not.toBeNull()
    await prisma.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } })
    expect(await getSessionUser(requestWith(cookie))).toBeNull()
    expect(await verifySignIn(user.email, TEST_PASSWORD, '10.1.1.1')).toMatchObject({ ok: false, reason: 'invalid' })
  })

  it('expires sessions', async () => {
    const user = await makeUser()
    const cookie = await sessionCookie(user.id)
    await prisma.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } })
    expect(await getSessionUser(requestWith(cookie))).toBeNull()
    expect((await callRoute(homeRoute.loader, { cookie })).location).toBe('/login')
  })

  it('changing the password ends the other sessions but keeps this one', async () => {
    const user = await makeUser()
    const here = await sessionCookie(user.id)
    const elsewhere = await sessionCookie(user.id)
    const me = (await getSessionUser(requestWith(here)))!
    expect(await changeOwnPassword(me, 'wrong-current', 'a-new-password-1')).toBe(false)
    expect(await changeOwnPassword(me, TEST_PASSWORD, 'a-new-password-1')).toBe(true)
    expect(await getSessionUser(requestWith(here))).not.toBeNull()
    expect(await getSessionUser(requestWith(elsewhere))).toBeNull()
    expect((await verifySignIn(user.email, 'a-new-password-1', '10.2.2.2')).ok).toBe(true)
  })

  it('sends a user with a temporary password to change it first', async () => {
    const user = await makeUser()
    await prisma.user.update({ where: { id: user.id }, data: { mustChangePassword: true } })
    const outcome = await callRoute(homeRoute.loader, { cookie: await sessionCookie(user.id) })
    expect(outcome).toMatchObject({ status: 302, location: '/account/password' })
  })
})
