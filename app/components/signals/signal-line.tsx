// One customer signal as a line: its kind, what the customer said, and how and when it came in.
import { useTranslation } from 'react-i18next'
import { useDateFormat } from '~/utils/dates.ts'

export interface SignalLineData {
  kind: string
  channel: string | null
  said: string
  score: number | null
  noRule: boolean
  occurredAt: Date | string
}

const KIND_STYLE: Record<string, string> = {
  complaint: 'bg-red-100 text-red-900',
  compliment: 'bg-green-100 text-green-900',
  question: 'bg-sky-100 text-sky-900',
  suggestion: 'bg-amber-100 text-amber-900',
}

export function SignalLine({ signal }: { signal: SignalLineData }) {
  const { t } = useTranslation()
  const formatDate = useDateFormat('date')
  return (
    <>
      <span className={`mr-2 rounded px-1.5 py-0.5 text-xs font-semibold ${KIND_STYLE[signal.kind] ?? ''}`}>
        {t(`signals.kinds.${signal.kind}`)}
      </span>
      <q>{signal.said}</q>
      <span className="block text-sm text-stone-700">
        {[
          formatDate(signal.occurredAt),
          signal.channel ? t(`signals.channels.${signal.channel}`) : null,
          signal.score ? t('signals.scoreOf', { score: signal.score }) : null,
          signal.noRule ? t('signals.noRule') : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </span>
    </>
  )
}
