import { useTranslation } from 'react-i18next'
import type { PrincipleStatus } from '~/generated/prisma/enums.ts'

const styles: Record<PrincipleStatus, string> = {
  draft: 'border-stone-500 bg-stone-100 text-stone-800',
  consultation: 'border-amber-700 bg-amber-50 text-amber-900',
  published: 'border-green-800 bg-green-50 text-green-900',
  archived: 'border-stone-400 bg-white text-stone-600',
}

export function StatusBadge({ status }: { status: PrincipleStatus }) {
  const { t } = useTranslation()
  return (
    <span className={`inline-block rounded border px-2 py-0.5 text-xs font-semibold uppercase tracking-wide ${styles[status]}`}>
      {t(`principles.status.${status}`)}
    </span>
  )
}
