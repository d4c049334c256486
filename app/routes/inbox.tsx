import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { FeedbackAnswer } from '~/components/feedback-answer.tsx'
import { PageTitle } from '~/components/ui/form.tsx'
import { listHqInbox } from '~/models/feedback.server.ts'
import { useDateFormat } from '~/utils/dates.ts'
import { signedIn } from '~/web/route.server.ts'

/** HQ's one inbox: everything the regions passed on, newest first, each beside its principle. */
export const loader = signedIn(async ({ ability }) => ({ items: await listHqInbox(ability) }))

export default function InboxPage() {
  const { t } = useTranslation()
  const formatDate = useDateFormat()
  const { items } = useLoaderData<typeof loader>()
  return (
    <>
      <PageTitle>{t('inbox.title')}</PageTitle>
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
