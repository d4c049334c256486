import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { signIn } from './helpers.ts'

// Every main page of every role, at a desktop and a phone width:
//   - axe-core finds no critical or serious violation (WCAG 2.1 A/AA and best practice);
//   - the page causes no Content-Security-Policy violation: the app's own code never trips the
//     policy, so a report in production means an attack or a bug.
// The pages are each role's menu plus the first page of each kind the menu's pages link to (a
// principle, a guideline, a rule in the handbook, a region, …) and the first editing page linked
// from those, so a new page joins the check as soon as a menu or list links to it.
const ROLES = [
  'admin@leidraad.test',
  'hq@leidraad.test',
  'manager.noord@leidraad.test',
  'member.noord@leidraad.test',
  'balie.noord@leidraad.test',
]
const EDITING = [
  /^\/principles\/new$/,
  /^\/principles\/[^/]+\/edit$/,
  /^\/guidelines\/[^/]+\/edit$/,
  /^\/guidelines\/new$/,
]
const DETAIL = [
  /^\/principles\/[^/]+$/,
  /^\/principles\/[^/]+\/versions$/,
  /^\/guidelines\/[^/]+$/,
  /^\/guidelines\/[^/]+\/readers$/,
  /^\/handbook\/[^/]+\/signal$/, // before the rule pages: the handbook links to it first
  /^\/handbook\/[^/]+\/[^/]+$/,
  /^\/regions\/[^/]+$/,
  /^\/regions\/[^/]+\/guidelines$/,
  /^\/regions\/[^/]+\/signals$/,
  /^\/signals\/import$/,
  /^\/users\/[^/]+$/,
  /^\/tone\/[^/]+$/,
]

async function linksOn(page: Page, selector: string) {
  return page
    .locator(selector)
    .evaluateAll((anchors) => anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname))
}

const WIDTHS = [
  { width: 1280, height: 900 },
  { width: 360, height: 740 },
]

/**
 * Visits the role's menu, then the first page of each detail kind the menu's pages link to, then
 * the first editing pages those link to — each page once, checked at both widths on the same load
 * (the markup does not depend on the width; the layout does).
 */
async function checkMainPages(page: Page, check: (path: string, width: number) => Promise<void>) {
  await page.goto('/')
  const menu = [...new Set(await linksOn(page, 'nav[aria-label="Hoofdmenu"] ul.sm\\:flex a'))]
  const queue = [...menu]
  const kinds = new Set<RegExp>()
  const visited: string[] = []
  while (queue.length) {
    const path = queue.shift()!
    if (visited.includes(path)) continue
    visited.push(path)
    await page.setViewportSize(WIDTHS[0]!)
    await page.goto(path)
    for (const link of await linksOn(page, 'main a[href^="/"]')) {
      if (link.startsWith('/users/import')) continue
      const kind = [...DETAIL, ...EDITING].find((pattern) => pattern.test(link))
      if (kind && !kinds.has(kind)) {
        kinds.add(kind)
        queue.push(link)
      }
    }
    for (const size of WIDTHS) {
      await page.setViewportSize(size)
      await check(path, size.width)
    }
  }
  return visited
}

for (const email of ROLES) {
  test(`no serious axe violation and no CSP violation on ${email}'s main pages, at 1280 and 360 px`, async ({
    page,
  }) => {
    test.setTimeout(240_000)
    await page.addInitScript(() => {
      const seen: string[] = []
      ;(window as unknown as { __csp: string[] }).__csp = seen
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push(`${event.violatedDirective} ${event.blockedURI}`),
      )
    })
    const reports: string[] = []
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) reports.push(message.text())
    })
    await signIn(page, email)
    const problems: string[] = []
    const visited = await checkMainPages(page, async (path, width) => {
      // Legacy mode runs axe in the page itself (no frame-by-frame partial runs combined in an extra
      // page): our pages have no frames, and it halves the time.
      const { violations } = await new AxeBuilder({ page })
        .setLegacyMode(true)
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice', 'experimental'])
        // Only violations are reported in full: much faster, and all this test reads.
        .options({ resultTypes: ['violations'] })
        .analyze()
      for (const v of violations) {
        if (v.impact !== 'critical' && v.impact !== 'serious') continue
        problems.push(`${width}px ${path}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
      }
      const csp = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])
      problems.push(...csp.map((v) => `${width}px ${path}: CSP ${v}`))
    })
    expect(visited.length).toBeGreaterThan(4)
    console.log(`axe + CSP: ${email}, ${visited.length} pages × 2 widths, ${problems.length + reports.length} findings`)
    expect([...problems, ...reports]).toEqual([])
  })
}

test('a phone user opens the folded menu by keyboard and reaches every menu page', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 })
  await signIn(page, 'manager.noord@leidraad.test')
  const nav = page.getByRole('navigation', { name: 'Hoofdmenu' })
  await expect(nav.getByRole('link', { name: 'Principes' })).toBeHidden()
  await nav.getByText('Menu').focus()
  await page.keyboard.press('Enter')
  await expect(nav.getByRole('link', { name: 'Principes' })).toBeVisible()
  await nav.getByRole('link', { name: 'Principes' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Principes')
})

test('on the handbook, the search box is the first stop after the skip link, and a search lands on its results', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 })
  await signIn(page, 'balie.noord@leidraad.test')
  await page.goto('/handbook')
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: 'Naar de inhoud' })).toBeFocused()
  await page.keyboard.press('Enter')
  await page.keyboard.press('Tab')
  await expect(page.getByRole('searchbox')).toBeFocused()
  await page.keyboard.type('klacht')
  await page.keyboard.press('Enter')
  await expect(page.locator('#handbook-results')).toBeFocused()
  await expect(page.locator('#handbook-results')).toContainText('gevonden')
})
