import { expect, test } from '@playwright/test'
import { signIn } from './helpers.ts'

// Kader and ruimte: HQ marks what is fixed and what the region decides; frontline sees on the
// phone what they may decide themselves; HQ's overview counts the room each region has filled.

test('HQ marks a passage as kader and one as ruimte in the editor; the saved principle shows both', async ({
  page,
}) => {
  const title = `Terugbellen ${Date.now()}`
  await signIn(page, 'hq@leidraad.test')
  await page.goto('/principles/new')
  await page.getByLabel('Titel').fill(title)
  const editor = page.getByRole('textbox', { name: 'Tekst' })
  await editor.click()
  await page.keyboard.type('Je belt de klant binnen een dag terug.')
  await page.keyboard.press('Enter')
  await page.keyboard.type('Hoe je terugbelt, kiest de regio.')
  const toolbar = page.getByRole('toolbar', { name: 'Opmaak' })
  const room = toolbar.getByRole('button', { name: /^Ruimte/ })
  await room.click()
  await expect(room).toHaveAttribute('aria-pressed', 'true')
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('ArrowUp')
  const frame = toolbar.getByRole('button', { name: /^Kader/ })
  await frame.click()
  await expect(frame).toHaveAttribute('aria-pressed', 'true')
  await page.getByRole('button', { name: 'Concept opslaan' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
  await expect(page.locator('section[data-frame="kader"]')).toHaveText('Je belt de klant binnen een dag terug.')
  await expect(page.locator('section[data-frame="ruimte"]')).toHaveText('Hoe je terugbelt, kiest de regio.')
})

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true })

  test('frontline sees what they may decide themselves under a rule whose principle leaves room', async ({ page }) => {
    await signIn(page, 'balie.noord@leidraad.test')
    await page.getByRole('link', { name: 'Nee aan de balie, met een alternatief' }).first().tap()
    const room = page.getByRole('region', { name: 'Wat je zelf mag beslissen' })
    await expect(room).toContainText('Welke alternatieven je aanbiedt')
    // The why keeps the whole principle, with its fixed part marked.
    await expect(page.locator('section[data-frame="kader"]').first()).toBeVisible()
  })
})

test('HQ’s overview counts the room each region has filled', async ({ page }) => {
  await signIn(page, 'hq@leidraad.test')
  await page.goto('/coverage')
  const noord = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Noord' }) })
  await expect(noord.getByTestId('room-filled')).toHaveText(/Ruimte ingevuld: \d+ van \d+ principes/)
  const west = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'West' }) })
  await expect(west.getByTestId('room-filled')).toHaveText(/Ruimte ingevuld: 0 van \d+ principes/)
})
