import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { RichText } from '~/components/rich-text.tsx'
import { PageTitle, BackLink } from '~/components/ui/form.tsx'
import { renderDocumentHtml } from '~/editor/render.server.ts'
import { listConsultationThreads } from '~/models/comment.server.ts'
import { requirePrinciple, requireVersion } from '~/models/principle.server.ts'
import { useDateFormat } from '~/utils/dates.ts'
import { signedIn } from '~/web/route.server.ts'

export const loader = signedIn(async ({ ability, params }) => {
  const { principle } = await requirePrinciple(ability, params.slug ?? '')
  const number = Number(params.number)
  const version = await requireVersion(ability, principle.id, number)
  return {
    slug: principle.slug,
    latest: principle.publishedVersion,
    version: {
      number: version.number,
      title: version.title,
      html: renderDocumentHtml(version.body),
      changeNote: version.changeNote,
      publishedAt: version.publishedAt,
      publishedBy: version.publishedBy.name,
    },
    // The consultation that led to this version: its comments stay with it.
    threads: await listConsultationThreads(ability, principle.id, number),
  }
})

export default function VersionPage() {
  const { t } = useTranslation()
  const formatDate = useDateFormat()
  const { slug, latest, version, threads } = useLoaderData<typeof loader>()
  return (
    <article>
      <BackLink to={`/principles/${slug}/versions`}>{t('principles.history')}</BackLink>
      <p className="text-sm text-stone-700">
        {t('principles.versionLine', {
          version: version.number,
          date: formatDate(version.publishedAt),
          name: version.publishedBy,
        })}
      </p>
      <PageTitle>{version.title}</PageTitle>
      {version.number < latest ? (
        <p className="mb-4 rounded border-l-4 border-amber-700 bg-amber-50 px-4 py-3">
          {t('versions.outdated', { latest })}{' '}
          <Link
            to={`/principles/${slug}/compare?from=${version.number}&to=${latest}`}
            className="text-brand-800 underline"
          >
            {t('versions.seeChanges')}
          </Link>
        </p>
      ) : null}
      <p className="mb-4">
        <strong>{t('principles.changeNote')}:</strong> {version.changeNote}
      </p>
      <RichText html={version.html} />
      {threads.length ? (
        <section className="mt-8" aria-labelledby="version-comments">
          <h2 id="version-comments" className="mb-2 text-lg font-semibold">
            {t('versions.consultationComments', { count: threads.length })}
          </h2>
          <ul className="space-y-2">
            {threads.map((thread) => (
              <li key={thread.id} className="rounded border border-stone-300 bg-white p-3 text-sm">
                <strong>{thread.author.name}</strong> · {thread.region?.name ?? t('comments.hq')}
                {thread.resolvedAt ? ` · ${t('comments.resolved')}` : ''}
                <p className="whitespace-pre-line">{thread.body}</p>
                {thread.replies.map((reply) => (
                  <p key={reply.id} className="mt-2 border-l-2 border-stone-300 pl-3">
                    <strong>{reply.author.name}</strong>: {reply.body}
                  </p>
                ))}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
