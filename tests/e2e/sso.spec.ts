import { expect, test } from '@playwright/test'
import { OIDC_PORT } from '../../playwright.config.ts'
import { startOidcProvider } from '../fixtures/oidc-provider.ts'
import { signIn } from './helpers.ts'

// An organisation signs in with its own accounts: the admin maps a group, a new employee signs in
// through the organisation's OpenID provider (a real one, on localhost) and lands in their handbook.
let provider: Awaited<ReturnType<typeof startOidcProvider>>
test.beforeAll(async () => {
  provider = await startOidcProvider(`http://localhost:${process.env.E2E_PORT ?? 3100}/auth/oidc/callback`, OIDC_PORT)
})
test.afterAll(async () => {
  await provider.close()
})

test('the admin maps a group; a new employee signs in with the organisation account and lands in their handbook', async ({
  page,
}) => {
  await signIn(page, 'admin@leidraad.test')
  await page.goto('/users')
  await page.getByRole('link', { name: 'Aanmelden met het organisatie-account (SSO)' }).click()
  await page.getByLabel('Groep', { exact: true }).fill('winkelteam-noord')
  await page.getByLabel('Regio', { exact: true }).selectOption({ label: 'Noord' })
  await page.getByLabel('Rol in de regio').selectOption('frontline')
  await page.getByRole('button', { name: 'Groep koppelen' }).click()
  await expect(page.getByText('De groep is gekoppeld.')).toBeVisible()
  await expect(page.getByRole('listitem').filter({ hasText: 'winkelteam-noord' })).toContainText('Frontlinie Noord')

  const id = `e2e-${Date.now()}`
  provider.accounts.set(id, { email: `${id}@winkel.test`, name: 'Eva Nieuw', groups: ['winkelteam-noord'] })
  provider.signInAs(id)
  await page.context().clearCookies()
  await page.goto('/login')
  await page.getByRole('link', { name: 'Aanmelden met Testorganisatie' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Handboek Noord')
  await expect(page.getByText('Aangemeld als Eva Nieuw')).toBeAttached()
})
