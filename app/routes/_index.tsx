import { redirect } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { PageTitle } from '~/components/ui/form.tsx'
import { startPage } from '~/models/home.server.ts'
import { useDateFormat } from '~/utils/dates.ts'
import { signedIn } from '~/web/route.server.ts'

export const loader = signedIn(async ({ user, ability }) => {
  const page = await startPage(ability, user)
  // Whoever reads only published guidelines (frontline) comes for the handbook: straight there.
  if (page.kind === 'handbook') throw redirect('/handbook')
  return { ...page, name: user.name, orgRole: user.orgRole }
})

export default function Home() {
  const { t } = useTranslation()
  const { name, orgRole, memberships, consultations, publishedCount } = useLoaderData<typeof loader>()
  const formatDate = useDateFormat('date')
  return (
    <>
      <PageTitle>{t('home.title', { name })}</PageTitle>
      {orgRole ? <p className="mb-4">{t('home.orgRole', { role: t(`roles.${orgRole}`) })}</p> : null}
      <section aria-labelledby="my-regions" className="mb-6">
        <h2 id="my-regions" className="mb-2 text-lg font-semibold">
          {t('home.yourRegions')}
        </h2>
        {memberships.length ? (
          <ul className="divide-y divide-stone-200 rounded border border-stone-300 bg-white">
            {memberships.map((m) => (
              <li key={m.region.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
                <Link
                  to={m.workspace ? `/regions/${m.region.id}/guidelines` : `/regions/${m.region.id}`}
                  className="font-medium text-brand-800 underline"
                >
                  {m.region.name}
                </Link>
                <span className="text-sm text-stone-700">{t(`roles.${m.role}`)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('home.noRegions')}</p>
        )}
      </section>
      {consultations.length ? (
        <section aria-labelledby="consultations" className="mb-6 rounded border border-amber-700 bg-amber-50/40 p-4">
          <h2 id="consultations" className="mb-2 text-lg font-semibold">
            {t('home.consultations')}
          </h2>
          <ul className="space-y-1">
            {consultations.map((c) => (
              <li key={c.slug}>
                <Link to={`/principles/${c.slug}`} className="font-medium text-brand-800 underline">
                  {c.title}
                </Link>{' '}
                {c.endsAt ? (
                  <span className="text-sm text-stone-700">
                    ({t('principles.consultationUntil', { date: formatDate(c.endsAt) })})
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p>
        <Link to="/principles" className="font-medium text-brand-800 underline">
          {t('home.principles', { count: publishedCount })}
        </Link>
      </p>
    </>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
