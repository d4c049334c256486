// The handbook's one text field for a message to the manager (feedback on a rule, a question when
// nothing was found): plain HTML, no script, its error beside it and its text kept after a refusal.
import { useTranslation } from 'react-i18next'
import { FEEDBACK_MAX, FEEDBACK_MIN } from '~/validation/schemas.ts'

export function MessageField({
  id,
  name,
  label,
  rows,
  defaultValue,
  error,
}: {
  id: string
  name: string
  label: string
  rows: number
  defaultValue: string
  /** The i18n key of what was wrong with the last submission, if anything. */
  error?: string
}) {
  const { t } = useTranslation()
  const errorId = `${id}-error`
  return (
    <>
      <label htmlFor={id} className="mb-1 block text-sm">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        rows={rows}
        required
        minLength={FEEDBACK_MIN}
        maxLength={FEEDBACK_MAX}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className="block w-full rounded border border-stone-400 px-3 py-2"
      />
      {error ? (
        <p id={errorId} className="text-sm text-red-800">
          {t(error)}
        </p>
      ) : null}
    </>
  )
}
