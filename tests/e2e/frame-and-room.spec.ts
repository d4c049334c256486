import AxeBuilder from '@axe-core/playwright'
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
  // Tiptap gives the focus back to the text in the next animation frame. Ctrl+Home goes through the
  // editor's own keys (a native arrow within 20 ms of focus is undone by ProseMirror's selection
  // resync, which no person types fast enough to meet, but a test does).
  await expect(editor).toBeFocused()
  await page.keyboard.press('Control+Home')
  const frame = toolbar.getByRole('button', { name: /^Kader/ })
  await frame.click()
  await expect(frame).toHaveAttribute('aria-pressed', 'true')
  await expect(editor.locator('section[data-frame="kader"]')).toHaveText('Je belt de klant binnen een dag terug.')
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

test('a manager starts a draft from another region’s shared example; the draft names its source', async ({ page }) => {
  await signIn(page, 'manager.noord@leidraad.test')
  await page.goto('/principles/de-klant-beslist-wat-goede-service-is')
  const examples = page.getByRole('region', { name: 'Zo doen andere regio’s het' })
  await examples.getByText('De klant kiest het kanaal').click()
  await expect(examples.getByText('Bel, mail of app de klant terug')).toBeVisible()
  await examples.getByRole('button', { name: 'Eigen concept starten voor Noord' }).click()
  await expect(page.getByText('Je concept is gestart vanuit het voorbeeld.')).toBeVisible()
  await page.getByRole('link', { name: 'De klant kiest het kanaal' }).first().click()
  await expect(page.getByText(/Gebaseerd op het voorbeeld van regio Zuid/)).toBeVisible()
})

test('Zuid’s manager stops sharing and shares again; frontline never sees the examples', async ({ page }) => {
  await signIn(page, 'balie.noord@leidraad.test')
  await page.goto('/principles/de-klant-beslist-wat-goede-service-is')
  await expect(page.getByRole('heading', { name: 'Zo doen andere regio’s het' })).toHaveCount(0)
  await signIn(page, 'manager.zuid@leidraad.test')
  await page.goto('/regions')
  await page.getByRole('link', { name: 'Zuid', exact: true }).first().click()
  await page
    .getByRole('link', { name: /Richtlijnen|Werkruimte|guidelines/i })
    .first()
    .click()
  await page.getByRole('link', { name: 'De klant kiest het kanaal' }).first().click()
  await page.getByRole('button', { name: 'Niet meer delen' }).click()
  await expect(page.getByText('Deze richtlijn wordt niet meer gedeeld.')).toBeVisible()
  await page.getByRole('button', { name: 'Delen als voorbeeld' }).click()
  await expect(page.getByText('Gedeeld als voorbeeld voor alle regio’s.').first()).toBeVisible()
})

test('HQ takes Noord’s proposal into the principle’s draft; the text arrives attributed', async ({ page }) => {
  await signIn(page, 'hq@leidraad.test')
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Inbox' }).click()
  const proposal = page.getByRole('listitem').filter({ hasText: 'Klachten in Noord: vastleggen en doorsturen' })
  await expect(proposal).toContainText('Wacht op het hoofdkantoor')
  await proposal.getByRole('button', { name: 'Overnemen in het concept van het principe' }).click()
  await expect(page.getByText('Overgenomen: de tekst staat in het concept')).toBeVisible()
  await expect(page.getByRole('textbox', { name: 'Tekst' })).toContainText(
    'Voorstel van regio Noord: Klachten in Noord: vastleggen en doorsturen',
  )
})

test('a customer answers through an invitation link on a phone; the manager counts the answer', async ({
  page,
  browser,
}) => {
  await signIn(page, 'manager.noord@leidraad.test')
  await page.goto('/regions')
  await page.getByRole('link', { name: 'Noord', exact: true }).first().click()
  await page
    .getByRole('link', { name: /Richtlijnen|Werkruimte|guidelines/i })
    .first()
    .click()
  await page.getByRole('link', { name: 'Klantreacties bespreken we elke maand' }).first().click()
  const panel = page.getByRole('region', { name: 'Klanten raadplegen' })
  await panel.getByLabel('Vraag aan de klanten').fill('Wilt u horen wat we met uw reactie deden?')
  await panel.getByRole('button', { name: 'Raadpleging openen' }).click()
  await expect(page.getByText('De raadpleging is geopend.')).toBeVisible()
  await page.getByLabel('Hoeveel links?').fill('2')
  await page.getByRole('button', { name: 'Links maken' }).click()
  const links = (await page.getByLabel(/nieuwe links/).inputValue()).split('\n')
  expect(links).toHaveLength(2)
  const roundUrl = page.url()

  const phone = await browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    javaScriptEnabled: false,
  })
  const customer = await phone.newPage()
  await customer.goto(new URL(links[0]!).pathname)
  await expect(customer.getByRole('heading', { level: 1 })).toHaveText('Klantreacties bespreken we elke maand')
  await expect(customer.getByRole('navigation', { name: 'Hoofdmenu' })).toHaveCount(0)
  // The public page is held to the same accessibility bar as every other page (axe needs a script:
  // a second look, with JavaScript, at the same link — looking does not use it up).
  const checker = await browser.newContext({ viewport: { width: 360, height: 740 } })
  const look = await checker.newPage()
  await look.goto(new URL(links[0]!).pathname)
  const { violations } = await new AxeBuilder({ page: look })
    .setLegacyMode(true)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze()
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([])
  await checker.close()
  await customer
    .getByLabel('Wilt u horen wat we met uw reactie deden?')
    .fill('Ja, graag per mail een keer per kwartaal.')
  await customer.getByRole('button', { name: 'Versturen' }).click()
  await expect(customer.getByText('Dank u wel! Uw antwoord is ontvangen.')).toBeVisible()
  await customer.goto(new URL(links[0]!).pathname)
  await expect(customer.getByText('Via deze link is al geantwoord.')).toBeVisible()
  await phone.close()

  await page.goto(roundUrl)
  await expect(page.getByText('Ja, graag per mail een keer per kwartaal.')).toBeVisible()
  const count = page.getByRole('button', { name: 'Meetellen', exact: true })
  await expect(count).toHaveCount(1)
  await count.click()
  await expect(page.getByText('Het antwoord telt mee als klantinbreng.')).toBeVisible()
})
