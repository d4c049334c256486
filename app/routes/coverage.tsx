import { Link, useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { CellBadge } from '~/components/guidelines/cell-badge.tsx'
import { PrincipleFilter, usePrincipleFilterLabels } from '~/components/principle-filter.tsx'
import { PageTitle, ScrollRegion } from '~/components/ui/form.tsx'
import { CELL_STATES } from '~/models/coverage-states.ts'
import { coverageOverview } from '~/models/coverage.server.ts'
import { signedIn } from '~/web/route.server.ts'
import { forServerRenderOnly } from '~/web/plain-html.server.ts'
import { loadAsDocument } from '~/frontline/load-as-document.ts'
import type { RouteHandle } from '~/root.tsx'

/**
 * HQ's overview: published principles × regions (a manager sees their own regions). Plain HTML
 * without React in the browser (nothing on it needs a script), so a phone renders 10 000 cells'
 * worth of organisation without hydrating a table. A large organisation gets one row per region
 * and per principle with the counts, and one principle's matrix at a time (`?principle=`).
 */
export const handle: RouteHandle = { hydrate: false }
export const clientLoader = loadAsDocument

export const loader = signedIn(async ({ ability, request }) => {
  const principleId = new URL(request.url).searchParams.get('principle')?.slice(0, 100) || undefined
  return forServerRenderOnly(await coverageOverview(ability, { principleId }))
})

export default function CoveragePage() {
  const { t } = useTranslation()
  const { principles, rows, rates, tone, history, view, principle, choices } = useLoaderData<typeof loader>()
  return (
    <>
      <PageTitle>{t('coverage.title')}</PageTitle>
      <p className="mb-4 text-stone-700">{t('coverage.intro')}</p>
      <PrincipleFilter
        action="/coverage"
        choices={choices}
        selected={principle?.id ?? ''}
        labels={usePrincipleFilterLabels('coverage.filter')}
      />
      {view === 'summary' ? (
        <Summary principles={principles} rows={rows} rates={rates} tone={tone} />
      ) : (
        <Matrix principles={principles} rows={rows} rates={rates} tone={tone} />
      )}
      <ReadRateHistory history={history} />
    </>
  )
}

type Overview = ReturnType<typeof useLoaderData<typeof loader>>
type TableProps = Pick<Overview, 'principles' | 'rows' | 'rates' | 'tone'>

/** Per region and per principle: how many cells are in each state (a large organisation's first view). */
function Summary({ principles, rows, rates, tone }: TableProps) {
  const { t } = useTranslation()
  const stateHeaders = CELL_STATES.map((state) => (
    <th key={state} scope="col" className="px-2 py-2 align-bottom">
      <CellBadge state={state} compact />
      <span className="sr-only">{t(`coverage.states.${state}`)}</span>
    </th>
  ))
  return (
    <>
      <p className="mb-4 text-stone-700">
        {t('coverage.summaryIntro', { regions: rows.length, principles: principles.length })}
      </p>
      <Legend />
      <h2 className="mb-2 text-lg font-semibold">{t('coverage.perRegion')}</h2>
      <SummaryTable caption={t('coverage.perRegion')} first={t('coverage.region')} states={stateHeaders}>
        {rows.map((row) => (
          <tr key={row.region.id}>
            <th scope="row" className="px-3 py-1 font-medium">
              <a href={`/regions/${row.region.id}/guidelines`} className="text-brand-800 underline">
                {row.region.name}
              </a>
            </th>
            {CELL_STATES.map((state) => (
              <td key={state} className="px-2 py-1 text-right tabular-nums">
                {row.counts[state] || ''}
              </td>
            ))}
            <td className="px-3 py-1 text-xs">
              <RegionNotes rate={rates[row.region.id]} tone={tone[row.region.id]} room={row.room} />
            </td>
          </tr>
        ))}
      </SummaryTable>
      <h2 className="mb-2 mt-8 text-lg font-semibold">{t('coverage.perPrinciple')}</h2>
      <SummaryTable caption={t('coverage.perPrinciple')} first={t('coverage.principle')} states={stateHeaders}>
        {principles.map((p, index) => (
          <tr key={p.id}>
            <th scope="row" className="px-3 py-1 font-medium">
              <a href={`/coverage?principle=${p.id}`} className="text-brand-800 underline">
                {index + 1}. {p.title}
              </a>
            </th>
            {CELL_STATES.map((state) => (
              <td key={state} className="px-2 py-1 text-right tabular-nums">
                {p.counts[state] || ''}
              </td>
            ))}
            <td className="px-3 py-1 text-xs">
              {t('coverage.coveredCount', { covered: p.covered, total: rows.length })}
            </td>
          </tr>
        ))}
      </SummaryTable>
    </>
  )
}

function SummaryTable({
  caption,
  first,
  states,
  children,
}: {
  caption: string
  first: string
  states: ReactNode
  children: ReactNode
}) {
  const { t } = useTranslation()
  return (
    <ScrollRegion label={caption}>
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-stone-100">
          <tr>
            <th scope="col" className="px-3 py-2">
              {first}
            </th>
            {states}
            <th scope="col" className="px-3 py-2">
              {t('coverage.summary')}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-200">{children}</tbody>
      </table>
    </ScrollRegion>
  )
}

function RegionNotes({
  rate,
  tone,
  room,
}: {
  rate?: { confirmed: number; expected: number }
  tone?: number
  room: { filled: number; total: number }
}) {
  const { t } = useTranslation()
  return (
    <>
      {room.total ? (
        <span className="block" data-testid="room-filled">
          {t('coverage.roomFilled', room)}
        </span>
      ) : null}
      {rate?.expected ? (
        <span className="block font-medium" data-testid="read-rate">
          {t('coverage.readRate', { percent: Math.round((100 * rate.confirmed) / rate.expected) })}
        </span>
      ) : null}
      {tone ? (
        <span className="block text-amber-900" data-testid="tone-total">
          {t('tone.overview.findings', { count: tone })}
        </span>
      ) : null}
    </>
  )
}

function Legend() {
  const { t } = useTranslation()
  return (
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
  )
}

/** Every region × principle cell (a small organisation, or one principle). */
function Matrix({ principles, rows, rates, tone }: TableProps) {
  const { t } = useTranslation()
  return (
    <>
      <Legend />
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
                  <RegionNotes rate={rates[row.region.id]} tone={tone[row.region.id]} room={row.room} />
                  {CELL_STATES.filter((s) => row.counts[s] > 0)
                    .map((s) => `${t(`coverage.states.${s}`)}: ${row.counts[s]}`)
                    .join(' · ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
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
