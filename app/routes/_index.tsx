import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { PageTitle } from '~/components/ui/form.tsx'
import { requireAbility } from '~/permissions/require-ability.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireAbility(request)
  return {
    name: user.name,
    orgRole: user.orgRole,
    memberships: user.memberships.map((m) => ({ role: m.role, region: m.region })),
  }
}

export default function Home() {
  const { t } = useTranslation()
  const { name, orgRole, memberships } = useLoaderData<typeof loader>()
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
                <Link to={`/regions/${m.region.id}`} className="font-medium text-brand-800 underline">
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
      <p className="text-stone-700">{t('home.next')}</p>
    </>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
