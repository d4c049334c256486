import { expect, test, type Page } from '@playwright/test'
import { signIn } from './helpers.ts'

// HQ takes a principle from a blank page through consultation to v1; regions take part.

async function scriptsOf(page: Page, path: string): Promise<string> {
  const bodies: Promise<string>[] = []
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script' || response.url().endsWith('.js'))
      bodies.push(response.text().catch(() => ''))
  })
  await page.goto(path)
  await page.waitForLoadState('networkidle')
  return (await Promise.all(bodies)).join('\n')
}

test('HQ writes a principle with a heading, a list and a link; a manager comments; HQ publishes', async ({ page }) => {
  const title = `Terugbellen binnen een dag ${Date.now()}`
  await signIn(page, 'hq@leidraad.test')
  await page.goto('/principles')
  await page.getByRole('link', { name: 'Nieuw principe' }).click()
  await page.getByLabel('Titel').fill(title)

  const editor = page.getByRole('textbox', { name: 'Tekst' })
  await editor.click()
  const toolbar = page.getByRole('toolbar', { name: 'Opmaak' })
  await toolbar.getByRole('button', { name: 'H2 Kop', exact: true }).click()
  await expect(toolbar.getByRole('button', { name: 'H2 Kop', exact: true })).toHaveAttribute('aria-pressed', 'true')
  await page.keyboard.type('Waarom')
  await page.keyboard.press('Enter')
  await page.keyboard.type('Een klant die wacht, twijfelt.')
  await page.keyboard.press('Enter')
  await toolbar.getByRole('button', { name: 'Opsomming' }).click()
  await page.keyboard.type('Bel dezelfde dag terug')
  await page.keyboard.press('Enter')
  await page.keyboard.type('Noem je naam')
  // Enter on an empty list item leaves the list.
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  await page.keyboard.type('Lees de klantvisie')
  // The link is made last, on the last word, so no later keystroke can touch the selection.
  for (let i = 0; i < 'klantvisie'.length; i++) await page.keyboard.press('Shift+ArrowLeft')
  await toolbar.getByRole('button', { name: 'Link' }).click()
  await page.getByLabel('Webadres of e-mailadres').fill('javascript:alert(1)')
  await page.getByRole('button', { name: 'Link toevoegen' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'http(s)' })).toBeVisible()
  await page.getByLabel('Webadres of e-mailadres').fill('example.org/klantvisie')
  await page.getByRole('button', { name: 'Link toevoegen' }).click()
  await expect(editor.getByRole('link', { name: 'klantvisie' })).toBeVisible()

  // The toolbar is one tab stop with arrow-key navigation.
  await toolbar.getByRole('button', { name: 'Vet' }).focus()
  await page.keyboard.press('ArrowRight')
  await expect(toolbar.getByRole('button', { name: 'Cursief' })).toBeFocused()

  await page.getByRole('button', { name: 'Concept opslaan' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
  const text = page.locator('.rich-text').first()
  await expect(text.getByRole('heading', { level: 2 })).toHaveText('Waarom')
  await expect(text.getByRole('listitem')).toHaveText(['Bel dezelfde dag terug', 'Noem je naam'])
  await expect(text.getByRole('link', { name: 'klantvisie' })).toHaveAttribute('href', 'https://example.org/klantvisie')
  const url = page.url()

  await page.getByRole('button', { name: 'Consultatie openen' }).click()
  await expect(page.getByText('De consultatie is geopend')).toBeVisible()

  await signIn(page, 'manager.noord@leidraad.test')
  await page.goto(url)
  await page.getByLabel('Reageer').fill('Kan "dezelfde dag" ook "binnen vier uur" worden?')
  await page.getByRole('button', { name: 'Reageer' }).click()
  await expect(page.getByText('Je reactie is geplaatst.')).toBeVisible()
  // The box is empty again, and focus is on the new comment, marked with the region it speaks for.
  await expect(page.getByLabel('Reageer')).toHaveValue('')
  const posted = page.locator('[id^="comment-"]:focus')
  await expect(posted).toContainText('binnen vier uur')
  await expect(posted).toContainText('Marieke de Vries')
  await expect(posted).toContainText('Noord')

  await signIn(page, 'hq@leidraad.test')
  await page.goto(url)
  await expect(page.getByTestId('region-counts')).toContainText('Noord: 1')
  // HQ answers first; its reply is marked as HQ's and not counted as a region.
  await page.getByRole('textbox', { name: 'Antwoord' }).fill('Binnen vier uur is haalbaar.')
  await page.getByRole('button', { name: 'Antwoord', exact: true }).click()
  await expect(page.locator('[id^="comment-"]:focus')).toContainText('Hoofdkantoor')
  await expect(page.getByTestId('region-counts').getByRole('listitem')).toHaveText(['Noord: 1'])
  await expect(page.getByText('Daarnaast 1 reactie van het hoofdkantoor.')).toBeVisible()
  // Publishing comes after the comments, and with open ones asks for a tick first.
  await expect(page.getByText('Er staan nog 2 reacties open in de consultatie.')).toBeVisible()
  await page.getByLabel('Toelichting op de wijziging').fill('Eerste versie na consultatie met Noord.')
  await page.getByRole('button', { name: 'Publiceren' }).click()
  await expect(page.getByText('Er staan nog 2 reacties open. Handel die eerst af')).toBeVisible()
  await expect(page.getByLabel('Toelichting op de wijziging')).toHaveValue('Eerste versie na consultatie met Noord.')
  await page.getByRole('button', { name: 'Markeer als afgehandeld' }).first().click()
  await expect(page.getByText('Afgehandeld door Hugo Hoofdkantoor')).toBeVisible()
  await page.getByRole('button', { name: 'Markeer als afgehandeld' }).click()
  await expect(page.getByText('Afgehandeld door Hugo Hoofdkantoor')).toBeVisible()
  await expect(page.getByText(/reacties? open in de consultatie/)).toHaveCount(0)
  await page.getByLabel('Toelichting op de wijziging').fill('Eerste versie na consultatie met Noord.')
  await page.getByRole('button', { name: 'Publiceren' }).click()
  await expect(page.getByText('Versie 1 is gepubliceerd.')).toBeVisible()
  await expect(page.getByText(/Versie 1 · gepubliceerd op/)).toBeVisible()

  // Frontline reads it in the published list.
  await signIn(page, 'balie.noord@leidraad.test')
  await page.goto('/principles')
  await page.getByRole('link', { name: title }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
})

test('a member opening the editor URL gets 403', async ({ page }) => {
  await signIn(page, 'member.noord@leidraad.test')
  const response = await page.goto('/principles/klachten-zijn-cadeaus/edit')
  expect(response?.status()).toBe(403)
  await expect(page.getByRole('heading', { name: 'Geen toegang' })).toBeVisible()
})

test('a reading page ships no editor JavaScript; the editing page does', async ({ page }) => {
  await signIn(page, 'hq@leidraad.test')
  const editing = await scriptsOf(page, '/principles/klachten-zijn-cadeaus/edit')
  expect(editing).toContain('ProseMirror')
  await page.context().clearCookies()
  await signIn(page, 'balie.noord@leidraad.test')
  const reading = await scriptsOf(page, '/principles/klachten-zijn-cadeaus')
  expect(reading.length).toBeGreaterThan(1000)
  expect(reading).not.toContain('ProseMirror')
  expect(reading).not.toContain('tiptap')
})

test('a manager sees the word diff between v1 and v2, marked without relying on colour', async ({ page }) => {
  await signIn(page, 'manager.zuid@leidraad.test')
  await page.goto('/principles/klachten-zijn-cadeaus')
  await page.getByRole('link', { name: 'Bekijk wat er veranderde' }).click()
  const diff = page.getByTestId('diff')
  await expect(diff.locator('del').first()).toBeVisible()
  await expect(diff.locator('ins').first()).toBeVisible()
  await expect(diff.locator('del').filter({ hasText: 'vijf werkdagen' })).toHaveCount(1)
  await expect(diff).toContainText('[verwijderd:')
})
