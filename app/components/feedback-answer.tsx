import { useTranslation } from 'react-i18next'
import { useDateFormat } from '~/utils/dates.ts'

/** The manager's answer under a piece of feedback, wherever the feedback is shown. */
export function FeedbackAnswer({
  item,
  className = 'mb-2 text-sm',
}: {
  item: { answer: string | null; answeredBy: { name: string } | null }
  className?: string
}) {
  const { t } = useTranslation()
  if (!item.answer) return null
  return (
    <p className={`border-l-4 border-brand-700 pl-3 ${className}`}>
      <strong>{t('feedback.answerFrom', { name: item.answeredBy?.name ?? '' })}</strong> {item.answer}
    </p>
  )
}

/** The reader's own feedback or questions, each with its date, status and the answer. */
export function OwnFeedbackList({
  items,
  className = 'space-y-2',
}: {
  items: {
    id: string
    body: string
    status: string
    createdAt: Date | string
    answer: string | null
    answeredBy: { name: string } | null
  }[]
  className?: string
}) {
  const { t } = useTranslation()
  const formatDate = useDateFormat('date')
  return (
    <ul className={className}>
      {items.map((item) => (
        <li key={item.id} className="rounded border border-stone-300 bg-white p-3 text-sm">
          <p className="text-stone-600">
            {formatDate(item.createdAt)} · {t(`feedback.status.${item.status}`)}
          </p>
          <p className="whitespace-pre-line">{item.body}</p>
          <FeedbackAnswer item={item} className="mt-2" />
        </li>
      ))}
    </ul>
  )
}
