// How a notification reads, on a page and in an e-mail alike: its i18n key and its values, with
// dates formatted in the reader's language (shared by the server and the browser).
import { dateFormat } from './date-format.ts'

/** The i18n key of a notification's message: the kind, with a variant when it asks for a confirmation. */
export function messageKey(kind: string, params: Record<string, unknown>) {
  return kind === 'guideline.published' && params.confirmBy
    ? 'notifications.kinds.guideline.publishedConfirm'
    : `notifications.kinds.${kind}`
}

/** The notification's values for its message: ISO dates become dates in the reader's language. */
export function messageValues(language: string, params: Record<string, unknown>) {
  const date = dateFormat(language, 'date')
  return Object.fromEntries(
    Object.entries(params).map(([key, value]) => [
      key,
      typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? date.format(new Date(value)) : value,
    ]),
  )
}
