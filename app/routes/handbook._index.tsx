import { redirect } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { PageTitle } from '~/components/ui/form.tsx'
import { listRegions } from '~/models/region.server.ts'
import { signedIn } from '~/web/route.server.ts'
import { forServerRenderOnly } from '~/web/plain-html.server.ts'
import { loadAsDocument } from '~/frontline/load-as-document.ts'
import type { RouteHandle } from '~/root.tsx'

export const handle: RouteHandle = { hydrate: false }
export const clientLoader = loadAsDocument

/** The handbook of your region; a user in several regions picks one. */
export const loader = signedIn(async ({ user, ability }) => {
  const mine = user.memberships.map((m) => m.region)
  if (mine.length === 1) throw redirect(`/handbook/${mine[0]!.id}`)
  const regions = mine.length ? mine : (await listRegions(ability)).map((r) => ({ id: r.id, name: r.name }))
  return forServerRenderOnly({ regions })
})

export default function HandbookPicker() {
  const { t } = useTranslation()
  const { regions } = useLoaderData<typeof loader>()
  return (
    <>
      <PageTitle>{t('handbook.pickRegion')}</PageTitle>
      {regions.length ? (
        <ul className="divide-y divide-stone-200 rounded border border-stone-300 bg-white">
          {regions.map((region) => (
            <li key={region.id}>
              <a
                href={`/handbook/${region.id}`}
                className="block px-4 py-4 text-lg font-medium text-brand-800 underline"
              >
                {region.name}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('home.noRegions')}</p>
      )}
    </>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
