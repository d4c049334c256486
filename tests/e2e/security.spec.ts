import { spawn } from 'node:child_process'
import http from 'node:http'
import { createCookieSessionStorage } from '@remix-run/node'
import { expect, test } from '@playwright/test'
import { DEMO_PASSWORD, signIn } from './helpers.ts'

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

test('a chunked body over the limit is refused with 413 and the server keeps answering', async ({ baseURL }) => {
  const url = new URL('/login', baseURL)
  const status = await new Promise<number>((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Transfer-Encoding': 'chunked' },
      },
      (response) => {
        response.resume()
        resolve(response.statusCode ?? 0)
      },
    )
    request.on('error', reject)
    // 2 MB in 64 KB chunks, never announced in a Content-Length.
    const chunk = Buffer.alloc(64 * 1024, 'x')
    let sent = 0
    const next = () => {
      while (sent < 32) {
        sent += 1
        if (!request.write(chunk)) return void request.once('drain', next)
      }
      request.end()
    }
    request.write('email=')
    next()
  }).catch((error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' || error.code === 'EPIPE' ? 413 : 0))
  expect(status).toBe(413)
  const health = await fetch(new URL('/healthz', baseURL))
  expect(health.status).toBe(200)
})

test('an action given JSON instead of a form answers 400, and a NUL in the query 400', async ({ page }) => {
  await signIn(page, 'hq@leidraad.test')
  const json = await page.request.post('/principles/new', {
    headers: { 'Content-Type': 'application/json' },
    data: JSON.stringify({ title: 'x' }),
  })
  expect(json.status()).toBe(400)
  const text = await page.request.post('/principles/new', {
    headers: { 'Content-Type': 'text/plain' },
    data: 'title=x',
  })
  expect(text.status()).toBe(400)
  await signIn(page, 'admin@leidraad.test')
  const nul = await page.request.get('/audit?before=%00')
  expect(nul.status()).toBe(400)
})

test('a crafted redirect after sign-in goes home, never elsewhere and never a 500', async ({ page, baseURL }) => {
  await page.context().clearCookies()
  await page.goto('/login?redirectTo=/%E3%80%80/evil.example')
  await page.getByLabel('E-mailadres').fill('balie.noord@leidraad.test')
  await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Aanmelden' }).click()
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Aanmelden')
  // Home for a frontline employee is their handbook: the crafted path is dropped, not followed.
  const landed = new URL(page.url())
  expect(landed.host).toBe(new URL('/', baseURL).host)
  expect(landed.pathname).toMatch(/^\/handbook\//)
  expect(decodeURIComponent(landed.href)).not.toContain('evil.example')
})

test('after signing out, Back shows the sign-in page, not the previous user’s page', async ({ page }) => {
  await signIn(page, 'balie.noord@leidraad.test')
  const response = await page.goto('/handbook')
  expect(response?.headers()['cache-control']).toContain('no-store')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  const heading = await page.getByRole('heading', { level: 1 }).textContent()
  await page.getByRole('button', { name: 'Afmelden' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aanmelden')
  await page.goBack()
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(heading ?? '')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aanmelden')
})

test('X-Forwarded-For is not believed without TRUST_PROXY: a spoofed address does not escape the throttle', async ({
  request,
}) => {
  const attempt = (i: number) =>
    request.post('/login', {
      form: { email: 'member.oost@leidraad.test', password: `wrong-${i}` },
      headers: { 'X-Forwarded-For': `198.51.100.${i}` },
      maxRedirects: 0,
    })
  for (let i = 0; i < 5; i++) expect((await attempt(i)).status()).toBe(400)
  expect((await attempt(99)).status()).toBe(429)
})

// No CSP violation on any main page of any role: tests/e2e/accessibility.spec.ts (with axe, on the same visits).

test('while the database is unreachable, /healthz and every page answer 503 with the error page', async ({
  browser,
}) => {
  test.setTimeout(60_000)
  // A second server of the same build, pointed at a PostgreSQL port nothing listens on.
  const port = 3197
  const secret = 'e2e-database-down-secret'
  const server = spawn(process.execPath, ['--import', 'tsx', 'app/server/index.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/leidraad',
      SESSION_SECRET: secret,
      WORKER: 'off',
      PORT: String(port),
      LOG_LEVEL: 'fatal',
    },
    stdio: 'ignore',
  })
  try {
    const base = `http://localhost:${port}`
    await expect
      .poll(
        () =>
          fetch(`${base}/healthz`).then(
            (r) => r.status,
            () => 0,
          ),
        { timeout: 30_000 },
      )
      .toBe(503)
    // A signed-in visitor (a session cookie signed with the server's secret): the page is a 503.
    const storage = createCookieSessionStorage({ cookie: { name: '__leidraad_session', secrets: [secret] } })
    const session = await storage.getSession()
    session.set('sessionId', 'some-session')
    const cookie = (await storage.commitSession(session)).split(';')[0] ?? ''
    const context = await browser.newContext({ baseURL: base, extraHTTPHeaders: { Cookie: cookie } })
    const page = await context.newPage()
    const response = await page.goto('/handbook')
    expect(response?.status()).toBe(503)
    expect(response?.headers()['retry-after']).toBeTruthy()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Even niet bereikbaar')
    // Signing in needs the database too: 503, not a 500 and not "wrong password".
    const signIn = await page.request.post('/login', { form: { email: 'hq@leidraad.test', password: 'whatever' } })
    expect(signIn.status()).toBe(503)
    await context.close()
  } finally {
    server.kill('SIGKILL')
  }
})
