import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import type { JSONContent } from '@tiptap/core'
import { useTranslation } from 'react-i18next'
import { DocumentEditor } from '~/components/editor/document-editor.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { StaleRevisionError } from '~/models/errors.server.ts'
import { activePhraseFamilies } from '~/models/phrase-family.server.ts'
import { requirePrinciple, savePrinciple } from '~/models/principle.server.ts'
import { authorize } from '~/permissions/authorize.server.ts'
import { requireAbility } from '~/permissions/require-ability.server.ts'
import { conflictReply, parseDocumentSubmission, savedDocumentFlash } from '~/utils/document-form.server.ts'
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
    toneFamilies: await activePhraseFamilies(ability),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, ability } = await requireAbility(request)
  const { principle } = await requirePrinciple(ability, params.slug ?? '')
  authorize(ability, 'update', 'Principle', principle)
  const parsed = parseDocumentSubmission(await request.formData())
  if (!parsed.ok) return parsed.reply
  try {
    await savePrinciple(ability, user.id, principle.id, { ...parsed.value, baseRevision: parsed.value.revision ?? 0 })
  } catch (error) {
    // Someone saved in between: nothing was written; show both texts.
    if (error instanceof StaleRevisionError) return conflictReply(error, parsed.value)
    return domainErrorReply(parsed.submission, error)
  }
  return redirectWithFlash(request, `/principles/${principle.slug}`, await savedDocumentFlash(ability, 'principles.saved', parsed.value))
}

export default function EditPrinciplePage() {
  const { t } = useTranslation()
  const principle = useLoaderData<typeof loader>()
  return (
    <DocumentEditor
      back={{ to: `/principles/${principle.slug}`, label: principle.title }}
      heading={t('principles.edit')}
      notice={
        principle.status === 'published' ? (
          <p className="mb-4 rounded border-l-4 border-brand-700 bg-brand-50 px-4 py-3">
            {t('principles.editPublishedNote', { version: principle.publishedVersion })}
          </p>
        ) : null
      }
      title={principle.title}
      body={principle.body}
      revision={principle.revision}
      placeholder={t('editor.placeholder')}
      toneFamilies={principle.toneFamilies}
    />
  )
}

export const ErrorBoundary = GeneralErrorBoundary
