import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DiffView } from '~/components/diff-view.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { PageTitle } from '~/components/ui/form.tsx'
import { diffStats, diffText } from '~/editor/diff.ts'
import { requirePrinciple, requireVersion } from '~/models/principle.server.ts'
import { authorize, notFound } from '~/permissions/authorize.server.ts'
import { requireAbility } from '~/permissions/require-ability.server.ts'

/** `?from=1&to=2` compares two published versions; `to=draft` the working copy (for who may read it). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ability } = await requireAbility(request)
  const { principle } = await requirePrinciple(ability, params.slug ?? '')
  const search = new URL(request.url).searchParams

  async function side(value: string | null) {
    if (value === 'draft') {
      authorize(ability, 'readDraft', 'Principle', principle)
      return { label: 'draft' as const, title: principle.title, text: principle.bodyText }
    }
    const number = Number(value)
    if (!Number.isInteger(number) || number < 1) throw notFound()
    const version = await requireVersion(ability, principle.id, number)
    return { label: number, title: version.title, text: version.bodyText }
  }

  const [from, to] = await Promise.all([side(search.get('from')), side(search.get('to'))])
  const parts = diffText(`${from.title}\n\n${from.text}`, `${to.title}\n\n${to.text}`)
  return { slug: principle.slug, from: from.label, to: to.label, parts, stats: diffStats(parts) }
}

export default function ComparePage() {
  const { t } = useTranslation()
  const { slug, from, to, parts, stats } = useLoaderData<typeof loader>()
  const label = (side: number | 'draft') => (side === 'draft' ? t('versions.workingCopy') : t('versions.version', { version: side }))
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to={`/principles/${slug}/versions`} className="text-brand-800 underline">
          ← {t('principles.history')}
        </Link>
      </p>
      <PageTitle>{t('versions.comparing', { from: label(from), to: label(to) })}</PageTitle>
      <p className="mb-4 text-stone-700">{t('versions.stats', { added: stats.added, removed: stats.removed })}</p>
      <DiffView parts={parts} />
    </>
  )
}

export const ErrorBoundary = GeneralErrorBoundary

