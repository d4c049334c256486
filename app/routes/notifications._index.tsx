import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { NotificationText } from '~/components/notification-text.tsx'
import { Button, PageTitle } from '~/components/ui/form.tsx'
import { listNotifications, markAllRead } from '~/models/notifications.server.ts'
import { useDateFormat } from '~/utils/dates.ts'
import { dispatch } from '~/web/action.server.ts'
import { signedIn } from '~/web/route.server.ts'

/** Everything that happened for this user, newest first; each item leads to where they act. */
export const loader = signedIn(async ({ user, ability }) => ({
  notifications: await listNotifications(ability, user.id),
}))

export const action = signedIn(({ request, user, ability }) =>
  dispatch(request, z.object({}), async () => {
    const count = await markAllRead(ability, user.id)
    return { flash: 'notifications.markedAllRead', values: { count } }
  }),
)

export default function NotificationsPage() {
  const { t } = useTranslation()
  const formatDate = useDateFormat()
  const { notifications } = useLoaderData<typeof loader>()
  const unread = notifications.filter((n) => !n.readAt).length
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
        <PageTitle>{t('notifications.title')}</PageTitle>
        {unread ? (
          <Form method="post">
            <Button variant="secondary">{t('notifications.markAllRead')}</Button>
          </Form>
        ) : null}
      </div>
      {notifications.length ? (
        <ol className="divide-y divide-stone-200 rounded border border-stone-300 bg-white">
          {notifications.map((n) => (
            <li key={n.id} className={`px-4 py-3 ${n.readAt ? '' : 'bg-brand-50'}`}>
              <Link to={`/notifications/${n.id}`} className="text-brand-800 underline">
                {n.readAt ? null : <strong className="mr-2 no-underline">{t('notifications.unread')}:</strong>}
                <NotificationText kind={n.kind} params={n.params} />
              </Link>
              <p className="text-sm text-stone-600">{formatDate(n.createdAt)}</p>
            </li>
          ))}
        </ol>
      ) : (
        <p>{t('notifications.empty')}</p>
      )}
      <p className="mt-4 text-sm">
        <Link to="/account/notifications" className="text-brand-800 underline">
          {t('notifications.settingsLink')}
        </Link>
      </p>
    </>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
