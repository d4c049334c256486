import { describe, expect, it } from 'vitest'
import { changeOwnPassword, verifySignIn } from '~/models/auth.server.ts'
import { getSessionUser } from '~/web/auth.server.ts'
import * as loginRoute from '~/routes/login.tsx'
import * as homeRoute from '~/routes/_index.tsx'
import * as passwordRoute from '~/routes/account.password.tsx'
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

  it('throttles an account from the address that guessed, even with the right password then', async () => {
    const user = await makeUser()
    for (let i = 0; i < SIGN_IN_LIMITS.perAccountAndAddress.points; i++) {
      expect(await verifySignIn(user.email, 'wrong-password', '10.0.0.9')).toMatchObject({ reason: 'invalid' })
    }
    const result = await verifySignIn(user.email, TEST_PASSWORD, '10.0.0.9')
    expect(result).toMatchObject({ ok: false, reason: 'throttled' })
  })

  it('never locks the real user out from elsewhere: a stranger guessing from another address changes nothing for them', async () => {
    const user = await makeUser()
    for (let i = 0; i < 3 * SIGN_IN_LIMITS.perAccountAndAddress.points; i++) {
      await verifySignIn(user.email, 'wrong-password', '203.0.113.66')
    }
    expect(await verifySignIn(user.email, TEST_PASSWORD, '203.0.113.66')).toMatchObject({ reason: 'throttled' })
    expect(await verifySignIn(user.email, TEST_PASSWORD, '198.51.100.7')).toMatchObject({ ok: true })
  })

  it('counts attempts before checking them: 20 parallel wrong passwords for one account are checked at most 5 times', async () => {
    const user = await makeUser()
    const results = await Promise.all(
      Array.from({ length: 20 }, () => verifySignIn(user.email, 'wrong-password', '10.9.9.9')),
    )
    const checked = results.filter((r) => !r.ok && r.reason === 'invalid').length
    expect(checked).toBe(SIGN_IN_LIMITS.perAccountAndAddress.points)
    expect(results.filter((r) => !r.ok && r.reason === 'throttled')).toHaveLength(20 - checked)
  })

  it('40 parallel guesses at different accounts from one address are checked at most 30 times', async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => verifySignIn(`parallel-${i}@example.test`, 'wrong-password', '10.8.8.8')),
    )
    expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(SIGN_IN_LIMITS.perAddress.points)
  })

  it('a right password is not counted against the address: an office behind one address signs in all day', async () => {
    const users = await Promise.all(Array.from({ length: SIGN_IN_LIMITS.perAddress.points + 5 }, () => makeUser()))
    for (const user of users) {
      expect(await verifySignIn(user.email, TEST_PASSWORD, '10.7.7.7')).toMatchObject({ ok: true })
    }
  })

  it('answers a throttled sign-in over HTTP with 429 and the minutes to wait', async () => {
    const user = await makeUser()
    const form = { email: user.email, password: 'wrong-password' }
    for (let i = 0; i < SIGN_IN_LIMITS.perAccountAndAddress.points; i++) await callRoute(loginRoute.action, { form })
    const outcome = await callRoute(loginRoute.action, { form: { email: user.email, password: TEST_PASSWORD } })
    expect(outcome.status).toBe(429)
    expect(outcome.data).toMatchObject({ retryAfterMinutes: 15 })
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
    expect(await changeOwnPassword(me, 'wrong-current', 'a-new-password-1')).toBe('wrong')
    expect(await changeOwnPassword(me, TEST_PASSWORD, 'a-new-password-1')).toBe('changed')
    expect(await getSessionUser(requestWith(here))).not.toBeNull()
    expect(await getSessionUser(requestWith(elsewhere))).toBeNull()
    expect((await verifySignIn(user.email, 'a-new-password-1', '10.2.2.2')).ok).toBe(true)
  })

  it('throttles guessing the current password on the password page (5 per 15 minutes), also in parallel', async () => {
    const user = await makeUser()
    const cookie = await sessionCookie(user.id)
    const guesses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        callRoute(passwordRoute.action, {
          cookie,
          form: { currentPassword: `guess-${i}`, newPassword: 'a-new-password-1', confirmPassword: 'a-new-password-1' },
        }),
      ),
    )
    expect(guesses.filter((g) => g.status === 400)).toHaveLength(5)
    expect(guesses.filter((g) => g.status === 429)).toHaveLength(7)
    const right = await callRoute(passwordRoute.action, {
      cookie,
      form: { currentPassword: TEST_PASSWORD, newPassword: 'a-new-password-1', confirmPassword: 'a-new-password-1' },
    })
    expect(right.status).toBe(429)
    expect(JSON.stringify(right.data)).toContain('password.throttled?minutes=15')
  })

  it('sends a user with a temporary password to change it first', async () => {
    const user = await makeUser()
    await prisma.user.update({ where: { id: user.id }, data: { mustChangePassword: true } })
    const outcome = await callRoute(homeRoute.loader, { cookie: await sessionCookie(user.id) })
    expect(outcome).toMatchObject({ status: 302, location: '/account/password' })
  })
})
