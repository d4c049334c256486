// The team's controls on a guideline: edit, submit for review (member), publish with a
// review-by date or send back with a comment (manager), archive. The server checks every step.
import { getFormProps, getInputProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useResultFor } from '~/components/action-form.tsx'
import { Button, Field, FieldErrors, FormErrors } from '~/components/ui/form.tsx'
import type { GuidelineStatus } from '~/generated/prisma/enums.ts'
import { isoDateInOrganisation } from '~/utils/dates.ts'
import { GuidelinePublishSchema, SendBackSchema } from '~/validation/schemas.ts'

type Props = {
  guideline: { status: GuidelineStatus; revision: number; publishedVersion: number }
  may: { edit: boolean; publish: boolean; archive: boolean }
}

const DEFAULT_REVIEW_MONTHS = 12

export function ReviewFlowPanel({ guideline, may }: Props) {
  const { t } = useTranslation()
  const results = [useResultFor('submit'), useResultFor('archive')]
  const inProgress = guideline.status === 'draft' || guideline.status === 'review'
  if (!may.edit && !may.publish && !may.archive) return null
  return (
    <section aria-label={t('guidelines.actions')} className="mb-6 rounded border border-stone-300 bg-white p-4">
      <FormErrors errors={results.find(Boolean)?.error?.[''] ?? undefined} />
      <div className="flex flex-wrap gap-2">
        {may.edit && guideline.status !== 'archived' ? (
          <Link
            to="edit"
            className="inline-flex min-h-11 items-center rounded bg-brand-800 px-4 py-2 font-medium text-white"
          >
            {guideline.status === 'published' ? t('guidelines.startRevision') : t('guidelines.edit')}
          </Link>
        ) : null}
        <Form method="post" className="contents">
          {may.edit && guideline.status === 'draft' && !may.publish ? (
            <Button variant="secondary" name="intent" value="submit">
              {t('guidelines.submit')}
            </Button>
          ) : null}
          {may.archive && guideline.status !== 'archived' ? (
            <Button variant="danger" name="intent" value="archive">
              {t('principles.archive')}
            </Button>
          ) : null}
        </Form>
      </div>
      {may.publish && inProgress ? <PublishForm guideline={guideline} /> : null}
      {may.publish && guideline.status === 'review' ? <SendBackForm /> : null}
    </section>
  )
}

function PublishForm({ guideline }: Pick<Props, 'guideline'>) {
  const { t } = useTranslation()
  const reviewBy = new Date()
  reviewBy.setMonth(reviewBy.getMonth() + DEFAULT_REVIEW_MONTHS)
  const [form, fields] = useForm({
    id: 'publish',
    lastResult: useResultFor('publish'),
    defaultValue: { reviewBy: isoDateInOrganisation(reviewBy) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: GuidelinePublishSchema }),
  })
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 max-w-xl">
      <h2 className="mb-2 font-semibold">{t('principles.publishAs', { version: guideline.publishedVersion + 1 })}</h2>
      <FormErrors errors={form.errors} />
      <label htmlFor={fields.changeNote.id} className="mb-1 block font-medium">
        {t('principles.changeNote')}
      </label>
      <textarea
        {...getTextareaProps(fields.changeNote)}
        rows={2}
        className="mb-1 block w-full rounded border border-stone-400 px-3 py-2"
      />
      <FieldErrors id={`${fields.changeNote.id}-error`} errors={fields.changeNote.errors} />
      <Field
        label={t('guidelines.reviewBy')}
        errors={fields.reviewBy.errors}
        inputProps={getInputProps(fields.reviewBy, { type: 'date' })}
      />
      <input type="hidden" name="revision" value={guideline.revision} />
      <Button name="intent" value="publish">
        {t('principles.publish')}
      </Button>
    </Form>
  )
}

function SendBackForm() {
  const { t } = useTranslation()
  const [form, fields] = useForm({
    id: 'send-back',
    lastResult: useResultFor('send-back'),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SendBackSchema }),
  })
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 max-w-xl">
      <label htmlFor={fields.comment.id} className="mb-1 block font-semibold">
        {t('guidelines.sendBackReason')}
      </label>
      <textarea
        {...getTextareaProps(fields.comment)}
        rows={2}
        className="mb-1 block w-full rounded border border-stone-400 px-3 py-2"
      />
      <FieldErrors id={`${fields.comment.id}-error`} errors={fields.comment.errors} />
      <Button variant="secondary" name="intent" value="send-back">
        {t('guidelines.sendBack')}
      </Button>
    </Form>
  )
}
