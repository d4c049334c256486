import { expect, test } from '@playwright/test'
import { signIn } from './helpers.ts'

// Each demo role signs in and sees its own navigation, nothing more.
const NAV: Record<string, string[]> = {
  'admin@leidraad.test': [
    'Start',
    'Principes',
    'Overzicht',
    'Klantsignalen',
    'Inbox',
    "Regio's",
    'Gebruikers',
    'Logboek',
    'Toontoets',
    'Zoekwoorden',
    'Niet gevonden',
    'E-mail',
    'Account',
  ],
  'hq@leidraad.test': [
    'Start',
    'Principes',
    'Overzicht',
    'Klantsignalen',
    'Inbox',
    "Regio's",
    'Logboek',
    'Toontoets',
    'Zoekwoorden',
    'Niet gevonden',
    'Account',
  ],
  'manager.noord@leidraad.test': ['Start', 'Handboek', 'Principes', 'Overzicht', "Regio's", 'Logboek', 'Account'],
  'member.noord@leidraad.test': ['Start', 'Handboek', 'Principes', 'Overzicht', "Regio's", 'Account'],
  'balie.noord@leidraad.test': ['Start', 'Handboek', 'Principes', "Regio's", 'Account'],
  'manager.zuid@leidraad.test': ['Start', 'Handboek', 'Principes', 'Overzicht', "Regio's", 'Logboek', 'Account'],
  'member.zuid@leidraad.test': ['Start', 'Handboek', 'Principes', 'Overzicht', "Regio's", 'Account'],
  'balie.zuid@leidraad.test': ['Start', 'Handboek', 'Principes', "Regio's", 'Account'],
}

for (const [email, links] of Object.entries(NAV)) {
  test(`${email} signs in and sees their navigation`, async ({ page }) => {
    await signIn(page, email)
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' })
    await expect(nav.getByRole('link')).toHaveText(links)
    await page.getByRole('link', { name: "Regio's" }).click()
    const regions = page.getByRole('main').getByRole('listitem').getByRole('link')
    if (email.startsWith('admin') || email.startsWith('hq')) {
      await expect(regions).toContainText(['Noord', 'Oost', 'West', 'Zuid'])
    } else {
      await expect(regions).toHaveText([email.includes('noord') ? 'Noord' : 'Zuid'])
    }
    await page.getByRole('button', { name: 'Afmelden' }).click()
    await expect(page).toHaveURL(/\/login$/)
  })
}

test('a stranger only ever sees the sign-in page, and lands where they were going', async ({ page }) => {
  await page.goto('/users')
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fusers/)
  await page.getByLabel('E-mailadres').fill('admin@leidraad.test')
  await page.getByLabel('Wachtwoord').fill('leidraad-demo')
  await page.getByRole('button', { name: 'Aanmelden' }).click()
  await expect(page).toHaveURL(/\/users$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gebruikers')
})

test('the interface switches to English and back, without JavaScript too', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto('/login')
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in')
  await page.getByRole('button', { name: 'Nederlands' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aanmelden')
  await context.close()
})

test('a forbidden page is a 403 inside the shell', async ({ page }) => {
  await signIn(page, 'balie.noord@leidraad.test')
  const response = await page.goto('/users')
  expect(response?.status()).toBe(403)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Geen toegang')
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeVisible()
  const missing = await page.goto('/does-not-exist')
  expect(missing?.status()).toBe(404)
})
