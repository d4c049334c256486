import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

/** 403/404/400/500 pages inside the shell. Never shows a stack trace or error message. */
export function GeneralErrorBoundary() {
  const error = useRouteError()
  const { t } = useTranslation()
  const status = isRouteErrorResponse(error) ? error.status : 500
  const [title, message] =
    status === 403
      ? [t('errors.forbiddenTitle'), t('errors.forbidden')]
      : status === 404
        ? [t('errors.notFoundTitle'), t('errors.notFound')]
        : status === 400
          ? [t('errors.badRequestTitle'), t('errors.server')]
          : [t('errors.serverTitle'), t('errors.server')]
  return (
    <section aria-labelledby="error-title" className="rounded border border-stone-300 bg-white p-6">
      <p className="text-sm text-stone-600">{status}</p>
      <h1 id="error-title" className="mb-2 text-2xl font-bold">
        {title}
      </h1>
      <p className="mb-4">{message}</p>
      <Link to="/" className="text-brand-800 underline">
        {t('errors.backHome')}
      </Link>
    </section>
  )
}
