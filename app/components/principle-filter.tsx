// Choose one principle or all of them: a plain GET form (no script), on HQ's overview pages.
import { useTranslation } from 'react-i18next'

export function PrincipleFilter({
  action,
  choices,
  selected,
  labels,
}: {
  action: string
  choices: { id: string; title: string }[]
  selected: string
  labels: { label: string; all: string; show: string }
}) {
  return (
    <form method="get" action={action} className="mb-4 flex flex-wrap items-end gap-2">
      <div>
        <label htmlFor="principle-filter" className="block text-sm font-medium">
          {labels.label}
        </label>
        <select
          id="principle-filter"
          name="principle"
          defaultValue={selected}
          className="min-h-11 max-w-full rounded border border-stone-400 bg-white px-2"
        >
          <option value="">{labels.all}</option>
          {choices.map((choice, index) => (
            <option key={choice.id} value={choice.id}>
              {index + 1}. {choice.title}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="min-h-11 rounded border border-brand-800 px-4 font-medium text-brand-800">
        {labels.show}
      </button>
    </form>
  )
}

/** The filter's words, from a translation section with `label`, `all` and `show`. */
export function usePrincipleFilterLabels(section: 'coverage.filter' | 'signals.compare') {
  const { t } = useTranslation()
  return section === 'coverage.filter'
    ? { label: t('coverage.filter.label'), all: t('coverage.filter.all'), show: t('coverage.filter.show') }
    : { label: t('signals.compare.filter'), all: t('signals.compare.all'), show: t('signals.compare.show') }
}
