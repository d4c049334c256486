import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { PrincipleFilter, usePrincipleFilterLabels } from '~/components/principle-filter.tsx'
import { TrendSpark } from '~/components/signals/charts.tsx'
import { DataTable } from '~/components/ui/data-table.tsx'
import { PageTitle } from '~/components/ui/form.tsx'
import { compareRegions, MIN_SCORES, MIN_SIGNALS } from '~/models/signal-comparison.server.ts'
import { signedIn } from '~/web/route.server.ts'
import { forServerRenderOnly } from '~/web/plain-html.server.ts'
import { loadAsDocument } from '~/frontline/load-as-document.ts'
import type { RouteHandle } from '~/root.tsx'

/**
 * HQ compares the regions' choices under each principle on what their customers say, with a small
 * trend per region. Plain HTML (a GET filter is its only form), charts drawn as SVG on the server.
 */
export const handle: RouteHandle = { hydrate: false }
export const clientLoader = loadAsDocument

export const loader = signedIn(async ({ ability, request }) => {
  const principleId = new URL(request.url).searchParams.get('principle')?.slice(0, 100) || undefined
  const comparison = await compareRegions(ability, { principleId })
  return forServerRenderOnly({
    ...comparison,
    principleId: principleId ?? '',
    min: { signals: MIN_SIGNALS, scores: MIN_SCORES },
  })
})

type Data = ReturnType<typeof useLoaderData<typeof loader>>

export default function SignalComparisonPage() {
  const { t } = useTranslation()
  const { principles, comparisons, trends, principleId, mayImport, min } = useLoaderData<typeof loader>()
  const filterLabels = usePrincipleFilterLabels('signals.compare')
  // Unfiltered, a principle nobody logged a signal about has nothing to compare: counted, not shown.
  const shown = principleId ? comparisons : comparisons.filter((c) => c.groups.some((g) => g.about.signals > 0))
  const quiet = comparisons.length - shown.length
  return (
    <>
      <PageTitle>{t('signals.compare.title')}</PageTitle>
      <p className="mb-2 max-w-prose text-stone-700">{t('signals.compare.intro')}</p>
      <details className="mb-4 max-w-prose text-sm text-stone-700">
        <summary className="cursor-pointer font-medium text-brand-800">{t('signals.compare.methodTitle')}</summary>
        <p className="mt-1">{t('signals.compare.method', { minSignals: min.signals, minScores: min.scores })}</p>
      </details>
      {mayImport ? (
        <p className="mb-4">
          <a href="/signals/import" className="font-medium text-brand-800 underline">
            {t('signals.compare.import')}
          </a>
        </p>
      ) : null}
      <PrincipleFilter action="/signals" choices={principles} selected={principleId} labels={filterLabels} />
      {shown.length ? (
        shown.map((comparison) => <Comparison key={comparison.id} comparison={comparison} />)
      ) : (
        <p className="mb-6">{t('signals.compare.nothing')}</p>
      )}
      {quiet > 0 && shown.length ? (
        <p className="mb-6 text-sm text-stone-700">{t('signals.compare.quiet', { count: quiet })}</p>
      ) : null}
      <Trends trends={trends} />
    </>
  )
}

function Comparison({ comparison }: { comparison: Data['comparisons'][number] }) {
  const { t } = useTranslation()
  const headingId = `principle-${comparison.id}`
  // No signals: nothing to say ("—"); some, but below the minimum: too few to compare.
  const rate = (tally: { signals: number }, value: number | null, suffix = '') =>
    tally.signals === 0 ? (
      '—'
    ) : value === null ? (
      <span className="text-stone-600">{t('signals.compare.tooFew')}</span>
    ) : (
      `${value}${suffix}`
    )
  return (
    <section aria-labelledby={headingId} className="mb-8">
      <h2 id={headingId} className="mb-2 text-lg font-semibold">
        <a href={`/principles/${comparison.slug}`} className="text-brand-800 underline">
          {comparison.title}
        </a>
      </h2>
      <DataTable
        label={comparison.title}
        columns={[
          { label: t('signals.compare.choice') },
          { label: t('signals.compare.regions') },
          { label: t('signals.compare.about'), numeric: true },
          { label: t('signals.compare.share'), numeric: true },
          { label: t('signals.compare.score'), numeric: true },
          { label: t('signals.compare.regionWide'), numeric: true },
        ]}
      >
        {comparison.groups.map((group) => (
          <tr key={group.choice}>
            <th scope="row" className="px-3 py-2 font-medium">
              {t(`signals.compare.choices.${group.choice}`)}
            </th>
            <td className="px-3 py-2">
              {group.regions.length > 6
                ? `${group.regions.slice(0, 6).join(', ')} +${group.regions.length - 6}`
                : group.regions.join(', ')}{' '}
              <span className="text-stone-600">({group.regions.length})</span>
            </td>
            <td className="px-3 py-2 text-right">{group.about.signals}</td>
            <td className="px-3 py-2 text-right">{rate(group.about, group.about.complaintShare, '%')}</td>
            <td className="px-3 py-2 text-right">{rate(group.about, group.about.averageScore)}</td>
            <td className="px-3 py-2 text-right">
              {group.regionWide.signals ? (
                <>
                  {t('signals.compare.wide', { count: group.regionWide.signals })} ·{' '}
                  {rate(group.regionWide, group.regionWide.complaintShare, '%')} ·{' '}
                  {rate(group.regionWide, group.regionWide.averageScore)}
                </>
              ) : (
                '—'
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  )
}

function Trends({ trends }: { trends: Data['trends'] }) {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="trends" className="mb-8">
      <h2 id="trends" className="mb-1 text-lg font-semibold">
        {t('signals.compare.trends')}
      </h2>
      <p className="mb-2 text-sm text-stone-700">{t('signals.compare.trendsIntro')}</p>
      <ul className="grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-3">
        {trends.map((region) => (
          <li
            key={region.id}
            className="flex items-center justify-between gap-2 rounded border border-stone-300 bg-white p-2"
          >
            <a href={`/regions/${region.id}/signals`} className="text-brand-800 underline">
              {region.name}
            </a>
            <TrendSpark region={region.name} months={region.months} />
          </li>
        ))}
      </ul>
    </section>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
