import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { RichText } from '~/components/rich-text.tsx'
import { FieldErrors } from '~/components/ui/form.tsx'
import { answerInvitation, invitationView, throttlePublic } from '~/models/customer-panel.server.ts'
import { PANEL_ANSWER_MAX, PanelAnswerSchema } from '~/validation/schemas.ts'
import { dispatch } from '~/web/action.server.ts'
import { forServerRenderOnly } from '~/web/plain-html.server.ts'
import { openToAll } from '~/web/route.server.ts'
import { loadAsDocument } from '~/frontline/load-as-document.ts'
import type { RouteHandle } from '~/root.tsx'

/**
 * A customer's invitation link (no account): the draft as it was when the round opened and one or
 * two questions, answered once. Plain HTML for any phone; nothing else of Leidraad is shown, and
 * every request counts against its address's limit.
 */
export const handle: RouteHandle = { hydrate: false }
export const clientLoader = loadAsDocument

export const loader = openToAll(async ({ params, context }) => {
  await throttlePublic(context.clientAddress ?? 'unknown')
  return forServerRenderOnly(await invitationView(params.token ?? ''))
})

export const action = openToAll(async ({ request, params, context }) => {
  const token = params.token ?? ''
  return dispatch(request, PanelAnswerSchema, async (answers) => {
    // Counted once the request is a well-formed answer (a malformed one is refused unread, writing nothing).
    await throttlePublic(context.clientAddress ?? 'unknown')
    await answerInvitation(token, answers)
    return { flash: 'panel.public.thanks', to: `/k/${token}` }
  })
})

export default function CustomerAnswerPage() {
  const { t } = useTranslation()
  const view = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const errors = result && 'result' in result ? result.result.error : undefined
  // A refused answer comes back as typed, with the message beside it.
  const sent = (result && 'result' in result ? (result.result.initialValue ?? {}) : {}) as Record<string, string>
  return (
    <article className="mx-auto max-w-xl">
      <p className="mb-1 text-sm text-stone-700">{t('panel.public.kicker')}</p>
      <h1 className="mb-3 text-2xl font-bold tracking-tight">{view.title}</h1>
      {view.state === 'answered' ? (
        <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 px-4 py-3">
          {t('panel.public.answered')}
        </p>
      ) : view.state === 'closed' ? (
        <p className="rounded border-l-4 border-stone-500 bg-stone-100 px-4 py-3">{t('panel.public.closed')}</p>
      ) : (
        <>
          <p className="mb-3 text-stone-700">{t('panel.public.intro')}</p>
          {view.html ? (
            <RichText html={view.html} className="mb-6 rounded border border-stone-300 bg-white p-4" />
          ) : null}
          <Form method="post" className="space-y-4">
            <FieldErrors id="answer-form-error" errors={errors?.[''] ?? undefined} />
            <Answer
              id="answer1"
              label={view.question1}
              errors={errors?.answer1 ?? undefined}
              value={sent.answer1}
              required
            />
            {view.question2 ? (
              <Answer id="answer2" label={view.question2} errors={errors?.answer2 ?? undefined} />
            ) : null}
            <p className="text-sm text-stone-700">{t('panel.public.privacy')}</p>
            <button type="submit" className="min-h-12 w-full rounded bg-brand-800 px-4 text-lg font-medium text-white">
              {t('panel.public.send')}
            </button>
          </Form>
        </>
      )}
    </article>
  )
}

function Answer({
  id,
  label,
  errors,
  value,
  required,
}: {
  id: string
  label: string
  errors?: string[]
  value?: string
  required?: boolean
}) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block font-semibold">
        {label}
      </label>
      <textarea
        id={id}
        name={id}
        rows={4}
        required={required}
        maxLength={PANEL_ANSWER_MAX}
        defaultValue={value ?? ''}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? `${id}-error` : undefined}
        className="block w-full rounded border border-stone-400 px-3 py-2 text-lg"
      />
      <FieldErrors id={`${id}-error`} errors={errors} />
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
