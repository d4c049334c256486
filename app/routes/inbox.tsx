import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { FeedbackAnswer } from '~/components/feedback-answer.tsx'
import { PageTitle } from '~/components/ui/form.tsx'
import { ProposalCard } from '~/components/proposal-card.tsx'
import { acceptProposal, declineProposal, listProposals } from '~/models/proposals.server.ts'
import { DeclineProposalSchema, ProposalIdSchema } from '~/validation/schemas.ts'
import { dispatch, intent } from '~/web/action.server.ts'
import { listHqInbox } from '~/models/feedback.server.ts'
import { useDateFormat } from '~/utils/dates.ts'
import { signedIn } from '~/web/route.server.ts'

/** HQ's one inbox: the regions' proposals (open first), and the feedback they passed on, newest first. */
export const loader = signedIn(async ({ ability }) => {
  const [items, proposals] = await Promise.all([listHqInbox(ability), listProposals(ability)])
  return { items, proposals }
})

const InboxIntents = z.discriminatedUnion('intent', [
  intent('accept', ProposalIdSchema),
  intent('decline', DeclineProposalSchema),
])

export const action = signedIn(async ({ request, user, ability }) =>
  dispatch(request, InboxIntents, {
    accept: async ({ proposalId }) => {
      const { slug } = await acceptProposal(ability, user.id, proposalId)
      return { flash: 'proposals.done.accept', to: `/principles/${slug}/edit` }
    },
    decline: async ({ proposalId, reason }) => {
      await declineProposal(ability, user.id, proposalId, reason)
      return { flash: 'proposals.done.decline' }
    },
  }),
)

export default function InboxPage() {
  const { t } = useTranslation()
  const formatDate = useDateFormat()
  const { items, proposals } = useLoaderData<typeof loader>()
  return (
    <>
      <PageTitle>{t('inbox.title')}</PageTitle>
      <section aria-labelledby="proposals" className="mb-8">
        <h2 id="proposals" className="mb-2 text-lg font-semibold">
          {t('proposals.inbox')}
        </h2>
        {proposals.length ? (
          <ul className="space-y-3">
            {proposals.map((proposal) => (
              <ProposalCard key={proposal.id} proposal={proposal} />
            ))}
          </ul>
        ) : (
          <p>{t('proposals.empty')}</p>
        )}
      </section>
      <h2 className="mb-2 text-lg font-semibold">{t('inbox.feedbackTitle')}</h2>
      <p className="mb-4 max-w-prose text-stone-700">{t('inbox.intro')}</p>
      {items.length ? (
        <ul className="space-y-3">
          {items.map((item) => (
            <li key={item.id} className="rounded border border-stone-300 bg-white p-4">
              <p className="text-sm text-stone-700">
                {t('inbox.from', { region: item.guideline.region.name })} ·{' '}
                {item.passedToHqAt ? formatDate(item.passedToHqAt) : null} ·{' '}
                <Link to={`/guidelines/${item.guideline.id}`} className="text-brand-800 underline">
                  {item.guideline.title}
                </Link>
              </p>
              <p className="my-2 whitespace-pre-line">{item.body}</p>
              <FeedbackAnswer item={item} />
              <p className="text-sm">
                {t('inbox.forPrinciple')}{' '}
                <Link to={`/principles/${item.guideline.principle.slug}`} className="text-brand-800 underline">
                  {item.guideline.principle.title}
                </Link>
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('inbox.empty')}</p>
      )}
    </>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
