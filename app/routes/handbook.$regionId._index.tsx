import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { Snippet } from '~/components/handbook/snippet.tsx'
import { listRecentAnswers } from '~/models/feedback.server.ts'
import { getHandbook, toConfirm, type ReadState } from '~/models/handbook.server.ts'
import { searchHandbook } from '~/models/search.server.ts'
import { requireRegion } from '~/models/region.server.ts'
import { useDateFormat } from '~/utils/dates.ts'
import { signedIn } from '~/web/route.server.ts'
import { loadAsDocument } from '~/frontline/load-as-document.ts'
import type { RouteHandle } from '~/root.tsx'

/** Plain HTML with one small script (app/frontline/enhance.ts) for search as you type and offline. */
export const handle: RouteHandle = { hydrate: false }
export const clientLoader = loadAsDocument

/** A region's handbook: search at the top, then the guidelines under the principles in HQ's order. */
export const loader = signedIn(async ({ request, params, user, ability }) => {
  const region = await requireRegion(ability, params.regionId ?? '')
  const query = (new URL(request.url).searchParams.get('q') ?? '').trim().slice(0, 100)
  const [principles, hits, answers] = await Promise.all([
    query ? Promise.resolve([]) : getHandbook(ability, user.id, region.id),
    query ? searchHandbook(ability, region.id, query) : Promise.resolve(null),
    // Answers show on the home only, not above search results.
    query ? Promise.resolve([]) : listRecentAnswers(ability, user.id, region.id),
  ])
  return { region, query, hits, principles, toConfirm: toConfirm(principles), answers }
})

export default function HandbookPage() {
  const { t } = useTranslation()
  const { region, query, hits, principles, toConfirm, answers } = useLoaderData<typeof loader>()
  return (
    <>
      <h1 className="mb-3 text-2xl font-bold tracking-tight">{t('handbook.title', { region: region.name })}</h1>
      {/* Sent without the live search (Enter, no JavaScript), the page opens at the results, focused. */}
      <Form
        method="get"
        action={`/handbook/${region.id}#handbook-results`}
        role="search"
        className="mb-5 flex gap-2"
        data-live-search=""
      >
        <label htmlFor="q" className="sr-only">
          {t('handbook.search')}
        </label>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={query}
          placeholder={t('handbook.searchPlaceholder')}
          autoComplete="off"
          className="min-h-12 w-full rounded border border-stone-400 bg-white px-3 text-lg"
        />
        <button type="submit" className="min-h-12 rounded bg-brand-800 px-4 font-medium text-white">
          {t('handbook.searchButton')}
        </button>
      </Form>
      {/* Search as you type replaces what is in here (app/frontline/enhance.ts). */}
      <div id="handbook-results" tabIndex={-1} aria-live="polite" aria-busy="false" className="focus:outline-none">
        {hits ? (
          <section aria-label={t('handbook.results')}>
            <p className="mb-2 text-sm text-stone-700">{t('handbook.resultCount', { count: hits.length, query })}</p>
            <ol className="space-y-3">
              {hits.map((hit) => (
                <li key={hit.id} className="rounded border border-stone-300 bg-white p-3">
                  <a
                    href={`/handbook/${region.id}/${hit.id}`}
                    className="text-lg font-semibold text-brand-800 underline"
                  >
                    {hit.title}
                  </a>
                  <p className="text-sm text-stone-600">{hit.principleTitle}</p>
                  <p className="mt-1 text-sm">
                    <Snippet parts={hit.snippet} />
                  </p>
                  {hit.typo ? <p className="text-xs text-stone-600">{t('handbook.similarWords')}</p> : null}
                </li>
              ))}
            </ol>
          </section>
        ) : (
          <>
            {answers.length ? (
              <section aria-labelledby="answers" className="mb-4 rounded border border-green-800 bg-green-50 p-3">
                <h2 id="answers" className="font-semibold">
                  {t('feedback.answersTitle')}
                </h2>
                <ul className="mt-1 space-y-1 text-sm">
                  {answers.map((a) => (
                    <li key={a.id}>
                      <a href={`/handbook/${region.id}/${a.guidelineId}`} className="text-brand-800 underline">
                        {a.answeredBy?.name}: {a.answer}
                      </a>
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            {toConfirm.length ? (
              <section
                aria-labelledby="to-confirm"
                className="mb-4 rounded border-l-4 border-brand-700 bg-brand-50 px-3 py-2"
              >
                <h2 id="to-confirm" className="font-semibold">
                  {t('handbook.toConfirm')}
                </h2>
                <p className="text-sm">{t('handbook.toRead', { count: toConfirm.length })}</p>
                <ul className="mt-1 space-y-1">
                  {toConfirm.map((g) => (
                    <li key={g.id}>
                      <a href={`/handbook/${region.id}/${g.id}`} className="text-brand-800 underline">
                        {g.title}
                      </a>
                      {g.confirmBy ? <DueDate date={g.confirmBy} /> : null}
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            {principles.length ? (
              principles.map((principle) => (
                <section key={principle.id} aria-labelledby={`p-${principle.id}`} className="mb-5">
                  <h2 id={`p-${principle.id}`} className="handbook-principle">
                    {principle.title}
                  </h2>
                  <ul className="handbook-list">
                    {principle.guidelines.map((g) => (
                      <li key={g.id}>
                        <a href={`/handbook/${region.id}/${g.id}`}>
                          <span>{g.title}</span>
                          <ReadBadge state={g.state} />
                        </a>
                      </li>
                    ))}
                  </ul>
                </section>
              ))
            ) : (
              <p>{t('handbook.empty')}</p>
            )}
          </>
        )}
      </div>
    </>
  )
}

/** "Bevestigen vóór 7 december", or that the date has passed. */
function DueDate({ date }: { date: Date | string }) {
  const { t } = useTranslation()
  const formatDate = useDateFormat('date')
  const overdue = new Date(date).getTime() < Date.now()
  return (
    <span className={`ml-2 text-sm ${overdue ? 'font-semibold text-red-800' : 'text-stone-700'}`}>
      {t(overdue ? 'handbook.overdue' : 'handbook.confirmBy', { date: formatDate(date) })}
    </span>
  )
}

function ReadBadge({ state }: { state: ReadState }) {
  const { t } = useTranslation()
  if (state === 'read') return <span className="handbook-read">✓ {t('handbook.read')}</span>
  return <span className="handbook-badge">{t(state === 'new' ? 'handbook.new' : 'handbook.changed')}</span>
}

export const ErrorBoundary = GeneralErrorBoundary
