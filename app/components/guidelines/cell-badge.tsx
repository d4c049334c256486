import { useTranslation } from 'react-i18next'
import type { CellState } from '~/models/coverage-states.ts'

const styles: Record<CellState, string> = {
  missing: 'border-stone-400 bg-white text-stone-700',
  draft: 'border-stone-500 bg-stone-100 text-stone-800',
  review: 'border-blue-800 bg-blue-50 text-blue-900',
  published: 'border-green-800 bg-green-100 text-green-900',
  needs_review: 'border-red-800 bg-red-50 text-red-900',
  applies_as_written: 'border-green-800 bg-green-50 text-green-900',
  not_applicable: 'border-green-800 bg-white text-green-900',
  overdue: 'border-amber-700 bg-amber-50 text-amber-900',
}

const symbols: Record<CellState, string> = {
  missing: '–',
  draft: '✎',
  review: '…',
  published: '✓',
  needs_review: '!',
  applies_as_written: '=',
  not_applicable: '∅',
  overdue: '⚠',
}

/** A coverage state: symbol + words, so it reads without colour. `compact` shows the symbol with the words for screen readers. */
export function CellBadge({ state, compact = false }: { state: CellState; compact?: boolean }) {
  const { t } = useTranslation()
  return (
    <span
      data-state={state}
      className={`inline-flex items-center gap-1 rounded border px-1.5 py-0.5 text-xs font-semibold ${styles[state]}`}
      title={compact ? t(`coverage.states.${state}`) : undefined}
    >
      <span aria-hidden="true">{symbols[state]}</span>
      <span className={compact ? 'sr-only' : undefined}>{t(`coverage.states.${state}`)}</span>
    </span>
  )
}
