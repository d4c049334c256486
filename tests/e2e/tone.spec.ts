import { expect, test, type Page, type Route } from '@playwright/test'
import { signIn } from './helpers.ts'

// The tone check: HQ adds a phrase family without a deploy, a member sees brush-offs underlined
// while writing (with the explanation and a better alternative, reachable by keyboard), the save
// reports the count and is not blocked; a disabled family stops flagging.
const PRINCIPLE = 'Een eerlijk nee, altijd met een alternatief'
const FAMILY = 'Dat hebben we nog nooit gedaan'
// Scripts come from the network, where a test can slow them (the service worker would answer them).
test.use({ serviceWorkers: 'block' })

/** From the start page to a new guideline in Noord under PRINCIPLE, as a writer gets there. */
async function writeGuidelineInNoord(page: Page, beforeOpening?: () => Promise<void>) {
  await page.goto('/')
  await page.getByRole('main').getByRole('link', { name: 'Noord', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Richtlijnen van Noord')
  await beforeOpening?.()
  await page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 2, name: PRINCIPLE }) })
    .getByRole('link', { name: 'Richtlijn schrijven' })
    .click()
}

async function tryText(page: Page, text: string) {
  await page.goto('/tone')
  await page.getByLabel('Tekst', { exact: true }).fill(text)
  await page.getByRole('button', { name: 'Controleer' }).click()
}

