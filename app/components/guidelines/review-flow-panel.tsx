// The team's controls on a guideline: edit, submit for review (member), publish with a
// review-by date or send back with a comment (manager), archive. The server checks every step.
import { getFormProps, getInputProps, getTextareaProps, useForm, type FieldMetadata } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useResultFor } from '~/components/action-form.tsx'
import { PublishForm } from '~/components/document-sections.tsx'
import { Button, Field, FormErrors, TextareaField } from '~/components/ui/form.tsx'
import type { GuidelineStatus } from '~/generated/prisma/enums.ts'
import { isoDateInOrganisation } from '~/utils/dates.ts'
import { GuidelinePublishSchema, SendBackSchema } from '~/validation/schemas.ts'

type Props = {
  guideline: { status: GuidelineStatus; revision: number; publishedVersion: number }
  may: { edit: boolean; publish: boolean; archive: boolean }
}

const DEFAULT_REVIEW_MONTHS = 12
/** Readers confirm a material change within two weeks unless the manager picks another date. */
const CONFIRM_WITHIN_DAYS = 14

function defaultReviewBy() {
  const reviewBy = new Date()
  reviewBy.setMonth(reviewBy.getMonth() + DEFAULT_REVIEW_MONTHS)
  return reviewBy
}

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
        {may.publish && guideline.publishedVersion > 0 ? (
          <Link
            to="readers"
            className="inline-flex min-h-11 items-center rounded border border-brand-800 px-4 py-2 font-medium text-brand-800"
          >
            {t('guidelines.readers.link')}
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
      {may.publish && inProgress ? (
        <PublishForm
          nextVersion={guideline.publishedVersion + 1}
          revision={guideline.revision}
          schema={GuidelinePublishSchema}
          defaultValue={{
            reviewBy: isoDateInOrganisation(defaultReviewBy()),
            confirmBy: isoDateInOrganisation(new Date(Date.now() + CONFIRM_WITHIN_DAYS * 86_400_000)),
          }}
          extra={(fields) => (
            <>
              <Field
                label={t('guidelines.reviewBy')}
                errors={fields.reviewBy!.errors}
                inputProps={getInputProps(fields.reviewBy!, { type: 'date' })}
              />
              <ReadCampaignFields fields={fields} firstVersion={guideline.publishedVersion === 0} />
            </>
          )}
        />
      ) : null}
      {may.publish && guideline.status === 'review' ? <SendBackForm /> : null}
    </section>
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
      <TextareaField
        label={t('guidelines.sendBackReason')}
        errors={fields.comment.errors}
        textareaProps={{ ...getTextareaProps(fields.comment), rows: 2 }}
      />
      <Button variant="secondary" name="intent" value="send-back">
        {t('guidelines.sendBack')}
      </Button>
    </Form>
  )
}

/**
 * How readers take the new version: a material change (everyone confirms again, by a date) or a
 * minor correction (confirmations stand; readers see "corrected on …"). The first version is material.
 */
function ReadCampaignFields({
  fields,
  firstVersion,
}: {
  fields: Record<string, FieldMetadata<string>>
  firstVersion: boolean
}) {
  const { t } = useTranslation()
  return (
    <fieldset className="mb-4">
      <legend className="mb-1 font-medium">{t('guidelines.campaign.legend')}</legend>
      <label className="flex min-h-11 items-start gap-2">
        <input type="radio" name="change" value="material" defaultChecked className="mt-1.5" />
        <span>
          {t('guidelines.campaign.material')}
          <span className="block text-sm text-stone-600">{t('guidelines.campaign.materialHint')}</span>
        </span>
      </label>
      {firstVersion ? null : (
        <label className="flex min-h-11 items-start gap-2">
          <input type="radio" name="change" value="minor" className="mt-1.5" />
          <span>
            {t('guidelines.campaign.minor')}
            <span className="block text-sm text-stone-600">{t('guidelines.campaign.minorHint')}</span>
          </span>
        </label>
      )}
      <Field
        label={t('guidelines.campaign.confirmBy')}
        errors={fields.confirmBy!.errors}
        inputProps={getInputProps(fields.confirmBy!, { type: 'date' })}
      />
    </fieldset>
  )
}
