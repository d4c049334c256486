// The two halves of a principle or guideline page: the published version everyone reads, and
// the working copy (draft, consultation, review) for those who may see it.
import { getFormProps, getTextareaProps, useForm, type FieldMetadata } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { useResultFor } from '~/components/action-form.tsx'
import { Button, FormErrors, TextareaField } from '~/components/ui/form.tsx'
import { useDateFormat } from '~/utils/dates.ts'
import { RichText } from './rich-text.tsx'

export function PublishedSection({
  published,
  historyTo,
}: {
  published: { number: number; html: string }
  historyTo: string
}) {
  const { t } = useTranslation()
  return (
    <section aria-label={t('principles.publishedVersion', { version: published.number })}>
      <RichText html={published.html} />
      <p className="mt-4 text-sm">
        <Link to={historyTo} className="text-brand-800 underline">
          {t('principles.history')}
        </Link>
      </p>
    </section>
  )
}

export function WorkingCopySection({
  heading,
  working,
  children,
}: {
  heading: string
  working: { title: string; html: string }
  children?: ReactNode
}) {
  return (
    <section aria-labelledby="working-title" className="mt-8 rounded border border-amber-700 bg-amber-50/40 p-4">
      <h2 id="working-title" className="text-lg font-semibold">
        {heading}
      </h2>
      {children}
      <p className="mb-2 text-xl font-semibold">{working.title}</p>
      <RichText html={working.html} />
    </section>
  )
}

type VersionRow = {
  number: number
  title: string
  changeNote: string
  publishedAt: string | Date
  publishedBy: { name: string }
}

/** A document's published versions, newest first: number, title, date, who published it, the change note. */
export function VersionList<V extends VersionRow>({
  versions,
  linkTo,
  extra,
}: {
  versions: V[]
  linkTo?: (version: V) => string
  extra?: (version: V) => string
}) {
  const { t } = useTranslation()
  const formatDate = useDateFormat()
  if (!versions.length) return <p className="mb-6">{t('versions.none')}</p>
  return (
    <ol className="mb-6 divide-y divide-stone-200 rounded border border-stone-300 bg-white">
      {versions.map((version) => {
        const label = `${t('versions.version', { version: version.number })}: ${version.title}`
        return (
          <li key={version.number} className="px-4 py-3">
            {linkTo ? (
              <Link to={linkTo(version)} className="font-medium text-brand-800 underline">
                {label}
              </Link>
            ) : (
              <p className="font-medium">{label}</p>
            )}
            <p className="text-sm text-stone-700">
              {[formatDate(version.publishedAt), version.publishedBy.name, extra?.(version)]
                .filter(Boolean)
                .join(' · ')}
            </p>
            <p className="text-sm">{version.changeNote}</p>
          </li>
        )
      })}
    </ol>
  )
}

type VersionOption = { number: number }

/** A GET form choosing two versions to compare (optionally the working copy as "to"). */
export function CompareForm({
  action,
  versions,
  withWorkingCopy = false,
  selected,
}: {
  action?: string
  versions: VersionOption[]
  withWorkingCopy?: boolean
  selected?: { from: number | string; to: number | string }
}) {
  const { t } = useTranslation()
  const defaults = selected ?? {
    from: versions[1]?.number ?? versions[0]?.number ?? '',
    to: withWorkingCopy ? 'draft' : (versions[0]?.number ?? ''),
  }
  return (
    <form
      method="get"
      action={action}
      className="mb-6 flex flex-wrap items-end gap-3 rounded border border-stone-300 bg-white p-4"
    >
      <h2 className="w-full font-semibold">{t('versions.compare')}</h2>
      {(['from', 'to'] as const).map((side) => (
        <div key={side}>
          <label htmlFor={`compare-${side}`} className="mb-1 block font-medium">
            {t(`versions.${side}`)}
          </label>
          <select
            id={`compare-${side}`}
            name={side}
            defaultValue={String(defaults[side])}
            className="rounded border border-stone-400 px-3 py-2"
          >
            {side === 'to' && withWorkingCopy ? <option value="draft">{t('versions.workingCopy')}</option> : null}
            {versions.map((version) => (
              <option key={version.number} value={version.number}>
                {t('versions.version', { version: version.number })}
              </option>
            ))}
          </select>
        </div>
      ))}
      <button
        type="submit"
        className="inline-flex min-h-11 items-center justify-center rounded bg-brand-800 px-4 py-2 font-medium text-white"
      >
        {t('versions.show')}
      </button>
    </form>
  )
}

/**
 * Publishing the working copy as the next version: a change note (what changed, for readers and
 * the history), the revision the publisher looked at, and whatever else the kind asks (`extra`).
 */
export function PublishForm<S extends z.ZodType<{ changeNote: string; revision: number }>>({
  nextVersion,
  revision,
  schema,
  defaultValue,
  extra,
}: {
  nextVersion: number
  revision: number
  schema: S
  defaultValue?: Record<string, string>
  extra?: (fields: Record<string, FieldMetadata<string>>) => ReactNode
}) {
  const { t } = useTranslation()
  const [form, fields] = useForm({
    id: 'publish',
    lastResult: useResultFor('publish'),
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  const all = fields as unknown as Record<string, FieldMetadata<string>>
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 max-w-xl">
      <h2 className="mb-2 font-semibold">{t('principles.publishAs', { version: nextVersion })}</h2>
      <FormErrors errors={form.errors} />
      <TextareaField
        label={t('principles.changeNote')}
        errors={all.changeNote!.errors}
        textareaProps={{ ...getTextareaProps(all.changeNote!), rows: 3 }}
      />
      {extra?.(all)}
      <input type="hidden" name="revision" value={revision} />
      <Button name="intent" value="publish">
        {t('principles.publish')}
      </Button>
    </Form>
  )
}
