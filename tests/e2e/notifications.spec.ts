import { expect, test } from '@playwright/test'
import { signIn } from './helpers.ts'

// Work finds its people: a submitted draft lands on the manager's start page and bell; a
// material change asks frontline to confirm by a date; a reminder arrives; the admin reads the mail.
test('submit → the manager’s start page and bell; publish → frontline confirms by a date; remind → it arrives; the admin sees the mail', async ({
  page,
}) => {
  const title = `Bon kwijt aan de balie ${Date.now()}`

  // A member drafts and submits.
  await signIn(page, 'member.noord@leidraad.test')
  await page.goto('/regions')
  await page.getByRole('link', { name: 'Noord' }).click()
  await page.getByRole('link', { name: 'Richtlijnen van Noord' }).click()
  await page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 2, name: 'Een eerlijk nee, altijd met een alternatief' }) })
    .getByRole('link', { name: 'Richtlijn schrijven' })
    .click()
  await page.getByLabel('Titel').fill(title)
  await page.getByRole('textbox', { name: 'Tekst' }).click()
  await page.keyboard.type('Zoek de aankoop op in de kassa; lukt dat niet, bied een tegoedbon aan.')
  await page.getByRole('button', { name: 'Concept opslaan' }).click()
  await page.getByRole('button', { name: 'Ter goedkeuring aanbieden' }).click()
  await expect(page.getByText('De richtlijn is ter goedkeuring aangeboden')).toBeVisible()
  const guidelineUrl = page.url()

  // The manager's start page and bell show it.
  await signIn(page, 'manager.noord@leidraad.test')
  const approvals = page.getByRole('region', { name: /Wacht op jouw goedkeuring/ })
  await expect(async () => {
    await page.goto('/')
    await expect(approvals.getByRole('link', { name: new RegExp(title) })).toBeVisible({ timeout: 1000 })
  }).toPass()
  await expect(page.getByRole('link', { name: /Meldingen, \d+ ongelezen/ })).toBeVisible()
  await expect(async () => {
    await page.goto('/notifications')
    await expect(page.getByRole('link', { name: `“${title}” wacht op jouw goedkeuring.` })).toBeVisible({
      timeout: 1000,
    })
  }).toPass()

  // The manager publishes a material change, confirm by the default date.
  await page.goto(guidelineUrl)
  await page.getByLabel('Toelichting op de wijziging').fill('Besproken met het team.')
  await expect(page.getByLabel('Inhoudelijke wijziging')).toBeChecked()
  const confirmBy = await page.getByLabel('Bevestigen vóór').inputValue()
  await page.getByRole('button', { name: 'Publiceren', exact: true }).click()
  await expect(page.getByText('De richtlijn is gepubliceerd.')).toBeVisible()
  const [year, month, day] = confirmBy.split('-').map(Number)
  const due = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year!, month! - 1, day!)),
  )

  // Frontline sees what is due when: the handbook's to-do counts it (and names the most urgent
  // few), the rule is marked in the list, and its page says by when.
  await signIn(page, 'balie.noord@leidraad.test')
  const toConfirm = page.getByRole('region', { name: 'Te lezen en te bevestigen' })
  await expect(toConfirm).toContainText(/Nog \d+ regels? te lezen/)
  const rule = page.getByRole('link').filter({ hasText: title }).last()
  await expect(rule).toContainText(/Nieuw|Gewijzigd/)
  await rule.click()
  await expect(page.getByText(`Bevestigen vóór ${due}`)).toBeVisible()

  // The manager reminds Bram; the reminder reaches him.
  await signIn(page, 'manager.noord@leidraad.test')
  await page.goto(`${guidelineUrl}/readers`)
  await page.getByRole('button', { name: 'Herinner Bram Visser' }).click()
  await expect(page.getByText('1 herinnering verstuurd.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Herinner Bram Visser' })).toHaveCount(0)

  await signIn(page, 'balie.noord@leidraad.test')
  await page.goto('/notifications')
  await page.getByRole('link', { name: new RegExp(`Herinnering: lees en bevestig “${title}”`) }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)

  // Without SMTP_URL the admin reads the mail that would have gone out.
  await signIn(page, 'admin@leidraad.test')
  await expect(async () => {
    await page.goto('/mail')
    await expect(page.getByRole('link', { name: new RegExp(`Herinnering: lees en bevestig “${title}”`) })).toBeVisible({
      timeout: 1000,
    })
  }).toPass()
  await page.getByRole('link', { name: new RegExp(`Herinnering: lees en bevestig “${title}”`) }).click()
  await expect(page.getByText('Aan: balie.noord@leidraad.test', { exact: false })).toBeVisible()
  await expect(page.getByText('/unsubscribe/', { exact: false })).toBeVisible()
})
