import { expect, test } from '@playwright/test'
import { signIn } from './helpers.ts'

test('an admin creates a region and a user; the user signs in with the temporary password and must change it', async ({
  page,
}) => {
  const stamp = Date.now().toString(36)
  await signIn(page, 'admin@leidraad.test')
  await page.goto('/regions')
  await page.getByLabel('Naam').fill(`Midden ${stamp}`)
  await page.getByRole('button', { name: 'Regio toevoegen' }).click()
  await expect(page.getByRole('status')).toContainText(`Regio Midden ${stamp} is toegevoegd`)
  const regionUrl = page.url()

  await page.goto('/users')
  const email = `nieuw-${stamp}@leidraad.test`
  await page.getByLabel('Naam').fill('Nina Nieuw')
  await page.getByLabel('E-mailadres').fill(email)
  await page.getByRole('button', { name: 'Gebruiker toevoegen' }).click()
  const temporary = (await page.getByRole('status').locator('code').textContent())!.trim()
  expect(temporary).toMatch(/^[a-z0-9]{4}(-[a-z0-9]{4}){3}$/)

  await page.goto(regionUrl)
  await page.getByLabel('E-mailadres van de gebruiker').fill(email)
  await page.getByLabel('Rol', { exact: true }).selectOption('member')
  await page.getByRole('button', { name: 'Toevoegen' }).click()
  await expect(page.getByRole('listitem').filter({ hasText: email })).toBeVisible()

  await page.getByRole('button', { name: 'Afmelden' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aanmelden')
  await page.getByLabel('E-mailadres').fill(email)
  await page.getByLabel('Wachtwoord').fill(temporary)
  await page.getByRole('button', { name: 'Aanmelden' }).click()
  await expect(page).toHaveURL(/\/account\/password$/)
  await page.getByLabel('Huidig wachtwoord').fill(temporary)
  await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('mijn-eigen-wachtwoord')
  await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('mijn-eigen-wachtwoord')
  await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click()
  await expect(page.getByRole('status')).toContainText('Je wachtwoord is gewijzigd')
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link')).toHaveText([
    'Start',
    'Handboek',
    'Principes',
    'Overzicht',
    "Regio's",
    'Account',
  ])
})

test('the admin deactivates a user: their open session ends at once', async ({ browser }) => {
  const admin = await browser.newPage()
  const balie = await browser.newPage({ storageState: undefined })
  await signIn(balie, 'balie.zuid@leidraad.test')
  await signIn(admin, 'admin@leidraad.test')
  await admin.goto('/users')
  await admin.getByRole('link', { name: 'Noah Peeters' }).click()
  await admin.getByRole('button', { name: 'Deactiveren' }).click()
  await expect(admin.getByRole('status')).toContainText('gedeactiveerd')
  await balie.reload()
  await expect(balie).toHaveURL(/\/login/)
  await admin.getByRole('button', { name: 'Weer activeren' }).click()
  await expect(admin.getByRole('status')).toContainText('weer actief')
})
