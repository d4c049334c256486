import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { CompareForm } from '~/components/document-sections.tsx'
import { PageTitle } from '~/components/ui/form.tsx'
import { listVersions, requirePrinciple } from '~/models/principle.server.ts'
import { requireAbility } from '~/permissions/require-ability.server.ts'
import { useDateFormat } from '~/utils/dates.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ability } = await requireAbility(request)
  const { principle, published, seesDraft } = await requirePrinciple(ability, params.slug ?? '')
  return {
    slug: principle.slug,
    title: published?.title ?? principle.title,
    versions: await listVersions(ability, principle.id),
    hasWorkingCopy: seesDraft && (principle.status === 'draft' || principle.status === 'consultation'),
  }
}

export default function VersionsPage() {
  const { t } = useTranslation()
  const formatDate = useDateFormat()
  const { slug, title, versions, hasWorkingCopy } = useLoaderData<typeof loader>()
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to={`/principles/${slug}`} className="text-brand-800 underline">
          ← {title}
        </Link>
      </p>
      <PageTitle>{t('versions.title', { title })}</PageTitle>
      {versions.length ? (
        <ol className="mb-8 divide-y divide-stone-200 rounded border border-stone-300 bg-white">
          {versions.map((version) => (
            <li key={version.number} className="px-4 py-3">
              <Link to={String(version.number)} className="font-medium text-brand-800 underline">
                {t('versions.version', { version: version.number })}: {version.title}
              </Link>
              <p className="text-sm text-stone-700">
                {formatDate(version.publishedAt)} · {version.publishedBy.name}
              </p>
              <p className="text-sm">{version.changeNote}</p>
            </li>
          ))}
        </ol>
      ) : (
        <p className="mb-8">{t('versions.none')}</p>
      )}
      {versions.length > 1 || (versions.length && hasWorkingCopy) ? (
        <CompareForm action={`/principles/${slug}/compare`} versions={versions} withWorkingCopy={hasWorkingCopy} />
      ) : null}
    </>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
