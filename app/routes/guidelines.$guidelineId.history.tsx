import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DiffView } from '~/components/diff-view.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { CompareForm, VersionList } from '~/components/document-sections.tsx'
import { PageTitle, BackLink } from '~/components/ui/form.tsx'
import { diffText } from '~/editor/diff.ts'
import { listGuidelineVersions, requireGuideline } from '~/models/guideline.server.ts'
import { signedIn } from '~/web/route.server.ts'

/** The versions of a guideline, and the word diff between two of them (`?from=1&to=2`). */
export const loader = signedIn(async ({ request, ability, params }) => {
  const { guideline, published } = await requireGuideline(ability, params.guidelineId ?? '')
  const versions = await listGuidelineVersions(ability, guideline.id)
  const search = new URL(request.url).searchParams
  const pick = (value: string | null) => versions.find((v) => String(v.number) === value)
  const from = pick(search.get('from'))
  const to = pick(search.get('to'))
  return {
    id: guideline.id,
    title: published?.title ?? guideline.title,
    versions: versions.map(({ bodyText: _text, ...v }) => v),
    compared:
      from && to
        ? {
            from: from.number,
            to: to.number,
            parts: diffText(`${from.title}\n\n${from.bodyText}`, `${to.title}\n\n${to.bodyText}`),
          }
        : null,
  }
})

export default function GuidelineHistoryPage() {
  const { t } = useTranslation()
  const { id, title, versions, compared } = useLoaderData<typeof loader>()
  return (
    <>
      <BackLink to={`/guidelines/${id}`}>{title}</BackLink>
      <PageTitle>{t('versions.title', { title })}</PageTitle>
      <VersionList
        versions={versions}
        extra={(version) => t('guidelines.basedOn', { version: version.basedOnPrincipleVersion })}
      />
      {versions.length > 1 ? <CompareForm versions={versions} selected={compared ?? undefined} /> : null}
      {compared ? (
        <section aria-label={t('versions.comparing', { from: compared.from, to: compared.to })}>
          <h2 className="mb-2 text-lg font-semibold">
            {t('versions.comparing', {
              from: t('versions.version', { version: compared.from }),
              to: t('versions.version', { version: compared.to }),
            })}
          </h2>
          <DiffView parts={compared.parts} />
        </section>
      ) : null}
    </>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
