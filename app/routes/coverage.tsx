import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { CellBadge } from '~/components/guidelines/cell-badge.tsx'
import { PageTitle, ScrollRegion } from '~/components/ui/form.tsx'
import { CELL_STATES } from '~/models/coverage-states.ts'
import { coverageOverview } from '~/models/coverage.server.ts'
import { signedIn } from '~/web/route.server.ts'

/** HQ's overview: published principles × regions (a manager sees their own regions). */
export const loader = signedIn(({ ability }) => coverageOverview(ability))

export default function CoveragePage() {
  const { t } = useTranslation()
  const { principles, rows, rates, tone, history } = useLoaderData<typeof loader>()
  return (
    <>
      <PageTitle>{t('coverage.title')}</PageTitle>
      <p className="mb-4 text-stone-700">{t('coverage.intro')}</p>
      <ul className="mb-4 flex flex-wrap gap-2 text-sm" aria-label={t('coverage.legend')}>
        {CELL_STATES.map((state) => (
          <li key={state}>
            <CellBadge state={state} />
          </li>
        ))}
        <li>
          <span className="rounded bg-amber-100 px-1 text-xs text-amber-900">!n</span> {t('tone.overview.columnHint')}
        </li>
      </ul>
      <div className="overflow-x-auto rounded border border-stone-300 bg-white">
        <table className="min-w-full text-left text-sm">
          <caption className="sr-only">{t('coverage.title')}</caption>
          <thead className="bg-stone-100">
            <tr>
              <th scope="col" className="sticky left-0 bg-stone-100 px-3 py-2">
                {t('coverage.region')}
              </th>
              {principles.map((principle, index) => (
                <th key={principle.id} scope="col" className="px-2 py-2 align-bottom font-medium">
                  <Link
                    to={`/principles/${principle.slug}`}
                    className="text-brand-800 underline"
                    title={principle.title}
                  >
                    {index + 1}. {principle.title}
                  </Link>
                  <span className="block text-xs font-normal text-stone-600">
                    {t('coverage.coveredCount', { covered: principle.covered, total: rows.length })}
                  </span>
                </th>
              ))}
              <th scope="col" className="px-3 py-2">
                {t('coverage.summary')}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-200">
            {rows.map((row) => (
              <tr key={row.region.id}>
                <th scope="row" className="sticky left-0 bg-white px-3 py-2 font-medium">
                  <Link to={`/regions/${row.region.id}/guidelines`} className="text-brand-800 underline">
                    {row.region.name}
                  </Link>
                </th>
                {row.cells.map((cell) => (
                  <td key={cell.principleId} className="px-2 py-2">
                    <Link
                      to={
                        cell.guidelines.length === 1
                          ? `/guidelines/${cell.guidelines[0]!.id}`
                          : `/regions/${row.region.id}/guidelines#p-${cell.principleId}`
                      }
                      aria-label={[
                        `${row.region.name}: ${t(`coverage.states.${cell.state}`)}`,
                        tone[`${row.region.id}:${cell.principleId}`]
                          ? t('tone.overview.findings', { count: tone[`${row.region.id}:${cell.principleId}`] })
                          : '',
                      ]
                        .filter(Boolean)
                        .join(', ')}
                    >
                      <CellBadge state={cell.state} compact />
                      {cell.guidelines.length > 1 ? (
                        <span className="ml-1 text-xs">×{cell.guidelines.length}</span>
                      ) : null}
                      {tone[`${row.region.id}:${cell.principleId}`] ? (
                        <span className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-900" aria-hidden="true">
                          !{tone[`${row.region.id}:${cell.principleId}`]}
                        </span>
                      ) : null}
                    </Link>
                  </td>
                ))}
                <td className="px-3 py-2 text-xs">
                  {rates[row.region.id]?.expected ? (
                    <span className="block font-medium" data-testid="read-rate">
                      {t('coverage.readRate', {
                        percent: Math.round((100 * rates[row.region.id]!.confirmed) / rates[row.region.id]!.expected),
                      })}
                    </span>
                  ) : null}
                  {tone[row.region.id] ? (
                    <span className="block text-amber-900" data-testid="tone-total">
                      {t('tone.overview.findings', { count: tone[row.region.id] })}
                    </span>
                  ) : null}
                  {CELL_STATES.filter((s) => row.counts[s] > 0)
                    .map((s) => `${t(`coverage.states.${s}`)}: ${row.counts[s]}`)
                    .join(' · ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ReadRateHistory history={history} />
    </>
  )
}

/** Read rates per region over the last weeks (HQ sees whether a region catches up), as a plain table. */
function ReadRateHistory({
  history,
}: {
  history: { weeks: number[]; regions: { id: string; name: string; percent: (number | null)[] }[] }
}) {
  const { t } = useTranslation()
  if (!history.regions.some((region) => region.percent.some((p) => p !== null))) return null
  return (
    <section aria-labelledby="read-history" className="mt-8">
      <h2 id="read-history" className="mb-2 text-lg font-semibold">
        {t('coverage.history.title')}
      </h2>
      <ScrollRegion label={t('coverage.history.title')}>
        <table className="min-w-full text-left text-sm" data-testid="read-history">
          <thead className="bg-stone-100">
            <tr>
              <th scope="col" className="px-3 py-2">
                {t('coverage.region')}
              </th>
              {history.weeks.map((weeksAgo) => (
                <th key={weeksAgo} scope="col" className="px-2 py-2 text-right font-medium">
                  {weeksAgo === 0
                    ? t('coverage.history.thisWeek')
                    : t('coverage.history.weeksAgo', { count: weeksAgo })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-200">
            {history.regions.map((region) => (
              <tr key={region.id}>
                <th scope="row" className="px-3 py-2 font-medium">
                  {region.name}
                </th>
                {region.percent.map((percent, index) => (
                  <td key={index} className="px-2 py-2 text-right tabular-nums">
                    {percent === null ? '—' : `${percent}%`}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
