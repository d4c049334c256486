import { expect, type Page } from '@playwright/test'

export const DEMO_PASSWORD = 'leidraad-demo'

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.context().clearCookies()
  await page.goto('/login')
  await page.getByLabel('E-mailadres').fill(email)
  await page.getByLabel('Wachtwoord').fill(password)
  await page.getByRole('button', { name: 'Aanmelden' }).click()
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Aanmelden')
}
