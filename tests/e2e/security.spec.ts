import { expect, test } from '@playwright/test'
import { signIn } from './helpers.ts'

test('a manager forging an admin post over HTTP is refused and nothing changes', async ({ page }) => {
  await signIn(page, 'manager.noord@leidraad.test')
  const response = await page.request.post('/regions', { form: { name: 'Smokkelregio' } })
  expect(response.status()).toBe(403)
  const users = await page.request.post('/users', { form: { name: 'Mallory', email: 'mallory@evil.test' } })
  expect(users.status()).toBe(403)

  await signIn(page, 'admin@leidraad.test')
  await page.goto('/regions')
  await expect(page.getByRole('link', { name: 'Smokkelregio' })).toHaveCount(0)
  await page.goto('/users')
  await expect(page.getByText('mallory@evil.test')).toHaveCount(0)
})

test("a manager cannot change another region's membership over HTTP", async ({ page }) => {
  // Find Zuid's member's membership id as the admin sees it.
  await signIn(page, 'admin@leidraad.test')
  await page.goto('/regions')
  await page.getByRole('link', { name: 'Zuid' }).click()
  await page.waitForURL(/\/regions\/[^/]+$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zuid')
  const zuidUrl = page.url()
  const membershipId = await page
    .getByRole('listitem')
    .filter({ hasText: 'member.zuid@leidraad.test' })
    .locator('input[name="membershipId"]')
    .first()
    .inputValue()

  await signIn(page, 'manager.noord@leidraad.test')
  const forged = await page.request.post(zuidUrl, { form: { intent: 'remove-member', membershipId } })
  expect(forged.status()).toBe(404)
  await page.goto('/regions')
  const noordUrl = new URL((await page.getByRole('link', { name: 'Noord' }).getAttribute('href')) ?? '', page.url())
    .href
  const viaOwnRegion = await page.request.post(noordUrl, {
    form: { intent: 'change-role', membershipId, role: 'frontline' },
  })
  expect(viaOwnRegion.status()).toBe(404)

  await signIn(page, 'admin@leidraad.test')
  await page.goto(zuidUrl)
  const row = page.getByRole('listitem').filter({ hasText: 'member.zuid@leidraad.test' })
  await expect(row.getByRole('combobox')).toHaveValue('member')
})

test('a cross-site form post is refused', async ({ page }) => {
  await signIn(page, 'admin@leidraad.test')
  const response = await page.request.post('/regions', {
    form: { name: 'Via andere site' },
    headers: { Origin: 'https://evil.example' },
  })
  expect(response.status()).toBe(403)
})

test('pages carry a nonce-based Content-Security-Policy and no inline script without it', async ({ page }) => {
  const response = await page.goto('/login')
  const csp = response?.headers()['content-security-policy'] ?? ''
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1]
  expect(nonce).toBeTruthy()
  expect(csp).not.toContain("'unsafe-inline' 'self' 'nonce")
  expect(csp).toMatch(/script-src[^;]*'strict-dynamic'/)
  expect(response?.headers()['x-frame-options']).toBe('SAMEORIGIN')
  const html = await response!.text()
  const scripts = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)]
  expect(scripts.length).toBeGreaterThan(0)
  for (const [, attrs] of scripts) expect(attrs).toContain(`nonce="${nonce}"`)
})

test('sign-in is throttled per account with a clear message', async ({ page }) => {
  await page.goto('/login')
  for (let i = 0; i < 5; i++) {
    await page.getByLabel('E-mailadres').fill('member.zuid@leidraad.test')
    await page.getByLabel('Wachtwoord').fill(`wrong-${i}`)
    await page.getByRole('button', { name: 'Aanmelden' }).click()
    await expect(page.getByRole('alert')).toContainText('horen niet bij elkaar')
  }
  await page.getByLabel('E-mailadres').fill('member.zuid@leidraad.test')
  await page.getByLabel('Wachtwoord').fill('leidraad-demo')
  await page.getByRole('button', { name: 'Aanmelden' }).click()
  await expect(page.getByRole('alert')).toContainText('Te veel mislukte pogingen')
})

test('the health check answers 200 with a working database', async ({ request }) => {
  const response = await request.get('/healthz')
  expect(response.status()).toBe(200)
})

test('an oversized request body is refused with 413 before any route reads it', async ({ request }) => {
  const response = await request.post('/principles/new', {
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost:3100' },
    data: `title=x&body=${'x'.repeat(2_000_000)}`,
  })
  expect(response.status()).toBe(413)
})
