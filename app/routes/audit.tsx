import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { PageTitle } from '~/components/ui/form.tsx'
import { listAuditEvents } from '~/models/audit.server.ts'
import { signedIn } from '~/web/route.server.ts'
import { useDateFormat } from '~/utils/dates.ts'

export const loader = signedIn(({ request, ability }) =>
  listAuditEvents(ability, { before: new URL(request.url).searchParams.get('before') ?? undefined }),
)

export default function AuditPage() {
  const { t } = useTranslation()
  const { events, hasMore } = useLoaderData<typeof loader>()
  const formatDate = useDateFormat()
  const last = events.at(-1)
  return (
    <>
      <PageTitle>{t('audit.title')}</PageTitle>
      {events.length ? (
        <div className="overflow-x-auto rounded border border-stone-300 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-stone-100">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t('audit.when')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('audit.who')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('audit.what')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('audit.subject')}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200">
              {events.map((event) => (
                <tr key={event.id}>
                  <td className="whitespace-nowrap px-3 py-2">{formatDate(event.createdAt)}</td>
                  <td className="px-3 py-2">{event.actor?.name ?? t('audit.system')}</td>
                  <td className="px-3 py-2 font-mono">{event.action}</td>
                  <td className="px-3 py-2">
                    {event.subjectType}
                    {event.after || event.before ? (
                      <div className="font-mono text-xs text-stone-700">
                        {JSON.stringify(event.before ?? {})} → {JSON.stringify(event.after ?? {})}
                      </div>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t('audit.empty')}</p>
      )}
      {hasMore && last ? (
        <Link to={`?before=${last.id}`} className="mt-4 inline-block text-brand-800 underline">
          {t('audit.older')}
        </Link>
      ) : null}
    </>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
