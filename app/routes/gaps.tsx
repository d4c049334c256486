import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { MissedSearches, MonthLabel } from '~/components/gaps.tsx'
import { PageTitle } from '~/components/ui/form.tsx'
import { organisationGaps } from '~/models/search-gaps.server.ts'
import { signedIn } from '~/web/route.server.ts'

/** HQ: what the floor searches for and does not find, summed over the regions, and questions per region. */
export const loader = signedIn(async ({ ability }) => organisationGaps(ability))

export default function GapsPage() {
  const { t } = useTranslation()
  const { months, questions } = useLoaderData<typeof loader>()
  return (
    <>
      <PageTitle>{t('gaps.hqTitle')}</PageTitle>
      <p className="mb-4 max-w-prose text-stone-700">{t('gaps.hqIntro', { months: months.length })}</p>
      {questions.length ? (
        <section aria-labelledby="questions" className="mb-6">
          <h2 id="questions" className="mb-1 text-lg font-semibold">
            {t('gaps.questionsPerRegion')}
          </h2>
          <ul className="text-sm">
            {questions.map((r) => (
              <li key={r.id}>
                {r.name}: {r.count}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {months.map((month) => (
        <section key={month.month} aria-labelledby={`m-${month.month}`} className="mb-6">
          <h2 id={`m-${month.month}`} className="mb-2 text-lg font-semibold capitalize">
            <MonthLabel month={month.month} />
          </h2>
          <p className="mb-2 text-sm text-stone-700">{t('gaps.hqSummary', { count: month.missed })}</p>
          {month.searches.length ? <MissedSearches searches={month.searches} /> : null}
        </section>
      ))}
    </>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
