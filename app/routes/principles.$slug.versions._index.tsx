import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { CompareForm, VersionList } from '~/components/document-sections.tsx'
import { PageTitle, BackLink } from '~/components/ui/form.tsx'
import { listVersions, requirePrinciple } from '~/models/principle.server.ts'
import { signedIn } from '~/web/route.server.ts'

export const loader = signedIn(async ({ ability, params }) => {
  const { principle, published, seesDraft } = await requirePrinciple(ability, params.slug ?? '')
  return {
    slug: principle.slug,
    title: published?.title ?? principle.title,
    versions: await listVersions(ability, principle.id),
    hasWorkingCopy: seesDraft && (principle.status === 'draft' || principle.status === 'consultation'),
  }
})

export default function VersionsPage() {
  const { t } = useTranslation()
  const { slug, title, versions, hasWorkingCopy } = useLoaderData<typeof loader>()
  return (
    <>
      <BackLink to={`/principles/${slug}`}>{title}</BackLink>
      <PageTitle>{t('versions.title', { title })}</PageTitle>
      <VersionList versions={versions} linkTo={(version) => String(version.number)} />
      {versions.length > 1 || (versions.length && hasWorkingCopy) ? (
        <CompareForm action={`/principles/${slug}/compare`} versions={versions} withWorkingCopy={hasWorkingCopy} />
      ) : null}
    </>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
