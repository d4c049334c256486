import { useTranslation } from 'react-i18next'

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
