import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import type { JSONContent } from '@tiptap/core'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { DiffView } from '~/components/diff-view.tsx'
import { PrincipleForm } from '~/components/principles/principle-form.tsx'
import { RichText } from '~/components/rich-text.tsx'
import { PageTitle } from '~/components/ui/form.tsx'
import { diffText } from '~/editor/diff.ts'
import { documentText } from '~/editor/document.ts'
import { renderDocumentHtml } from '~/editor/render.server.ts'
import { requirePrinciple, savePrinciple, StaleRevisionError } from '~/models/principle.server.ts'
import { authorize } from '~/permissions/authorize.server.ts'
import { requireAbility } from '~/permissions/require-ability.server.ts'
import { useDateFormat } from '~/utils/dates.ts'
import { parseDocumentSubmission } from '~/utils/document-form.server.ts'
import { redirectWithFlash } from '~/utils/flash.server.ts'
import { domainErrorReply } from '~/utils/forms.server.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ability } = await requireAbility(request)
  const { principle } = await requirePrinciple(ability, params.slug ?? '')
  authorize(ability, 'update', 'Principle', principle)
  return {
    slug: principle.slug,
    title: principle.title,
    body: principle.body as JSONContent,
    revision: principle.revision,
    status: principle.status,
    publishedVersion: principle.publishedVersion,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, ability } = await requireAbility(request)
  const { principle } = await requirePrinciple(ability, params.slug ?? '')
  authorize(ability, 'update', 'Principle', principle)
  const parsed = parseDocumentSubmission(await request.formData())
  if (!parsed.ok) return parsed.reply
  const { title, json, text, revision } = parsed.value
  try {
    await savePrinciple(ability, user.id, principle.id, { title, json, text, baseRevision: revision ?? 0 })
  } catch (error) {
    if (!(error instanceof StaleRevisionError)) return domainErrorReply(parsed.submission, error)
    // Someone saved in between: show both texts; nothing was written. The form now carries the
    // stored revision, so saving again is a deliberate choice to replace their text with yours.
    const theirs = error.current
    return data(
      {
        conflict: {
          mine: { title, body: json, html: renderDocumentHtml(json) },
          theirs: {
            title: theirs.title,
            html: renderDocumentHtml(theirs.body),
            revision: theirs.revision,
            updatedBy: theirs.updatedBy,
            updatedAt: theirs.updatedAt,
          },
          diff: diffText(`${theirs.title}\n${documentText(theirs.body as JSONContent)}`, `${title}\n${text}`),
        },
      },
      { status: 409 },
    )
  }
  return redirectWithFlash(request, `/principles/${principle.slug}`, { kind: 'success', key: 'principles.saved' })
}

export default function EditPrinciplePage() {
  const { t } = useTranslation()
  const formatDate = useDateFormat()
  const principle = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const conflict = actionData && 'conflict' in actionData ? actionData.conflict : null
  const lastResult = actionData && 'result' in actionData ? actionData.result : undefined

  return (
    <>
      <p className="mb-2 text-sm">
        <Link to={`/principles/${principle.slug}`} className="text-brand-800 underline">
          ← {principle.title}
        </Link>
      </p>
      <PageTitle>{t('principles.edit')}</PageTitle>
      {principle.status === 'published' ? (
        <p className="mb-4 rounded border-l-4 border-brand-700 bg-brand-50 px-4 py-3">
          {t('principles.editPublishedNote', { version: principle.publishedVersion })}
        </p>
      ) : null}
      {conflict ? (
        <section role="alert" aria-labelledby="conflict-title" className="mb-6 rounded border-2 border-red-700 bg-white p-4">
          <h2 id="conflict-title" className="mb-2 text-lg font-semibold text-red-900">
            {t('principles.conflict')}
          </h2>
          <p className="mb-4">
            {t('principles.conflictExplained', { name: conflict.theirs.updatedBy, when: formatDate(conflict.theirs.updatedAt) })}
          </p>
          <div className="grid gap-4 md:grid-cols-2">
            <div>
              <h3 className="font-semibold">{t('principles.conflictTheirs', { name: conflict.theirs.updatedBy })}</h3>
              <p className="font-medium">{conflict.theirs.title}</p>
              <RichText html={conflict.theirs.html} className="rounded border border-stone-300 p-3" />
            </div>
            <div>
              <h3 className="font-semibold">{t('principles.conflictMine')}</h3>
              <p className="font-medium">{conflict.mine.title}</p>
              <RichText html={conflict.mine.html} className="rounded border border-stone-300 p-3" />
            </div>
          </div>
          <h3 className="mt-4 font-semibold">{t('principles.conflictDiff')}</h3>
          <DiffView parts={conflict.diff} />
          <p className="mt-4">{t('principles.conflictNext')}</p>
        </section>
      ) : null}
      <PrincipleForm
        key={conflict ? `conflict-${conflict.theirs.revision}` : principle.revision}
        title={conflict ? conflict.mine.title : principle.title}
        body={conflict ? (conflict.mine.body as JSONContent) : principle.body}
        revision={conflict ? conflict.theirs.revision : principle.revision}
        lastResult={lastResult}
        submitLabel={conflict ? t('principles.saveMineAnyway') : t('principles.saveDraft')}
      />
    </>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
