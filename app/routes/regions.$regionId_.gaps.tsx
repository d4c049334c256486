import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { MissedSearches, MonthLabel } from '~/components/gaps.tsx'
import { BackLink, PageTitle } from '~/components/ui/form.tsx'
import { regionGaps } from '~/models/search-gaps.server.ts'
import { useDateFormat } from '~/utils/dates.ts'
import { signedIn } from '~/web/route.server.ts'

/** What the region's floor searches for and does not find, and the questions it asked, per month (managers). */
export const loader = signedIn(async ({ ability, params }) => regionGaps(ability, params.regionId ?? ''))

export default function RegionGapsPage() {
  const { t } = useTranslation()
  const formatDate = useDateFormat('date')
  const { region, months } = useLoaderData<typeof loader>()
  return (
    <>
      <BackLink to={`/regions/${region.id}/guidelines`}>{t('guidelines.workspace', { region: region.name })}</BackLink>
      <PageTitle>{t('gaps.title', { region: region.name })}</PageTitle>
      <p className="mb-4 max-w-prose text-stone-700">{t('gaps.intro', { months: months.length })}</p>
      {months.map((month) => (
        <section key={month.month} aria-labelledby={`m-${month.month}`} className="mb-6">
          <h2 id={`m-${month.month}`} className="mb-2 text-lg font-semibold capitalize">
            <MonthLabel month={month.month} />
          </h2>
          <p className="mb-2 text-sm text-stone-700">
            {t('gaps.summary', { count: month.missed, questions: month.questions.length })}
          </p>
          {month.searches.length ? <MissedSearches searches={month.searches} /> : null}
          {month.questions.length ? (
            <>
              <h3 className="mb-1 font-semibold">{t('gaps.questions')}</h3>
              <ul className="space-y-1 text-sm">
                {month.questions.map((q) => (
                  <li key={q.id}>
                    {formatDate(q.createdAt)} · {t(`feedback.status.${q.status}`)} · {q.body}
                  </li>
                ))}
              </ul>
              <p className="mt-1 text-sm">
                <Link to={`/regions/${region.id}/feedback`} className="text-brand-800 underline">
                  {t('gaps.toInbox')}
                </Link>
              </p>
            </>
          ) : null}
        </section>
      ))}
    </>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
