import { Link } from '@remix-run/react'
import type {
  ButtonHTMLAttributes,
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react'
import { useTranslation } from 'react-i18next'

/**
 * Errors are i18n keys (see app/validation/schemas.ts), optionally with values after a `?` in
 * query-string form: `tone.errors.badWord?line=3&word=(beleid)`.
 */
function useErrorText() {
  const { t } = useTranslation()
  return (error: string) => {
    const [key = error, query] = error.split('?')
    if (!query) return t(key)
    // Numbers as numbers, so i18next picks the plural ("1 reactie", "2 reacties").
    const values = [...new URLSearchParams(query)].map(([name, value]) => [
      name,
      /^\d+$/.test(value) ? Number(value) : value,
    ])
    return t(key, Object.fromEntries(values) as Record<string, string | number>)
  }
}

export function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  const errorText = useErrorText()
  if (!errors?.length) return null
  return (
    <ul id={id} className="mt-1 text-sm text-red-800">
      {errors.map((error) => (
        <li key={error}>{errorText(error)}</li>
      ))}
    </ul>
  )
}

const inputClass =
  'block w-full rounded border border-stone-400 bg-white px-3 py-2 text-base focus:border-brand-700 focus:outline-none focus:ring-2 focus:ring-brand-700 aria-[invalid=true]:border-red-700'

/** What every form control shares: its label, a hint, its errors, and the ARIA that ties them to it. */
function FieldFrame({
  id,
  label,
  hint,
  errors,
  children,
}: {
  id: string
  label: string
  hint?: ReactNode
  errors?: string[]
  children: (aria: { 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode
}) {
  const errorId = `${id}-error`
  const hintId = `${id}-hint`
  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(' ') || undefined
  return (
    <div className="mb-4">
      <label htmlFor={id} className="mb-1 block font-medium">
        {label}
      </label>
      {children({ 'aria-invalid': errors?.length ? true : undefined, 'aria-describedby': describedBy })}
      {hint ? (
        <div id={hintId} className="mt-1 text-sm text-stone-600">
          {hint}
        </div>
      ) : null}
      <FieldErrors id={errorId} errors={errors} />
    </div>
  )
}

export function Field({
  label,
  hint,
  errors,
  inputProps,
}: {
  label: string
  hint?: string
  errors?: string[]
  inputProps: InputHTMLAttributes<HTMLInputElement> & { id: string }
}) {
  return (
    <FieldFrame id={inputProps.id} label={label} hint={hint} errors={errors}>
      {(aria) => <input {...inputProps} {...aria} className={inputClass} />}
    </FieldFrame>
  )
}

export function TextareaField({
  label,
  hint,
  errors,
  textareaProps,
}: {
  label: string
  hint?: ReactNode
  errors?: string[]
  textareaProps: TextareaHTMLAttributes<HTMLTextAreaElement> & { id: string }
}) {
  return (
    <FieldFrame id={textareaProps.id} label={label} hint={hint} errors={errors}>
      {(aria) => <textarea {...textareaProps} {...aria} className={`${inputClass} ${textareaProps.className ?? ''}`} />}
    </FieldFrame>
  )
}

export function SelectField({
  label,
  errors,
  selectProps,
  children,
}: {
  label: string
  errors?: string[]
  selectProps: SelectHTMLAttributes<HTMLSelectElement> & { id: string }
  children: ReactNode
}) {
  return (
    <FieldFrame id={selectProps.id} label={label} errors={errors}>
      {(aria) => (
        <select {...selectProps} {...aria} className={inputClass}>
          {children}
        </select>
      )}
    </FieldFrame>
  )
}

export function Button({
  variant = 'primary',
  className = '',
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'secondary' | 'danger' }) {
  const styles = {
    primary: 'bg-brand-800 text-white hover:bg-brand-900',
    secondary: 'border border-stone-500 bg-white text-stone-900 hover:bg-stone-100',
    danger: 'border border-red-800 bg-white text-red-800 hover:bg-red-50',
  }
  return (
    <button
      {...props}
      className={`inline-flex min-h-11 items-center justify-center rounded px-4 py-2 font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700 disabled:opacity-60 ${styles[variant]} ${className}`}
    />
  )
}

/** Form-level errors (not tied to one field). */
export function FormErrors({ errors }: { errors?: string[] }) {
  const errorText = useErrorText()
  if (!errors?.length) return null
  return (
    <div role="alert" className="mb-4 rounded border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-900">
      {errors.map((error) => (
        <p key={error}>{errorText(error)}</p>
      ))}
    </div>
  )
}

export function PageTitle({ children }: { children: ReactNode }) {
  return <h1 className="mb-4 text-2xl font-bold tracking-tight">{children}</h1>
}

/** The way back above a page's title: "← <where you came from>". */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <p className="mb-2 text-sm">
      <Link to={to} className="text-brand-800 underline">
        ← {children}
      </Link>
    </p>
  )
}

/**
 * A wide table's box: scrolls sideways on a phone, and can be focused so keyboard users can
 * scroll it too (axe: scrollable-region-focusable).
 */
export function ScrollRegion({
  label,
  children,
  className = '',
}: {
  label: string
  children: ReactNode
  className?: string
}) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className={`overflow-x-auto rounded border border-stone-300 bg-white ${className}`}
    >
      {children}
    </div>
  )
}
