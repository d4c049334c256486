import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DiffView } from '~/components/diff-view.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { PageTitle, BackLink } from '~/components/ui/form.tsx'
import { diffStats, diffText } from '~/editor/diff.ts'
import { principleTextAt, requirePrinciple } from '~/models/principle.server.ts'
import { signedIn } from '~/web/route.server.ts'

/** `?from=1&to=2` compares two published versions; `to=draft` the working copy (for who may read it). */
export const loader = signedIn(async ({ request, ability, params }) => {
  const { principle } = await requirePrinciple(ability, params.slug ?? '')
  const search = new URL(request.url).searchParams
  const [from, to] = await Promise.all([
    principleTextAt(ability, principle, search.get('from')),
    principleTextAt(ability, principle, search.get('to')),
  ])
  const parts = diffText(`${from.title}\n\n${from.text}`, `${to.title}\n\n${to.text}`)
  return { slug: principle.slug, from: from.label, to: to.label, parts, stats: diffStats(parts) }
})

export default function ComparePage() {
  const { t } = useTranslation()
  const { slug, from, to, parts, stats } = useLoaderData<typeof loader>()
  const label = (side: number | 'draft') =>
    side === 'draft' ? t('versions.workingCopy') : t('versions.version', { version: side })
  return (
    <>
      <BackLink to={`/principles/${slug}/versions`}>{t('principles.history')}</BackLink>
      <PageTitle>{t('versions.comparing', { from: label(from), to: label(to) })}</PageTitle>
      <p className="mb-4 text-stone-700">{t('versions.stats', { added: stats.added, removed: stats.removed })}</p>
      <DiffView parts={parts} />
    </>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
