import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { BackLink, Button, PageTitle } from '~/components/ui/form.tsx'
import { requireMail, resendMail } from '~/models/mail.server.ts'
import { useDateFormat } from '~/utils/dates.ts'
import { dispatch } from '~/web/action.server.ts'
import { signedIn } from '~/web/route.server.ts'

/** One mail as it was (or would be) sent: the plain-text part, so nothing from it runs in the page. */
export const loader = signedIn(async ({ ability, params }) => {
  const mail = await requireMail(ability, params.mailId ?? '')
  return {
    mail: {
      id: mail.id,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      status: mail.status,
      attempts: mail.attempts,
      lastError: mail.lastError,
      createdAt: mail.createdAt,
      sentAt: mail.sentAt,
    },
  }
})

export const action = signedIn(({ request, ability, params }) =>
  dispatch(request, z.object({}), async () => {
    await resendMail(ability, params.mailId ?? '')
    return { flash: 'mail.admin.resent' }
  }),
)

export default function MailMessagePage() {
  const { t } = useTranslation()
  const formatDate = useDateFormat()
  const { mail } = useLoaderData<typeof loader>()
  return (
    <>
      <BackLink to="/mail">{t('mail.admin.back')}</BackLink>
      <PageTitle>{mail.subject}</PageTitle>
      <p className="mb-1 text-sm text-stone-700">
        {t('mail.admin.to')}: {mail.to} · {formatDate(mail.createdAt)} · {t(`mail.admin.statuses.${mail.status}`)} ·{' '}
        {t('mail.admin.attempts', { count: mail.attempts })}
      </p>
      {mail.lastError ? (
        <p className="mb-2 text-sm text-red-800">{t('mail.admin.lastError', { error: mail.lastError })}</p>
      ) : null}
      {mail.status === 'failed' || mail.status === 'unknown' ? (
        <Form method="post" className="mb-4">
          <Button variant="secondary">{t('mail.admin.resend')}</Button>
        </Form>
      ) : null}
      <h2 className="mb-1 mt-4 font-semibold">{t('mail.admin.text')}</h2>
      <pre className="whitespace-pre-wrap rounded border border-stone-300 bg-white p-4 font-sans text-sm">
        {mail.text}
      </pre>
    </>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
