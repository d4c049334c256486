import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { useResultFor } from '~/components/action-form.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { BackLink, Button, Field, PageTitle } from '~/components/ui/form.tsx'
import { makeLinks, reviewResponse, roundPage } from '~/models/customer-panel.server.ts'
import { useDateFormat } from '~/utils/dates.ts'
import { appUrl } from '~/utils/mailer.server.ts'
import { PanelLinksSchema, PanelResponseSchema } from '~/validation/schemas.ts'
import { dispatch, intent } from '~/web/action.server.ts'
import { signedIn } from '~/web/route.server.ts'

/**
 * A customer panel round (its owner; readers of the draft see it read-only): make invitation links
 * — shown once, to hand out — and accept or reject what customers answered.
 */
export const loader = signedIn(({ ability, params }) => roundPage(ability, params.roundId ?? ''))

const PanelIntents = z.discriminatedUnion('intent', [
  intent('links', PanelLinksSchema),
  intent('accept', PanelResponseSchema),
  intent('reject', PanelResponseSchema),
])

export const action = signedIn(async ({ request, user, ability, params }) => {
  const roundId = params.roundId ?? ''
  return dispatch(request, PanelIntents, {
    links: async ({ count }) => {
      const tokens = await makeLinks(ability, user.id, roundId, count)
      // Shown once, on this answer: Leidraad keeps only their hashes.
      return { links: tokens.map((token) => `${appUrl()}/k/${token}`) }
    },
    accept: async ({ responseId }) => {
      await reviewResponse(ability, user.id, roundId, responseId, 'accepted')
      return { flash: 'panel.done.accept' }
    },
    reject: async ({ responseId }) => {
      await reviewResponse(ability, user.id, roundId, responseId, 'rejected')
      return { flash: 'panel.done.reject' }
    },
  })
})

export default function PanelRoundPage() {
  const { t } = useTranslation()
  const formatDate = useDateFormat('date')
  const { round, invited, responses, mayReview } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const links = data && 'links' in data ? data.links : null
  const linkErrors = useResultFor('links')?.error?.count ?? undefined
  return (
    <>
      {round.back ? <BackLink to={round.back}>{round.title}</BackLink> : null}
      <PageTitle>{t('panel.round.title', { title: round.title })}</PageTitle>
      <p className="mb-2 text-stone-700">
        {t(round.open ? 'panel.round.openUntil' : 'panel.round.closedOn', { date: formatDate(round.closesAt) })} ·{' '}
        {t('panel.round.counts', { invited, answered: responses.length })}
      </p>
      <ol className="mb-6 list-decimal pl-6">
        <li>{round.question1}</li>
        {round.question2 ? <li>{round.question2}</li> : null}
      </ol>
      {mayReview && round.open ? (
        <section aria-labelledby="links" className="mb-8 max-w-xl rounded border border-stone-300 bg-white p-4">
          <h2 id="links" className="mb-1 text-lg font-semibold">
            {t('panel.round.links')}
          </h2>
          <p className="mb-3 text-sm text-stone-700">{t('panel.round.linksIntro')}</p>
          {links ? (
            <div role="status" className="mb-4">
              <label htmlFor="made-links" className="mb-1 block font-medium">
                {t('panel.round.made', { count: links.length })}
              </label>
              <textarea
                id="made-links"
                readOnly
                rows={Math.min(10, links.length + 1)}
                value={links.join('\n')}
                className="block w-full rounded border border-stone-400 px-3 py-2 font-mono text-sm"
              />
            </div>
          ) : null}
          <Form method="post">
            <Field
              label={t('panel.round.howMany')}
              errors={linkErrors}
              inputProps={{
                id: 'link-count',
                name: 'count',
                type: 'number',
                min: 1,
                max: 200,
                defaultValue: 10,
                required: true,
              }}
            />
            <Button name="intent" value="links">
              {t('panel.round.make')}
            </Button>
          </Form>
        </section>
      ) : null}
      <section aria-labelledby="answers">
        <h2 id="answers" className="mb-2 text-lg font-semibold">
          {t('panel.round.answers')}
        </h2>
        {responses.length ? (
          <ul className="space-y-3">
            {responses.map((response) => (
              <li key={response.id} className="rounded border border-stone-300 bg-white p-4">
                <p className="text-sm text-stone-700">
                  <strong className="text-stone-900">{t(`panel.status.${response.status}`)}</strong> ·{' '}
                  {formatDate(response.createdAt)}
                </p>
                <p className="mt-1 whitespace-pre-line">
                  <span className="font-medium">{round.question1}</span> {response.answer1}
                </p>
                {round.question2 && response.answer2 ? (
                  <p className="mt-1 whitespace-pre-line">
                    <span className="font-medium">{round.question2}</span> {response.answer2}
                  </p>
                ) : null}
                {mayReview && response.status === 'pending' ? (
                  <Form method="post" className="mt-2 flex gap-2">
                    <input type="hidden" name="responseId" value={response.id} />
                    <Button name="intent" value="accept">
                      {t('panel.round.accept')}
                    </Button>
                    <Button name="intent" value="reject" variant="secondary">
                      {t('panel.round.reject')}
                    </Button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('panel.round.noAnswers')}</p>
        )}
      </section>
    </>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
