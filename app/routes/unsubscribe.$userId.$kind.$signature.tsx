import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { Button, PageTitle } from '~/components/ui/form.tsx'
import { verifyUnsubscribe } from '~/models/mail.server.ts'
import { unsubscribe } from '~/models/notifications.server.ts'
import { dispatch } from '~/web/action.server.ts'
import { openToAll, type RouteArgs } from '~/web/route.server.ts'

/**
 * The signed link in every e-mail: works without signing in (a mail client's one-click POST,
 * RFC 8058, lands on the action). The signature names the user and the kind; nothing else is shown.
 */
function check({ params }: RouteArgs) {
  const kind = params.kind ?? ''
  const valid = verifyUnsubscribe(params.userId ?? '', kind, params.signature ?? '')
  return { valid, kind }
}

export const loader = openToAll((args) => check(args))

export const action = openToAll((args) => {
  const { valid, kind } = check(args)
  return dispatch(args.request, z.object({}).passthrough(), async () => ({
    done: valid && (await unsubscribe(args.params.userId ?? '', kind)),
  }))
})

export default function UnsubscribePage() {
  const { t } = useTranslation()
  const { valid, kind } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const label =
    kind === 'digest' ? t('notifications.unsubscribe.digestKind') : t(`notifications.settings.kinds.${kind}`)
  return (
    <div className="mx-auto max-w-md">
      <PageTitle>{t('notifications.unsubscribe.title')}</PageTitle>
      {!valid ? (
        <p role="alert">{t('notifications.unsubscribe.invalid')}</p>
      ) : result && 'done' in result && result.done ? (
        <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 px-4 py-3">
          {t('notifications.unsubscribe.done')}
        </p>
      ) : (
        <Form method="post" className="rounded border border-stone-300 bg-white p-4">
          <p className="mb-3">{t('notifications.unsubscribe.explain', { kind: label })}</p>
          <Button type="submit">{t('notifications.unsubscribe.confirm')}</Button>
        </Form>
      )}
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
