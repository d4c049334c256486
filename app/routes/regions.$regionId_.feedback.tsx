import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { Button, PageTitle } from '~/components/ui/form.tsx'
import { handleFeedback, listRegionFeedback } from '~/models/feedback.server.ts'
import { requireRegion } from '~/models/region.server.ts'
import { authorize } from '~/permissions/authorize.server.ts'
import { requireAbility } from '~/permissions/require-ability.server.ts'
import { useDateFormat } from '~/utils/dates.ts'
import { redirectWithFlash } from '~/utils/flash.server.ts'
import { getIntent } from '~/utils/forms.server.ts'

/** The region's feedback inbox (managers): answer, close, or pass to HQ. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ability } = await requireAbility(request)
  const region = await requireRegion(ability, params.regionId ?? '')
  authorize(ability, 'update', 'Feedback', { regionId: region.id })
  return { region: { id: region.id, name: region.name }, feedback: await listRegionFeedback(ability, region.id) }
}

const ANSWER_MAX = 2000

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, ability } = await requireAbility(request)
  const region = await requireRegion(ability, params.regionId ?? '')
  authorize(ability, 'update', 'Feedback', { regionId: region.id })
  const formData = await request.formData()
  const intent = getIntent(formData)
  const feedbackId = String(formData.get('feedbackId') ?? '')
  if (intent === 'answer') {
    const answer = String(formData.get('answer') ?? '').trim()
    if (answer.length < 2 || answer.length > ANSWER_MAX) return data({ feedbackId, error: answer.length < 2 ? 'errors.tooShort' : 'errors.tooLong' }, { status: 400 })
    await handleFeedback(ability, user.id, region.id, feedbackId, { kind: 'answer', answer })
  } else if (intent === 'close' || intent === 'pass') {
    await handleFeedback(ability, user.id, region.id, feedbackId, { kind: intent })
  } else {
    throw data({ message: 'unknown intent' }, { status: 400 })
  }
  return redirectWithFlash(request, `/regions/${region.id}/feedback`, { kind: 'success', key: `feedback.done.${intent}` })
}

export default function FeedbackInboxPage() {
  const { t } = useTranslation()
  const formatDate = useDateFormat()
  const { region, feedback } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to={`/regions/${region.id}/guidelines`} className="text-brand-800 underline">
          ← {t('guidelines.workspace', { region: region.name })}
        </Link>
      </p>
      <PageTitle>{t('feedback.inbox', { region: region.name })}</PageTitle>
      {feedback.length ? (
        <ul className="space-y-4">
          {feedback.map((item) => (
            <li key={item.id} className="rounded border border-stone-300 bg-white p-4">
              <p className="text-sm text-stone-700">
                <strong className="text-stone-900">{item.author.name}</strong> · {formatDate(item.createdAt)} ·{' '}
                <Link to={`/guidelines/${item.guideline.id}`} className="text-brand-800 underline">
                  {item.guideline.title}
                </Link>{' '}
                (v{item.versionNumber}) · <strong>{t(`feedback.status.${item.status}`)}</strong>
                {item.passedToHqAt ? ` · ${t('feedback.passedOn')}` : null}
              </p>
              <p className="my-2 whitespace-pre-line">{item.body}</p>
              {item.answer ? (
                <p className="mb-2 border-l-4 border-brand-700 pl-3 text-sm">
                  <strong>{t('feedback.answerFrom', { name: item.answeredBy?.name ?? '' })}</strong> {item.answer}
                </p>
              ) : null}
              {item.status === 'open' ? (
                <Form method="post" className="mb-2">
                  <input type="hidden" name="feedbackId" value={item.id} />
                  <label htmlFor={`answer-${item.id}`} className="block text-sm font-medium">
                    {t('feedback.answer')}
                  </label>
                  <textarea
                    id={`answer-${item.id}`}
                    name="answer"
                    rows={2}
                    required
                    maxLength={ANSWER_MAX}
                    aria-describedby={actionData?.feedbackId === item.id ? `answer-${item.id}-error` : undefined}
                    className="block w-full rounded border border-stone-400 px-3 py-2"
                  />
                  {actionData?.feedbackId === item.id ? (
                    <p id={`answer-${item.id}-error`} className="text-sm text-red-800">
                      {t(actionData.error)}
                    </p>
                  ) : null}
                  <Button name="intent" value="answer" className="mt-2">
                    {t('feedback.sendAnswer')}
                  </Button>
                </Form>
              ) : null}
              <Form method="post" className="flex flex-wrap gap-2">
                <input type="hidden" name="feedbackId" value={item.id} />
                {item.status !== 'closed' ? (
                  <Button name="intent" value="close" variant="secondary">
                    {t('feedback.close')}
                  </Button>
                ) : null}
                {!item.passedToHqAt ? (
                  <Button name="intent" value="pass" variant="secondary">
                    {t('feedback.pass')}
                  </Button>
                ) : null}
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('feedback.empty')}</p>
      )}
    </>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
