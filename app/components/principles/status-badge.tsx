import { useTranslation } from 'react-i18next'

export type BadgeStatus = 'draft' | 'consultation' | 'review' | 'published' | 'archived' | 'needs_review' | 'overdue'

const styles: Record<BadgeStatus, string> = {
  draft: 'border-stone-500 bg-stone-100 text-stone-800',
  consultation: 'border-amber-700 bg-amber-50 text-amber-900',
  review: 'border-blue-800 bg-blue-50 text-blue-900',
  published: 'border-green-800 bg-green-50 text-green-900',
  archived: 'border-stone-400 bg-white text-stone-600',
  needs_review: 'border-red-800 bg-red-50 text-red-900',
  overdue: 'border-red-800 bg-white text-red-900',
}

/** A status as a labelled badge (the words carry the meaning; colour only helps). */
export function StatusBadge({ status }: { status: BadgeStatus }) {
  const { t } = useTranslation()
  return (
    <span
      className={`inline-block rounded border px-2 py-0.5 text-xs font-semibold uppercase tracking-wide ${styles[status]}`}
    >
      {t(`status.${status}`)}
    </span>
  )
}
