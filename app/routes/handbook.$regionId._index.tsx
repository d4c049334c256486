import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { useResultFor } from '~/components/action-form.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { OwnFeedbackList } from '~/components/feedback-answer.tsx'
import { MessageField } from '~/components/handbook/message-field.tsx'
import { Snippet } from '~/components/handbook/snippet.tsx'
import { askQuestion, listMyQuestions, listRecentAnswers } from '~/models/feedback.server.ts'
import { getHandbook, toConfirm } from '~/models/handbook.server.ts'
import { renderHandbookList } from '~/web/handbook-list.server.tsx'
import { getLanguage } from '~/web/i18n.server.ts'
import { searchHandbookWithFallback } from '~/models/search.server.ts'
import { requireRegionOf } from '~/models/region.server.ts'
import { useDateFormat } from '~/utils/dates.ts'
import { QuestionSchema } from '~/validation/schemas.ts'
import { dispatch, intent } from '~/web/action.server.ts'
import { signedIn } from '~/web/route.server.ts'
import { forServerRenderOnly, keepForReader } from '~/web/plain-html.server.ts'
import { loadAsDocument } from '~/frontline/load-as-document.ts'
import type { RouteHandle } from '~/root.tsx'

/** Plain HTML with one small script (app/frontline/enhance.ts) for search as you type and offline. */
export const handle: RouteHandle = { hydrate: false }
export const clientLoader = loadAsDocument

/**
 * A region's handbook: search at the top, then the guidelines under the principles in HQ's order.
 * A search that finds nothing is never a dead end: the closest rules, the whole handbook, and a
 * question to the manager. `live=1` marks search as you type (the last word may be half a word;
 * a miss is not counted until typing settles).
 */
export const loader = signedIn(async ({ request, params, user, ability }) => {
  const region = await requireRegionOf(ability, user.memberships, params.regionId ?? '')
  const search = new URL(request.url).searchParams
  const query = (search.get('q') ?? '').trim().slice(0, 100)
  const live = search.get('live') === '1'
  const result = query
    ? await searchHandbookWithFallback(ability, region.id, query, { typing: live, recordMiss: !live })
    : null
  const home = !result
  const [handbook, answers, questions, language] = await Promise.all([
    // The grouped list shows on the home and below a search that found nothing.
    home || !result.hits.length ? getHandbook(ability, user.id, region.id) : null,
    home ? listRecentAnswers(ability, user.id, region.id) : Promise.resolve([]),
    home ? listMyQuestions(ability, user.id, region.id) : Promise.resolve([]),
    getLanguage(request),
  ])
  const due = home && handbook ? toConfirm(handbook.principles) : []
  if (home)
    keepForReader(
      user,
      region.id,
      due.map((rule) => rule.confirmBy),
    )
  return forServerRenderOnly({
    region,
    query,
    hits: result?.hits ?? null,
    closest: result?.closest ?? [],
    hasRules: Boolean(handbook?.principles.length),
    listHtml: handbook ? await renderHandbookList(language, region.id, handbook) : '',
    // The most urgent few by name; the rest are marked in the list below (a new colleague has them all).
    toConfirm: due.slice(0, TO_CONFIRM_SHOWN),
    toConfirmCount: due.length,
    answers,
    questions,
  })
})

/** How many rules still to confirm the home names at the top, soonest due first. */
const TO_CONFIRM_SHOWN = 5

const HandbookIntents = z.discriminatedUnion('intent', [intent('ask', QuestionSchema)])

export const action = signedIn(async ({ request, user, ability, params }) => {
  const region = await requireRegionOf(ability, user.memberships, params.regionId ?? '')
  return dispatch(request, HandbookIntents, {
    ask: async ({ question }) => {
      await askQuestion(ability, user.id, region.id, question)
      return { flash: 'handbook.asked', to: `/handbook/${region.id}#my-questions` }
    },
  })
})

