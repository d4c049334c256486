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

test('a search that finds nothing is no dead end: frontline asks the manager, the manager sees the gap and makes a draft of the question', async ({
  page,
}) => {
  await signIn(page, 'balie.noord@leidraad.test')
  const word = `zeppelinlanding${Date.now().toString(36).replace(/\d/g, '')}`
  // Sent with Enter (a whole search, counted as a gap when it finds nothing).
  await page.getByRole('searchbox').fill(word)
  await page.getByRole('searchbox').press('Enter')
  await expect(page.getByRole('heading', { name: `Geen regel gevonden voor “${word}”` })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Alle regels van je regio' })).toBeVisible()
  const question = `Een klant vraagt of hij met een ${word} mag komen, wat zeg ik?`
  await page.getByLabel(/Je vraag gaat naar de leidinggevende/).fill(question)
  await page.getByRole('button', { name: 'Vraag versturen' }).click()
  await expect(page.getByText('Je vraag is naar je leidinggevende gestuurd.')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Mijn vragen' })).toBeVisible()
  await expect(page.getByText(question)).toBeVisible()

  await signIn(page, 'manager.noord@leidraad.test')
  await page.goto('/')
  await page.getByRole('main').getByRole('link', { name: 'Noord', exact: true }).click()
  await page.getByRole('link', { name: 'Wat de vloer zoekt en niet vindt' }).click()
  await expect(page.getByRole('cell', { name: word, exact: true })).toBeVisible()
  await page.getByRole('link', { name: 'Naar de inbox om ze te beantwoorden' }).click()
  const item = page.getByRole('listitem').filter({ hasText: question })
  await expect(item.getByText('Vraag uit het handboek')).toBeVisible()
  await item.getByRole('button', { name: 'Maak er een conceptrichtlijn van' }).click()
  await expect(page.getByText(/Er is een conceptrichtlijn gemaakt/)).toBeVisible()
})

test('the printed handbook has every rule and no menu, forms or buttons', async ({ page }) => {
  await signIn(page, 'balie.noord@leidraad.test')
  await page.getByRole('link', { name: 'Het handboek afdrukken' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Handboek Noord')
  await expect(page.getByRole('heading', { level: 3, name: 'Terugbellen doe je zelf' })).toBeVisible()
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByRole('navigation')).toBeHidden()
  // Role queries skip what is not displayed: on paper there is no button and no form field.
  await expect(page.getByRole('button')).toHaveCount(0)
  await expect(page.getByRole('textbox')).toHaveCount(0)
  await expect(page.getByRole('heading', { level: 3, name: 'Terugbellen doe je zelf' })).toBeVisible()
})
