// The handbook's list of rules as HTML, rendered once per region, published state (the stamp of
// getHandbook) and language, then reused for every reader of that region: only each rule's read
// badge is the reader's own, filled into marks left in the cached HTML. A region of 800 rules
// renders its list in a few milliseconds once instead of on every page view.
import crypto from 'node:crypto'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { HandbookList, ReadBadge } from '~/components/handbook/handbook-list.tsx'
import type { Language } from '~/i18n.ts'
import type { getHandbook, ReadState } from '~/models/handbook.server.ts'
import { getI18nInstance } from './i18n.server.ts'

type Handbook = Awaited<ReturnType<typeof getHandbook>>

/** Marks where a rule's badge goes: random per process, so no title can contain one. */
const MARK = `badge-${crypto.randomBytes(9).toString('hex')}`
const MARKS = new RegExp(`${MARK}:([^:]{1,100}):`, 'g')
const STATES: ReadState[] = ['new', 'changed', 'read']

const rendered = new Map<string, { stamp: string; html: Map<Language, Promise<string>> }>()
const badges = new Map<Language, Promise<Record<ReadState, string>>>()
const MAX_CACHED_REGIONS = 500

async function renderIn(language: Language, element: React.ReactElement) {
  const i18n = await getI18nInstance(language)
  return renderToStaticMarkup(<I18nextProvider i18n={i18n}>{element}</I18nextProvider>)
}

function badgeHtml(language: Language) {
  let html = badges.get(language)
  if (!html) {
    html = Promise.all(STATES.map((state) => renderIn(language, <ReadBadge state={state} />))).then(
      (parts) => Object.fromEntries(STATES.map((state, i) => [state, parts[i]!])) as Record<ReadState, string>,
    )
    badges.set(language, html)
  }
  return html
}

function listHtml(language: Language, regionId: string, handbook: Handbook) {
  let region = rendered.get(regionId)
  if (region?.stamp !== handbook.stamp) {
    region = { stamp: handbook.stamp, html: new Map() }
    rendered.delete(regionId)
    if (rendered.size >= MAX_CACHED_REGIONS) rendered.delete(rendered.keys().next().value!)
    rendered.set(regionId, region)
  }
  let html = region.html.get(language)
  if (!html) {
    html = renderIn(
      language,
      <HandbookList regionId={regionId} principles={handbook.principles} badge={(id) => `${MARK}:${id}:`} />,
    )
    region.html.set(language, html)
  }
  return html
}

/** The reader's handbook list as HTML: the region's cached list with the reader's badges. */
export async function renderHandbookList(language: Language, regionId: string, handbook: Handbook): Promise<string> {
  const [html, badge] = await Promise.all([listHtml(language, regionId, handbook), badgeHtml(language)])
  const states = new Map(handbook.principles.flatMap((p) => p.guidelines.map((g) => [g.id, g.state])))
  return html.replace(MARKS, (_, id: string) => badge[states.get(id) ?? 'new'])
}