export default function HandbookPage() {
  const { t } = useTranslation()
  const { region, query, hits, closest, hasRules, listHtml, toConfirm, toConfirmCount, answers, questions } =
    useLoaderData<typeof loader>()
  return (
    <>
      <h1 className="mb-3 text-2xl font-bold tracking-tight">{t('handbook.title', { region: region.name })}</h1>
      {/* Sent without the live search (Enter, no JavaScript), the page opens at the results, focused. */}
      <Form
        method="get"
        action={`/handbook/${region.id}#handbook-results`}
        role="search"
        className="mb-5 flex gap-2 print:hidden"
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
          maxLength={100}
          className="min-h-12 w-full rounded border border-stone-400 bg-white px-3 text-lg"
        />
        <button type="submit" className="min-h-12 rounded bg-brand-800 px-4 font-medium text-white">
          {t('handbook.searchButton')}
        </button>
      </Form>
      <p className="mb-5 print:hidden">
        <a
          href={`/handbook/${region.id}/signal`}
          className="inline-flex min-h-12 items-center rounded border border-brand-800 bg-white px-4 font-medium text-brand-800"
        >
          + {t('signals.link')}
        </a>
      </p>
      {/* Search as you type replaces what is in here (app/frontline/enhance.ts). */}
      <div id="handbook-results" tabIndex={-1} aria-live="polite" aria-busy="false" className="focus:outline-none">
        {hits?.length ? (
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
                  {hit.approximate ? <p className="text-xs text-stone-600">{t('handbook.similarWords')}</p> : null}
                </li>
              ))}
            </ol>
            <details className="mt-4 rounded border border-stone-300 bg-white p-3">
              <summary className="cursor-pointer font-medium text-brand-800">{t('handbook.notFound')}</summary>
              <AskForm regionId={region.id} query={query} />
            </details>
          </section>
        ) : hits ? (
          <section aria-labelledby="no-result" data-no-result="">
            <h2 id="no-result" className="text-lg font-semibold">
              {t('handbook.noResult', { query })}
            </h2>
            {closest.length ? (
              <>
                <p className="mt-2 text-sm text-stone-700">{t('handbook.closest')}</p>
                <ul className="handbook-list mt-1">
                  {closest.map((rule) => (
                    <li key={rule.id}>
                      <a href={`/handbook/${region.id}/${rule.id}`}>
                        <span>{rule.title}</span>
                      </a>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            <div className="my-4 rounded border-l-4 border-brand-700 bg-white p-3">
              <h3 className="font-semibold">{t('handbook.ask')}</h3>
              <AskForm regionId={region.id} query={query} />
            </div>
            <h3 className="mb-2 font-semibold">{t('handbook.allRules')}</h3>
            <div dangerouslySetInnerHTML={{ __html: listHtml }} />
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
                <p className="text-sm">{t('handbook.toRead', { count: toConfirmCount })}</p>
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
                {toConfirmCount > toConfirm.length ? (
                  <p className="mt-1 text-sm">
                    {t('handbook.toReadMore', { count: toConfirmCount - toConfirm.length })}
                  </p>
                ) : null}
              </section>
            ) : null}
            {hasRules ? (
              // Rendered once per published state of the region (app/web/handbook-list.server.tsx).
              <div dangerouslySetInnerHTML={{ __html: listHtml }} />
            ) : (
              <p>{t('handbook.empty')}</p>
            )}
            {questions.length ? <MyQuestions questions={questions} /> : null}
            <p className="mt-6 text-sm print:hidden">
              <a href={`/handbook/${region.id}/print`} className="text-brand-800 underline">
                {t('handbook.print')}
              </a>
            </p>
          </>
        )}
      </div>
    </>
  )
}

/** "Vraag het je leidinggevende": one field, to the region's inbox; the answer comes back here. */
function AskForm({ regionId, query }: { regionId: string; query: string }) {
  const { t } = useTranslation()
  const result = useResultFor('ask')
  const error = result?.error?.question?.[0]
  return (
    <Form method="post" action={`/handbook/${regionId}?index`} className="mt-2" data-refuse-offline="">
      <MessageField
        id="question"
        name="question"
        label={t('handbook.askExplain')}
        rows={2}
        defaultValue={error ? String(result?.initialValue?.question ?? '') : query}
        error={error}
      />
      <button name="intent" value="ask" className="mt-2 min-h-11 rounded bg-brand-800 px-4 font-medium text-white">
        {t('handbook.askSend')}
      </button>
    </Form>
  )
}

function MyQuestions({ questions }: { questions: ReturnType<typeof useLoaderData<typeof loader>>['questions'] }) {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="my-questions-title" id="my-questions" tabIndex={-1} className="mt-6">
      <h2 id="my-questions-title" className="mb-1 text-lg font-semibold">
        {t('handbook.myQuestions')}
      </h2>
      <OwnFeedbackList items={questions} />
    </section>
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

export const ErrorBoundary = GeneralErrorBoundary
