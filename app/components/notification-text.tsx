import { useTranslation } from 'react-i18next'
import { messageKey, messageValues } from '~/utils/notification-text.ts'

/** A notification's message in the interface language (the same words as its e-mail). */
export function NotificationText({ kind, params }: { kind: string; params: unknown }) {
  const { t, i18n } = useTranslation()
  const values = (params ?? {}) as Record<string, unknown>
  return <>{t(messageKey(kind, values), messageValues(i18n.language, values))}</>
}
