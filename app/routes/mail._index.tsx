import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { PageTitle, ScrollRegion } from '~/components/ui/form.tsx'
import { listMails } from '~/models/mail.server.ts'
import { useDateFormat } from '~/utils/dates.ts'
import { signedIn } from '~/web/route.server.ts'

const STATUSES = ['pending', 'sent', 'kept', 'failed', 'unknown'] as const

/** The admin's view of the mail outbox: what went out, what is kept (no SMTP server), what failed. */
export const loader = signedIn(({ request, ability }) =>
  listMails(ability, { status: new URL(request.url).searchParams.get('status') ?? undefined }),
)

export default function MailPage() {
  const { t } = useTranslation()
  const formatDate = useDateFormat()
  const { mails, smtp } = useLoaderData<typeof loader>()
  const [search] = useSearchParams()
  return (
    <>
      <PageTitle>{t('mail.admin.title')}</PageTitle>
      <p className="mb-2 text-stone-700">{t('mail.admin.intro')}</p>
      <p className="mb-4 rounded border-l-4 border-brand-700 bg-brand-50 px-4 py-2 text-sm">
        {smtp ? t('mail.admin.smtp') : t('mail.admin.noSmtp')}
      </p>
      <Form method="get" className="mb-4 flex flex-wrap items-end gap-2">
        <label htmlFor="status" className="font-medium">
          {t('mail.admin.status')}
        </label>
        <select
          id="status"
          name="status"
          defaultValue={search.get('status') ?? ''}
          className="rounded border border-stone-400 px-2 py-2"
        >
          <option value="">{t('mail.admin.all')}</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`mail.admin.statuses.${status}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="min-h-11 rounded border border-brand-800 px-3 font-medium text-brand-800">
          {t('versions.show')}
        </button>
      </Form>
      {mails.length ? (
        <ScrollRegion label={t('mail.admin.title')}>
          <table className="w-full text-left text-sm">
            <thead className="bg-stone-100">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t('mail.admin.when')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('mail.admin.to')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('mail.admin.subject')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('mail.admin.status')}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200">
              {mails.map((mail) => (
                <tr key={mail.id}>
                  <td className="whitespace-nowrap px-3 py-2">{formatDate(mail.createdAt)}</td>
                  <td className="px-3 py-2">{mail.to}</td>
                  <td className="px-3 py-2">
                    <Link to={mail.id} className="text-brand-800 underline">
                      {mail.subject}
                    </Link>
                  </td>
                  <td className="px-3 py-2">{t(`mail.admin.statuses.${mail.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : (
        <p>{t('mail.admin.empty')}</p>
      )}
    </>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
