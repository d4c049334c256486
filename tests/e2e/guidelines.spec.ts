import { expect, test, type Page } from '@playwright/test'
import { signIn } from './helpers.ts'

// A region translates a principle with its team; an HQ change reaches the region as a review.
const PRINCIPLE = 'We meten wat klanten ervaren'

async function openWorkspace(page: Page) {
  await page.goto('/')
  await page.getByRole('main').getByRole('link', { name: 'Noord', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Richtlijnen van Noord')
}

const itemFor = (page: Page, title: string) =>
  page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: title }) })

test('member drafts and submits, manager publishes; HQ publishes v2, the manager reviews the diff and confirms; coverage turns green', async ({
  page,
}) => {
  const title = `Klantreacties in het teamoverleg ${Date.now()}`

  // The member writes a draft with customer input and submits it.
  await signIn(page, 'member.noord@leidraad.test')
  await openWorkspace(page)
  await itemFor(page, PRINCIPLE).getByRole('link', { name: 'Richtlijn schrijven' }).click()
  await page.getByLabel('Titel').fill(title)
  await page.getByRole('textbox', { name: 'Tekst' }).click()
  await page.keyboard.type('Elke maand lezen we tien klantreacties hardop voor en kiezen we één verbetering.')
  await page.getByRole('button', { name: 'Concept opslaan' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
  await page.getByLabel('Wat zei de klant?').fill('Ik hoor nooit wat jullie met mijn enquête doen.')
  await page.getByLabel('Bron').selectOption('survey')
  await page.getByRole('button', { name: 'Klantinbreng toevoegen' }).click()
  await expect(page.getByText('“Ik hoor nooit wat jullie met mijn enquête doen.”')).toBeVisible()
  await page.getByRole('button', { name: 'Ter goedkeuring aanbieden' }).click()
  await expect(page.getByText('De richtlijn is ter goedkeuring aangeboden')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Publiceren' })).toHaveCount(0)
  const guidelineUrl = page.url()

  // The manager publishes it.
  await signIn(page, 'manager.noord@leidraad.test')
  await page.goto(guidelineUrl)
  await page.getByLabel('Toelichting op de wijziging').fill('Besproken in het teamoverleg van maandag.')
  await page.getByRole('button', { name: 'Publiceren', exact: true }).click()
  await expect(page.getByText('De richtlijn is gepubliceerd.')).toBeVisible()

  // HQ publishes v2 of the principle.
  await signIn(page, 'hq@leidraad.test')
  await page.goto('/principles')
  await page.getByRole('link', { name: PRINCIPLE }).first().click()
  await page.getByRole('link', { name: 'Nieuwe versie voorbereiden' }).click()
  await page.getByRole('textbox', { name: 'Tekst' }).click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type(' Elke regio deelt haar verbeteringen ook met de klanten die erom vroegen.')
  await page.getByRole('button', { name: 'Concept opslaan' }).click()
  await page.getByRole('button', { name: 'Consultatie openen' }).click()
  await page.getByLabel('Toelichting op de wijziging').fill('Regio’s delen verbeteringen met klanten.')
  await page.getByRole('button', { name: 'Publiceren' }).click()
  await expect(page.getByText('Versie 2 is gepubliceerd.')).toBeVisible()

  // The manager sees "needs review" with the principle's diff, and confirms.
  await signIn(page, 'manager.noord@leidraad.test')
  await openWorkspace(page)
  const toReview = page.getByRole('region', { name: /Herzien na wijziging hoofdkantoor/ })
  await toReview.getByRole('link', { name: title }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Herzien: principe versie 1 → 2')
  await expect(page.getByTestId('diff').locator('ins')).toContainText('deelt haar verbeteringen')
  await expect(page.getByText('Elke maand lezen we tien klantreacties hardop voor')).toBeVisible()
  await page
    .getByLabel('Waarom blijft de richtlijn zoals hij is?')
    .fill('Onze maandelijkse bespreking dekt dit al; we mailen klanten voortaan.')
  await page.getByRole('button', { name: 'Bevestigen voor versie 2' }).click()
  await expect(page.getByText('Vastgelegd: de richtlijn is nog steeds goed.')).toBeVisible()

  // HQ's coverage: Noord × this principle is published (green).
  await signIn(page, 'hq@leidraad.test')
  await page.goto('/coverage')
  const column = await page.getByRole('columnheader').allInnerTexts()
  const index = column.findIndex((text) => text.includes(PRINCIPLE))
  const noord = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Noord' }) })
  await expect(
    noord
      .getByRole('cell')
      .nth(index - 1)
      .locator('[data-state]'),
  ).toHaveAttribute('data-state', 'published')
})

test('frontline cannot open the coverage overview or the region workspace', async ({ page }) => {
  await signIn(page, 'balie.noord@leidraad.test')
  expect((await page.goto('/coverage'))?.status()).toBe(403)
  await page.goto('/regions')
  await page.getByRole('main').getByRole('link', { name: 'Noord', exact: true }).click()
  await expect(page).toHaveURL(/\/regions\/[^/]+$/)
  expect((await page.goto(`${page.url()}/guidelines`))?.status()).toBe(403)
})

test('the workspace is plain HTML with one decision form at a time: recorded, refused without a reason, withdrawn', async ({
  page,
}) => {
  await signIn(page, 'manager.noord@leidraad.test')
  await openWorkspace(page)
  expect(await page.evaluate(() => '__remixContext' in window)).toBe(false) // no React in the browser
  const item = page
    .getByRole('main')
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: 'Besluit vastleggen', exact: true }) })
    .first()
  const title = (await item.getByRole('heading', { level: 2 }).textContent())!.trim()
  const decided = itemFor(page, title)
  await decided.getByRole('link', { name: 'Besluit vastleggen', exact: true }).click()
  await decided.getByLabel('Niet van toepassing bij ons').check()
  await decided.getByRole('button', { name: 'Besluit opslaan' }).click()
  await expect(decided.getByText('Leg uit waarom dit principe bij jullie niet van toepassing is.')).toBeVisible()
  await decided.getByLabel('Niet van toepassing bij ons').check()
  await decided.getByLabel('Toelichting (verplicht bij “niet van toepassing”)').fill('Geen balie in deze regio.')
  await decided.getByRole('button', { name: 'Besluit opslaan' }).click()
  await expect(page.getByText('Het besluit is vastgelegd.')).toBeVisible()
  await expect(decided.getByText('Niet van toepassing bij ons · ', { exact: false })).toBeVisible()
  await decided.getByRole('link', { name: 'Besluit wijzigen', exact: true }).click()
  await decided.getByRole('button', { name: 'Besluit intrekken' }).click()
  await expect(page.getByText('Het besluit is ingetrokken.')).toBeVisible()
  await expect(decided.getByRole('link', { name: 'Besluit vastleggen', exact: true })).toBeVisible()
})
