import { expect, test } from '@playwright/test'
import { signIn } from './helpers.ts'

// Customer signals: logged on a phone in a few taps (no JavaScript needed), seen by the region's
// manager per rule with a review suggestion, compared across regions by HQ.

test.describe('on a phone without JavaScript', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, javaScriptEnabled: false })

  test('frontline logs a complaint against the rule they used; personal data is refused first', async ({ page }) => {
    await signIn(page, 'balie.noord@leidraad.test')
    await page.getByRole('link', { name: /Klantsignaal vastleggen/ }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Klantsignaal vastleggen')

    const said = `Ik wacht al twee weken op mijn pakket ${Date.now()}`
    await page.getByText('Klacht', { exact: true }).first().tap()
    await page.getByLabel('Wat zei de klant?').fill(`${said}, bel me op 06-12345678`)
    await page.getByRole('button', { name: 'Vastleggen' }).tap()
    await expect(page.getByText('Dit lijkt een telefoonnummer.', { exact: false })).toBeVisible()
    // What was chosen stays chosen; only the text needs changing.
    await expect(page.getByRole('radio', { name: 'Klacht' })).toBeChecked()

    await page.getByLabel('Wat zei de klant?').fill(said)
    await page
      .getByLabel(/Over welke regel/)
      .selectOption({ label: 'Pakket kwijt: na vijf werkdagen opnieuw versturen' })
    await page.getByText('2', { exact: true }).tap()
    await page.getByRole('button', { name: 'Vastleggen' }).tap()
    await expect(page.getByRole('status')).toHaveText(/Klantsignaal vastgelegd/)
    await expect(page.getByLabel('Wat zei de klant?')).toHaveValue('')
    await expect(page.getByRole('region', { name: 'Jouw laatste signalen' }).getByText(said)).toBeVisible()
  })
})

test('the manager sees the rule customers stumble over on the start page, its versions, and quotes signals in a draft', async ({
  page,
}) => {
  await signIn(page, 'manager.noord@leidraad.test')
  const suggestion = page.getByRole('region', { name: /Regels waar klanten over klagen/ })
  await suggestion
    .getByRole('link', { name: /Pakket kwijt: na vijf werkdagen opnieuw versturen: \d+ klachten in 30 dagen/ })
    .click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Klantsignalen Noord')
  await expect(page.getByRole('img', { name: /Klantsignalen per maand/ })).toBeVisible()

  // Noord's complaints guideline: fewer complaints since its second version.
  await page.getByRole('link', { name: /Alle regels/ }).click()
  await page.getByRole('link', { name: 'Klachten in Noord: vastleggen en doorsturen' }).click()
  const versions = page.getByRole('img', { name: /Klachten per 30 dagen per versie/ })
  await expect(versions).toBeVisible()
  const [v1, v2] = (await versions.getAttribute('aria-label'))!
    .match(/versie \d+: [\d.]+/g)!
    .map((part) => Number(part.split(': ')[1]))
  expect(v2).toBeLessThan(v1!)

  const first = page.getByRole('checkbox').first()
  await first.check()
  const draft = page.getByLabel('Aangevinkte signalen als klantinbreng toevoegen aan')
  await draft.selectOption(
    (await draft.locator('option', { hasText: 'Klantreacties bespreken' }).getAttribute('value'))!,
  )
  await page.getByRole('button', { name: 'Toevoegen als klantinbreng' }).click()
  await expect(page.getByRole('status')).toHaveText(/als klantinbreng/)
})

test('HQ compares a region’s own guideline with the main line, and sees each region’s trend', async ({ page }) => {
  await signIn(page, 'hq@leidraad.test')
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Klantsignalen' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Klantsignalen per keuze van de regio’s')
  const filter = page.getByLabel('Principe')
  await filter.selectOption(
    (await filter.locator('option', { hasText: 'Klachten zijn cadeaus' }).getAttribute('value'))!,
  )
  await page.getByRole('button', { name: 'Tonen' }).click()
  const table = page.getByRole('region', { name: 'Klachten zijn cadeaus' })
  await expect(table.getByRole('row', { name: /Eigen richtlijn/ })).toContainText('Noord')
  await expect(table.getByRole('row', { name: /Zoals geschreven/ })).toContainText('Zuid')
  await expect(table.getByRole('row', { name: /Eigen richtlijn/ })).toContainText('%')
  await expect(page.getByRole('img', { name: /^Zuid, signalen per maand/ })).toBeVisible()
})
