import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

/**
 * 400/403/404/409/413/500 pages inside the shell. A refusal from the domain carries its message
 * key (app/web/route.server.ts); it is shown when it is one of ours. Never a stack trace.
 */
export function GeneralErrorBoundary() {
  const error = useRouteError()
  const { t, i18n } = useTranslation()
  const status = isRouteErrorResponse(error) ? error.status : 500
  const reply = isRouteErrorResponse(error) ? (error.data as { message?: unknown; values?: unknown } | null) : null
  const key = reply?.message
  const values = typeof reply?.values === 'object' && reply.values ? (reply.values as Record<string, string>) : {}
  const own = typeof key === 'string' && i18n.exists(key) ? t(key, values) : null
  const [title, message] =
    status === 403
      ? [t('errors.forbiddenTitle'), t('errors.forbidden')]
      : status === 404
        ? [t('errors.notFoundTitle'), t('errors.notFound')]
        : status === 409
          ? [t('errors.conflictTitle'), own ?? t('errors.badRequest')]
          : status >= 400 && status < 500
            ? [t('errors.badRequestTitle'), own ?? t('errors.badRequest')]
            : status === 503
              ? [t('errors.unavailableTitle'), t('errors.unavailable')]
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
