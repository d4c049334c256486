import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { useResultFor } from '~/components/action-form.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { FeedbackAnswer } from '~/components/feedback-answer.tsx'
import { Button, PageTitle, BackLink } from '~/components/ui/form.tsx'
import { handleFeedback, listRegionFeedback, questionToDraft, requireFeedbackInbox } from '~/models/feedback.server.ts'
import { listPrinciples } from '~/models/principle.server.ts'
import { useDateFormat } from '~/utils/dates.ts'
import { FEEDBACK_ANSWER_MAX, FeedbackAnswerSchema } from '~/validation/schemas.ts'
import { dispatch, intent } from '~/web/action.server.ts'
import { signedIn } from '~/web/route.server.ts'

/**
 * The region's feedback inbox (managers): answer, close, or pass to HQ. Questions asked from the
 * handbook (no guideline) are answered the same way, or become a new draft guideline.
 */
export const loader = signedIn(async ({ ability, params }) => {
  const region = await requireFeedbackInbox(ability, params.regionId ?? '')
  const [feedback, principles] = await Promise.all([listRegionFeedback(ability, region.id), listPrinciples(ability)])
  return {
    region,
    feedback,
    principles: principles
      .filter((p) => p.publishedVersion > 0 && p.status !== 'archived')
      .map((p) => ({ id: p.id, title: p.latest?.title ?? p.title })),
  }
})

const FeedbackId = z.object({ feedbackId: z.string().min(1) })
const InboxIntents = z.discriminatedUnion('intent', [
  intent('answer', FeedbackAnswerSchema),
  intent('close', FeedbackId),
  intent('pass', FeedbackId),
  intent('draft', FeedbackId.extend({ principleId: z.string({ error: 'errors.required' }).min(1, 'errors.required') })),
])

export const action = signedIn(async ({ request, user, ability, params }) => {
  const region = await requireFeedbackInbox(ability, params.regionId ?? '')
  const handle =
    (kind: 'close' | 'pass') =>
    async ({ feedbackId }: { feedbackId: string }) => {
      await handleFeedback(ability, user.id, region.id, feedbackId, { kind })
      return { flash: `feedback.done.${kind}` }
    }
  return dispatch(request, InboxIntents, {
    answer: async ({ feedbackId, answer }) => {
      await handleFeedback(ability, user.id, region.id, feedbackId, { kind: 'answer', answer })
      return { flash: 'feedback.done.answer' }
    },
    close: handle('close'),
    pass: handle('pass'),
    draft: async ({ feedbackId, principleId }) => {
      const draft = await questionToDraft(ability, user.id, region.id, feedbackId, principleId)
      return { to: `/guidelines/${draft.id}/edit`, flash: 'feedback.done.draft' }
    },
  })
})

export default function FeedbackInboxPage() {
  const { t } = useTranslation()
  const formatDate = useDateFormat()
  const { region, feedback, principles } = useLoaderData<typeof loader>()
  return (
    <>
      <BackLink to={`/regions/${region.id}/guidelines`}>{t('guidelines.workspace', { region: region.name })}</BackLink>
      <PageTitle>{t('feedback.inbox', { region: region.name })}</PageTitle>
      {feedback.length ? (
        <ul className="space-y-4">
          {feedback.map((item) => (
            <li key={item.id} className="rounded border border-stone-300 bg-white p-4">
              <p className="text-sm text-stone-700">
                <strong className="text-stone-900">{item.author?.name ?? t('users.former')}</strong> ·{' '}
                {formatDate(item.createdAt)} ·{' '}
                {item.guideline ? (
                  <>
                    <Link to={`/guidelines/${item.guideline.id}`} className="text-brand-800 underline">
                      {item.guideline.title}
                    </Link>{' '}
                    (v{item.versionNumber})
                  </>
                ) : (
                  <strong>{t('feedback.question')}</strong>
                )}{' '}
                · <strong>{t(`feedback.status.${item.status}`)}</strong>
                {item.passedToHqAt ? ` · ${t('feedback.passedOn')}` : null}
              </p>
              <p className="my-2 whitespace-pre-line">{item.body}</p>
              <FeedbackAnswer item={item} />
              {item.status === 'open' ? <AnswerForm feedbackId={item.id} /> : null}
              <Form method="post" className="flex flex-wrap gap-2">
                <input type="hidden" name="feedbackId" value={item.id} />
                {item.status !== 'closed' ? (
                  <Button name="intent" value="close" variant="secondary">
                    {t('feedback.close')}
                  </Button>
                ) : null}
                {!item.passedToHqAt && item.guideline ? (
                  <Button name="intent" value="pass" variant="secondary">
                    {t('feedback.pass')}
                  </Button>
                ) : null}
              </Form>
              {!item.guideline && item.status !== 'closed' && principles.length ? (
                <DraftForm feedbackId={item.id} principles={principles} />
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('feedback.empty')}</p>
      )}
    </>
  )
}

/** The manager's answer to one piece of feedback; its errors show beside it, not beside the others. */
function AnswerForm({ feedbackId }: { feedbackId: string }) {
  const { t } = useTranslation()
  const error = useResultFor('answer', { feedbackId })?.error?.answer?.[0]
  return (
    <Form method="post" className="mb-2">
      <input type="hidden" name="feedbackId" value={feedbackId} />
      <label htmlFor={`answer-${feedbackId}`} className="block text-sm font-medium">
        {t('feedback.answer')}
      </label>
      <textarea
        id={`answer-${feedbackId}`}
        name="answer"
        rows={2}
        required
        maxLength={FEEDBACK_ANSWER_MAX}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `answer-${feedbackId}-error` : undefined}
        className="block w-full rounded border border-stone-400 px-3 py-2"
      />
      {error ? (
        <p id={`answer-${feedbackId}-error`} className="text-sm text-red-800">
          {t(error)}
        </p>
      ) : null}
      <Button name="intent" value="answer" className="mt-2">
        {t('feedback.sendAnswer')}
      </Button>
    </Form>
  )
}

/** A question becomes a draft guideline under the principle the manager picks, the question as customer input. */
function DraftForm({ feedbackId, principles }: { feedbackId: string; principles: { id: string; title: string }[] }) {
  const { t } = useTranslation()
  const error = useResultFor('draft', { feedbackId })?.error?.principleId?.[0]
  return (
    <Form method="post" className="mt-3 flex flex-wrap items-end gap-2 border-t border-stone-200 pt-3">
      <input type="hidden" name="feedbackId" value={feedbackId} />
      <div>
        <label htmlFor={`principle-${feedbackId}`} className="block text-sm font-medium">
          {t('feedback.draftUnder')}
        </label>
        <select
          id={`principle-${feedbackId}`}
          name="principleId"
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `principle-${feedbackId}-error` : undefined}
          className="min-h-10 rounded border border-stone-400 bg-white px-2"
        >
          {principles.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
        {error ? (
          <p id={`principle-${feedbackId}-error`} className="text-sm text-red-800">
            {t(error)}
          </p>
        ) : null}
      </div>
      <Button name="intent" value="draft" variant="secondary">
        {t('feedback.makeDraft')}
      </Button>
    </Form>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
