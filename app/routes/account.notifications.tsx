import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { Button, PageTitle } from '~/components/ui/form.tsx'
import { NOTIFICATION_KINDS, notificationSettings, saveNotificationSettings } from '~/models/notifications.server.ts'
import { dispatch } from '~/web/action.server.ts'
import { signedIn } from '~/web/route.server.ts'

const DELIVERIES = ['immediate', 'digest', 'off'] as const

export const loader = signedIn(({ user }) => notificationSettings(user.id))

const SettingsSchema = z.object(
  Object.fromEntries([...NOTIFICATION_KINDS, 'digest'].map((kind) => [kind, z.enum(DELIVERIES).optional()])),
)

export const action = signedIn(({ request, user }) =>
  dispatch(request, SettingsSchema, async (choices) => {
    await saveNotificationSettings(user.id, choices)
    return { flash: 'notifications.settings.saved' }
  }),
)

/** Per kind of notification: e-mail at once, in the daily digest, or none. Plain radio buttons. */
export default function NotificationSettingsPage() {
  const { t } = useTranslation()
  const { kinds, digest } = useLoaderData<typeof loader>()
  return (
    <div className="max-w-3xl">
      <PageTitle>{t('notifications.settings.title')}</PageTitle>
      <p className="mb-4 text-stone-700">{t('notifications.settings.intro')}</p>
      <Form method="post" className="rounded border border-stone-300 bg-white p-4">
        {kinds.map(({ kind, delivery }) => (
          <fieldset key={kind} className="mb-3 border-b border-stone-200 pb-3">
            <legend className="mb-1 font-medium">{t(`notifications.settings.kinds.${kind}`)}</legend>
            <div className="flex flex-wrap gap-4">
              {DELIVERIES.map((choice) => (
                <label key={choice} className="inline-flex min-h-11 items-center gap-2">
                  <input type="radio" name={kind} value={choice} defaultChecked={delivery === choice} />
                  {t(`notifications.settings.${choice}`)}
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        <fieldset className="mb-4">
          <legend className="mb-1 font-medium">{t('notifications.settings.digestToggle')}</legend>
          <div className="flex gap-4">
            <label className="inline-flex min-h-11 items-center gap-2">
              <input type="radio" name="digest" value="digest" defaultChecked={digest} />
              {t('notifications.settings.digestOn')}
            </label>
            <label className="inline-flex min-h-11 items-center gap-2">
              <input type="radio" name="digest" value="off" defaultChecked={!digest} />
              {t('notifications.settings.digestOff')}
            </label>
          </div>
        </fieldset>
        <Button type="submit">{t('notifications.settings.save')}</Button>
      </Form>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
