import { getFormProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DiffView } from '~/components/diff-view.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { RichText } from '~/components/rich-text.tsx'
import { Button, FormErrors, PageTitle, TextareaField, BackLink } from '~/components/ui/form.tsx'
import { diffText } from '~/editor/diff.ts'
import { renderDocumentHtml } from '~/editor/render.server.ts'
import { confirmStillValid, requireGuideline, requireReview } from '~/models/guideline.server.ts'
import { ConfirmStillValidSchema } from '~/validation/schemas.ts'
import { dispatch } from '~/web/action.server.ts'
import { signedIn } from '~/web/route.server.ts'

/** The *needs review* page: what changed in the principle (old → new) beside the current guideline. */
export const loader = signedIn(async ({ ability, params }) => {
  const { guideline, published, before, after, needsReview } = await requireReview(ability, params.guidelineId ?? '')
  return {
    id: guideline.id,
    needsReview,
    from: before.number,
    to: after.number,
    changeNote: after.changeNote,
    principleTitle: after.title,
    diff: diffText(`${before.title}\n\n${before.bodyText}`, `${after.title}\n\n${after.bodyText}`),
    guideline: published ? { title: published.title, html: renderDocumentHtml(published.body) } : null,
  }
})

export const action = signedIn(async ({ request, user, ability, params }) => {
  const { guideline } = await requireGuideline(ability, params.guidelineId ?? '', 'publish')
  return dispatch(request, ConfirmStillValidSchema, async ({ note }) => {
    await confirmStillValid(ability, user.id, guideline.id, note)
    return { flash: 'guidelines.confirmed', to: `/guidelines/${guideline.id}` }
  })
})

export default function ReviewPage() {
  const { t } = useTranslation()
  const review = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'confirm',
    lastResult: actionData && 'result' in actionData ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ConfirmStillValidSchema }),
  })
  return (
    <>
      <BackLink to={`/guidelines/${review.id}`}>{review.guideline?.title}</BackLink>
      <PageTitle>{t('guidelines.reviewTitle', { from: review.from, to: review.to })}</PageTitle>
      {!review.needsReview ? (
        <p className="mb-4 rounded border-l-4 border-green-800 bg-green-50 px-4 py-3">{t('guidelines.upToDate')}</p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="principle-change">
          <h2 id="principle-change" className="mb-2 text-lg font-semibold">
            {t('guidelines.principleChanged', { title: review.principleTitle })}
          </h2>
          <p className="mb-2 text-sm">
            <strong>{t('principles.changeNote')}:</strong> {review.changeNote}
          </p>
          <DiffView parts={review.diff} />
        </section>
        <section aria-labelledby="current-guideline">
          <h2 id="current-guideline" className="mb-2 text-lg font-semibold">
            {t('guidelines.currentGuideline')}
          </h2>
          {review.guideline ? (
            <div className="rounded border border-stone-300 bg-white p-4">
              <p className="mb-2 font-semibold">{review.guideline.title}</p>
              <RichText html={review.guideline.html} />
            </div>
          ) : null}
        </section>
      </div>
      {review.needsReview ? (
        <div className="mt-6 grid gap-6 lg:grid-cols-2">
          <div className="rounded border border-stone-300 bg-white p-4">
            <h2 className="mb-2 font-semibold">{t('guidelines.updateOption')}</h2>
            <p className="mb-3 text-sm">{t('guidelines.updateExplained')}</p>
            <Link
              to={`/guidelines/${review.id}/edit`}
              className="inline-flex min-h-11 items-center rounded bg-brand-800 px-4 py-2 font-medium text-white"
            >
              {t('guidelines.startRevision')}
            </Link>
          </div>
          <Form method="post" {...getFormProps(form)} className="rounded border border-stone-300 bg-white p-4">
            <h2 className="mb-2 font-semibold">{t('guidelines.confirmOption')}</h2>
            <FormErrors errors={form.errors} />
            <TextareaField
              label={t('guidelines.confirmNote')}
              errors={fields.note.errors}
              textareaProps={{ ...getTextareaProps(fields.note), rows: 2 }}
            />
            <Button type="submit">{t('guidelines.confirm', { version: review.to })}</Button>
          </Form>
        </div>
      ) : null}
    </>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
