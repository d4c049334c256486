import { expect, test } from '@playwright/test'
import { signIn } from './helpers.ts'

// The frontline path, on a phone-sized screen.
test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true })

test('frontline finds a rule by search, reads the why, confirms it and sends feedback; the manager answers; the answer shows', async ({
  page,
}) => {
  await signIn(page, 'balie.noord@leidraad.test')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Handboek Noord')

  // Search as you type, with a typo.
  await page.getByRole('searchbox').fill('terugbelen')
  await expect(page.getByText(/regels? gevonden voor “terugbelen”/)).toBeVisible()
  await page.getByRole('link', { name: 'Terugbellen doe je zelf' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Terugbellen doe je zelf')
  await expect(page.getByRole('heading', { name: 'Waarom' })).toBeVisible()
  await expect(page.getByText('Iedere medewerker is eigenaar van de klantvraag')).toBeVisible()

  await page.getByRole('button', { name: 'Gelezen en begrepen' }).click()
  await expect(page.getByText(/Gelezen en begrepen op/)).toBeVisible()

  const feedback = `Bij drukte lukt zelf terugbellen niet binnen de dag ${Date.now()}`
  await page.getByLabel('Vertel je regiomanager wat er in de praktijk misgaat, en waarom.').fill(feedback)
  await page.getByRole('button', { name: 'Feedback versturen' }).click()
  await expect(page.getByText('Je feedback is naar je regiomanager gestuurd.')).toBeVisible()
  const guidelineUrl = page.url()

  await signIn(page, 'manager.noord@leidraad.test')
  await page.goto('/')
  await page.getByRole('main').getByRole('link', { name: 'Noord', exact: true }).click()
  await page.getByRole('link', { name: /Feedback van de frontlinie/ }).click()
  const item = page.getByRole('listitem').filter({ hasText: feedback })
  await item.getByLabel('Antwoord').fill('Geef het dan door aan de dagcoördinator; die belt terug.')
  await item.getByRole('button', { name: 'Antwoord versturen' }).click()
  await expect(page.getByText('Je antwoord is verstuurd.')).toBeVisible()

  await signIn(page, 'balie.noord@leidraad.test')
  await expect(page.getByText('Antwoord op je feedback')).toBeVisible()
  await page.goto(guidelineUrl)
  await expect(page.getByText('Geef het dan door aan de dagcoördinator; die belt terug.')).toBeVisible()
})

test('the handbook opens offline after one online visit, marked as offline; a confirmation made offline is refused clearly', async ({
  page,
  context,
}) => {
  await signIn(page, 'balie.zuid@leidraad.test')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Handboek Zuid')
  const home = page.url()
  // Wait until the service worker controls the page, then visit a guideline once online.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
  await page.getByRole('link', { name: 'De klant kiest het kanaal', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('De klant kiest het kanaal')
  const guidelineUrl = page.url()
  await page.goto(home)
  await expect(page.getByRole('link', { name: 'De klant kiest het kanaal', exact: true })).toBeVisible()

  await context.setOffline(true)
  await page.goto(home)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Handboek Zuid')
  await expect(page.getByRole('status').filter({ hasText: /Offline — dit is de stand van/ })).toBeVisible()
  await page.goto(guidelineUrl)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('De klant kiest het kanaal')
  await expect(page.getByRole('status').filter({ hasText: /Offline/ })).toBeVisible()
  await page.getByRole('button', { name: 'Gelezen en begrepen' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'Je bent offline: dit is niet verstuurd.' })).toBeVisible()
  await context.setOffline(false)
})

test('frontline pages ship one small script and no framework; they work as plain HTML', async ({ page }) => {
  const scripts: string[] = []
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname)
  })
  await signIn(page, 'balie.noord@leidraad.test')
  scripts.length = 0
  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Handboek Noord')
  await page.getByRole('link', { name: 'Terugbellen doe je zelf' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Terugbellen doe je zelf')
  expect(scripts.length).toBeGreaterThan(0)
  expect(
    scripts.every((path) => /^\/assets\/enhance-[\w-]+\.js$/.test(path)),
    scripts.join(', '),
  ).toBe(true)
})
