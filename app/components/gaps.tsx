import { useTranslation } from 'react-i18next'

/** "december 2026" for '2026-12', in the interface language. */
export function MonthLabel({ month }: { month: string }) {
  const { i18n } = useTranslation()
  return (
    <>
      {new Date(`${month}-01T00:00:00Z`).toLocaleDateString(i18n.language, {
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      })}
    </>
  )
}

/** A month's searches that found nothing: the words, how often, and (for HQ) in how many regions. */
export function MissedSearches({ searches }: { searches: { query: string; count: number; regions?: number }[] }) {
  const { t } = useTranslation()
  const perRegion = searches.some((s) => s.regions !== undefined)
  return (
    <table className="mb-3 w-full max-w-2xl border-collapse text-sm">
      <caption className="sr-only">{t('gaps.searchesCaption')}</caption>
      <thead>
        <tr className="border-b border-stone-400 text-left">
          <th scope="col" className="py-1 pr-4">
            {t('gaps.searched')}
          </th>
          <th scope="col" className="py-1 pr-4 text-right">
            {t('gaps.times')}
          </th>
          {perRegion ? (
            <th scope="col" className="py-1 text-right">
              {t('gaps.regions')}
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {searches.map((s) => (
          <tr key={s.query} className="border-b border-stone-200">
            <td className="py-1 pr-4">{s.query}</td>
            <td className="py-1 pr-4 text-right tabular-nums">{s.count}</td>
            {perRegion ? <td className="py-1 text-right tabular-nums">{s.regions}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