test('HQ adds a family; a member writing a guideline sees both warnings as they type, reaches them by keyboard, and saves anyway', async ({
  page,
}) => {
  // HQ adds a family; a pattern the checker cannot read is refused with its line.
  await signIn(page, 'hq@leidraad.test')
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Toontoets' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Toontoets')
  await expect(page.getByRole('link', { name: '"Dat is nu eenmaal ons beleid"' })).toBeVisible()
  await page.getByRole('link', { name: 'Familie toevoegen' }).click()
  await page.getByLabel('Naam').fill(FAMILY)
  await page.getByLabel('Patronen (één per regel)').fill('nog nooit gedaan|meegemaakt\nnooit')
  await page
    .getByLabel('Waarom dit klanten afschept')
    .fill('Wie zich op gewoonte beroept, sluit een nieuwe oplossing uit.')
  await page
    .getByLabel('Wat een richtlijn beter kan zeggen')
    .fill('Vraag wat de klant nodig heeft en zoek samen wat er wel kan.')
  await page.getByRole('button', { name: 'Familie toevoegen' }).click()
  await expect(page.getByText('Regel 2: een patroon heeft minstens twee woorden nodig')).toBeVisible()
  await page.getByLabel('Patronen (één per regel)').fill('nog nooit gedaan|meegemaakt')
  await page.getByRole('button', { name: 'Familie toevoegen' }).click()
  await expect(page.getByText('De familie is toegevoegd')).toBeVisible()
  await tryText(page, 'Zulke lampen hebben we nog nooit gedaan.')
  await expect(page.getByRole('status').filter({ hasText: 'Toontoets: 1 formulering' })).toContainText(FAMILY)

  // A member writes a guideline: the underline appears while typing, the panel explains.
  await signIn(page, 'member.noord@leidraad.test')
  // The title is checked as it is typed too — also what was typed before the page's script ran
  // (the workspace is plain HTML, so the editor is a full page load; on a slow phone one types first).
  const slowScripts = async (route: Route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    await route.continue().catch(() => {}) // a request the page no longer waits for
  }
  await writeGuidelineInNoord(page, () => page.route('**/assets/*.js', slowScripts))
  await page.getByLabel('Titel').fill('Dat mag ik niet')
  await expect(page.getByRole('textbox', { name: 'Tekst' })).toHaveCount(0)
  await page.unroute('**/assets/*.js', slowScripts)
  await expect(page.getByTestId('title-tone-findings')).toContainText('"Dat mag ik niet"')
  await page.getByLabel('Titel').fill(`Ruilen zonder kassabon ${Date.now()}`)
  await expect(page.getByTestId('title-tone-findings')).toHaveCount(0)
  const editor = page.getByRole('textbox', { name: 'Tekst' })
  await editor.click()
  await page.keyboard.type('Helaas, dat is nu eenmaal ons beleid. Dat hebben we nog nooit gedaan.')
  await expect(editor.locator('.tone-flag')).toHaveCount(2)
  await expect(editor.locator('.tone-flag').first()).toHaveText('dat is nu eenmaal ons beleid')
  // Hovering shows why, and what to write instead.
  await expect(editor.locator('.tone-flag').first()).toHaveAttribute(
    'title',
    /verschuilt.*Beter: Leg uit waarom de regel er is/,
  )
  const panel = page.getByTestId('tone-findings')
  await expect(panel.getByRole('heading')).toHaveText('Toontoets: 2 formuleringen om naar te kijken')
  await expect(panel).toContainText('Leg uit waarom de regel er is')
  await expect(panel).toContainText('Vraag wat de klant nodig heeft')

  // By keyboard: Tab from the text to the first finding's button; Enter puts the cursor on the phrase.
  await page.keyboard.press('Tab')
  await expect(panel.getByRole('button', { name: 'Ga naar "dat is nu eenmaal ons beleid" in de tekst' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(editor).toBeFocused()
  await expect(panel.locator('li[aria-current="true"]')).toContainText('dat is nu eenmaal ons beleid')
  await expect(editor.locator('.tone-flag-active')).toHaveText('dat is nu eenmaal ons beleid')

  // Saving is not blocked; the count is reported.
  await page.getByRole('button', { name: 'Concept opslaan' }).click()
  await expect(page.getByTestId('flash-detail')).toHaveText(
    'De toontoets vond 2 formuleringen die klanten kunnen afschepen; kijk er nog eens naar.',
  )

  // HQ disables the family: it stops flagging at once.
  await signIn(page, 'hq@leidraad.test')
  await page.goto('/tone')
  await page.getByRole('link', { name: FAMILY }).click()
  await page.getByLabel('Aan: de toontoets gebruikt deze familie').uncheck()
  await page.getByRole('button', { name: 'Opslaan' }).click()
  await expect(page.getByText(`"${FAMILY}" is opgeslagen`)).toBeVisible()
  await tryText(page, 'Zulke lampen hebben we nog nooit gedaan.')
  await expect(page.getByRole('status').filter({ hasText: 'Toontoets' })).toHaveText(
    'Toontoets: geen afschepende formuleringen gevonden.',
  )
})

test('HQ sees on the coverage overview which region’s published guidelines still brush customers off', async ({
  page,
}) => {
  await signIn(page, 'hq@leidraad.test')
  await page.goto('/coverage')
  const zuid = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Zuid' }) })
  await expect(zuid.getByTestId('tone-total')).toHaveText('1 toonwaarschuwing')
  await expect(zuid.getByRole('link', { name: 'Zuid: Gepubliceerd, 1 toonwaarschuwing' })).toBeVisible()
  await zuid.getByRole('link', { name: 'Zuid', exact: true }).click()
  await expect(page.getByTestId('tone-findings-count')).toHaveText(
    '1 toonwaarschuwing: "Daarvoor bent u bij ons niet aan het goede adres"',
  )
})

test('a writer reports a wrong underline and a missed brush-off from the editor; HQ accepts, and the check follows at once', async ({
  page,
}) => {
  const missed = 'Die stoelen gaan twintig jaar mee bij normaal gebruik.'
  await signIn(page, 'manager.noord@leidraad.test')
  await writeGuidelineInNoord(page)
  const editor = page.getByRole('textbox', { name: 'Tekst' })
  await editor.click()
  // A paraphrase no family knows: the learned signal underlines it, with a labelled example.
  await page.keyboard.type('Daarvoor moet u echt bij een collega van de backoffice wezen, niet bij mij. ')
  const panel = page.getByTestId('tone-findings')
  await expect(panel).toContainText('Lijkt op een afpoeier')
  await expect(panel).toContainText('Lijkt op:')
  await panel.getByRole('button', { name: 'Onterecht? Meld het' }).first().click()
  await expect(panel.getByRole('status')).toHaveText('Gemeld; het hoofdkantoor kijkt ernaar.')
  // A sentence the check passes: the cursor stands in it, the writer reports it as missed.
  await editor.click()
  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.type(missed)
  await panel.getByRole('button', { name: /een afpoeier die de toontoets mist\? Meld het/ }).click()
  await expect(panel.getByRole('status').last()).toHaveText('Gemeld; het hoofdkantoor kijkt ernaar.')
  // The draft is still there, and nothing was saved yet.
  await expect(editor).toContainText(missed)

  await signIn(page, 'hq@leidraad.test')
  await page.goto('/tone')
  // The report holds the sentence as the check reads it: without its full stop.
  const report = page
    .getByTestId('tone-reports-pending')
    .getByRole('listitem')
    .filter({ hasText: missed.slice(0, -1) })
  await expect(report).toContainText('Gemiste afpoeier')
  await report.getByRole('button', { name: 'Accepteren' }).click()
  await expect(page.getByText('De melding is geaccepteerd')).toBeVisible()
  await tryText(page, missed)
  await expect(page.getByRole('status').filter({ hasText: 'Toontoets' })).toContainText('Lijkt op een afpoeier')
})
