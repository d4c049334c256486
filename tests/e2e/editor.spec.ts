import { expect, test, type Page } from '@playwright/test'
import { signIn } from './helpers.ts'

// The rich-text editor by keyboard: Ctrl+Home and Ctrl+End reach the very start and end of the
// document, and each toolbar button's accessible name carries the text it shows.

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

async function newPrinciple(page: Page) {
  await signIn(page, 'hq@leidraad.test')
  await page.goto('/principles/new')
  const editor = page.getByRole('textbox', { name: 'Tekst' })
  const toolbar = page.getByRole('toolbar', { name: 'Opmaak' })
  // The buttons are enabled once the editor has mounted.
  await expect(toolbar.getByRole('button').first()).toBeEnabled()
  return { editor, toolbar }
}

test('Ctrl+Home and Ctrl+End put the caret at the very start and end of a document with paragraphs, a list and a quote', async ({
  page,
}) => {
  const { editor, toolbar } = await newPrinciple(page)
  await editor.click()
  // Long enough that the page must scroll between the start and the end.
  for (let i = 1; i <= 12; i++) {
    await page.keyboard.type(`Alinea ${i} over klanten die terugbellen verwachten.`)
    await page.keyboard.press('Enter')
  }
  await toolbar.getByRole('button', { name: 'Opsomming' }).click()
  await expect(editor).toBeFocused()
  await page.keyboard.type('Bel dezelfde dag terug')
  await page.keyboard.press('Enter')
  await page.keyboard.type('Noem je naam')
  // Enter on an empty list item leaves the list.
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  await page.keyboard.type('Na de lijst.')
  await page.keyboard.press('Enter')
  await toolbar.getByRole('button', { name: 'Citaat' }).click()
  await expect(toolbar.getByRole('button', { name: 'Citaat' })).toHaveAttribute('aria-pressed', 'true')
  await expect(editor).toBeFocused()
  // The quote ends in a phrase the tone check underlines, so the end sits next to its decoration.
  await page.keyboard.type('Helaas, dat is nu eenmaal ons beleid')
  await expect(editor.locator('blockquote .tone-flag')).toHaveCount(1)
  const first = editor.locator('p').first()
  const last = editor.locator('p').last()

  // From the middle of the list to the very start.
  await editor.getByText('Noem je naam').click()
  await page.keyboard.press('Control+Home')
  await expect(first).toBeInViewport()
  await page.keyboard.type('BEGIN ')
  await expect(first).toHaveText('BEGIN Alinea 1 over klanten die terugbellen verwachten.')
  await expect(editor).toHaveText(/^BEGIN Alinea 1 /)

  // From the start to the very end: after the quote, past the tone check's underline.
  await page.keyboard.press('Control+End')
  await expect(last).toBeInViewport()
  await page.keyboard.type('EINDE')
  await expect(editor).toHaveText(/dat is nu eenmaal ons beleid\s*EINDE$/)
  await expect(last).toHaveText(/EINDE$/)

  // Once more from the middle of the text, and the start again from the end.
  await editor.getByText('Alinea 6 over klanten').click()
  // The click's caret must have landed before the key (under load the two can cross).
  await page.waitForFunction(() => window.getSelection()?.anchorNode?.textContent?.includes('Alinea 6') === true)
  await page.keyboard.press('Control+End')
  await expect(last).toBeInViewport()
  await page.keyboard.type('!')
  await expect(editor).toHaveText(/EINDE!$/)
  await page.keyboard.press('Control+Home')
  await page.keyboard.type('>')
  await expect(editor).toHaveText(/^>BEGIN Alinea 1 /)

  // Each marker went in once, and nothing else moved.
  const text = await editor.innerText()
  expect(text.match(/BEGIN/g)).toHaveLength(1)
  expect(text.match(/EINDE/g)).toHaveLength(1)
  await expect(editor.getByRole('listitem')).toHaveText(['Bel dezelfde dag terug', 'Noem je naam'])
  await expect(editor.locator('blockquote')).toHaveText(/^Helaas, dat is nu eenmaal ons beleid/)
})

test("each toolbar button's accessible name begins with the text it shows; the toolbar stays one tab stop with arrow keys", async ({
  page,
}) => {
  const { toolbar } = await newPrinciple(page)
  const buttons = toolbar.getByRole('button')
  // Ten for formatting and history, and in the principle editor Kader and Ruimte.
  await expect(buttons).toHaveCount(12)
  for (const button of await buttons.all()) {
    const shown = (await button.innerText()).replace(/\s+/g, ' ').trim()
    // An icon-only button shows no text; it still needs a name.
    if (shown) await expect(button).toHaveAccessibleName(new RegExp(`^${escapeRegExp(shown)}( |$)`))
    else await expect(button).toHaveAccessibleName(/\S/)
  }
  await expect(toolbar.getByRole('button', { name: 'H2 Kop', exact: true })).toBeVisible()
  await expect(toolbar.getByRole('button', { name: 'H3 Tussenkop', exact: true })).toBeVisible()
  await expect(toolbar.getByRole('button', { name: 'B Vet', exact: true })).toBeVisible()
  await expect(toolbar.getByRole('button', { name: 'I Cursief', exact: true })).toBeVisible()
  await expect(toolbar.getByRole('button', { name: '1. Genummerde lijst', exact: true })).toBeVisible()
  await expect(toolbar.getByRole('button', { name: /^Kader markeren als kader/ })).toBeVisible()
  await expect(toolbar.getByRole('button', { name: /^Ruimte markeren als ruimte/ })).toBeVisible()

  // WAI-ARIA toolbar: one tab stop, arrow keys and Home/End move, toggle buttons say whether they are on.
  await expect(toolbar.locator('button[tabindex="0"]')).toHaveCount(1)
  await toolbar.getByRole('button', { name: 'B Vet' }).focus()
  await page.keyboard.press('ArrowRight')
  await expect(toolbar.getByRole('button', { name: 'I Cursief' })).toBeFocused()
  await page.keyboard.press('End')
  await expect(toolbar.getByRole('button', { name: 'Opnieuw' })).toBeFocused()
  await page.keyboard.press('ArrowRight')
  await expect(toolbar.getByRole('button', { name: 'H2 Kop' })).toBeFocused()
  await expect(toolbar.locator('button[tabindex="0"]')).toHaveCount(1)
  await expect(toolbar.getByRole('button', { name: 'H2 Kop' })).toHaveAttribute('aria-pressed', 'false')
  await page.keyboard.press('Enter')
  await expect(toolbar.getByRole('button', { name: 'H2 Kop' })).toHaveAttribute('aria-pressed', 'true')
})
