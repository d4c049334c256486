import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { Button, PageTitle } from '~/components/ui/form.tsx'
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
        <Form method="get" action={`/principles/${slug}/compare`} className="flex flex-wrap items-end gap-3 rounded border border-stone-300 bg-white p-4">
          <h2 className="w-full font-semibold">{t('versions.compare')}</h2>
          {(['from', 'to'] as const).map((side, index) => (
            <div key={side}>
              <label htmlFor={`compare-${side}`} className="mb-1 block font-medium">
                {t(`versions.${side}`)}
              </label>
              <select
                id={`compare-${side}`}
                name={side}
                defaultValue={side === 'from' ? String(versions[1]?.number ?? versions[0]?.number) : hasWorkingCopy ? 'draft' : String(versions[0]?.number)}
                className="rounded border border-stone-400 px-3 py-2"
              >
                {index === 1 && hasWorkingCopy ? <option value="draft">{t('versions.workingCopy')}</option> : null}
                {versions.map((version) => (
                  <option key={version.number} value={version.number}>
                    {t('versions.version', { version: version.number })}
                  </option>
                ))}
              </select>
            </div>
          ))}
          <Button type="submit">{t('versions.show')}</Button>
        </Form>
      ) : null}
    </>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
