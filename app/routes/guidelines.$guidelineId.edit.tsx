import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import type { JSONContent } from '@tiptap/core'
import { useTranslation } from 'react-i18next'
import { DocumentEditor } from '~/components/editor/document-editor.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { StaleRevisionError } from '~/models/errors.server.ts'
import { requireGuideline, saveGuideline } from '~/models/guideline.server.ts'
import { activePhraseFamilies } from '~/models/phrase-family.server.ts'
import { authorize } from '~/permissions/authorize.server.ts'
import { requireAbility } from '~/permissions/require-ability.server.ts'
import { conflictReply, parseDocumentSubmission, savedDocumentFlash } from '~/utils/document-form.server.ts'
import { redirectWithFlash } from '~/utils/flash.server.ts'
import { domainErrorReply } from '~/utils/forms.server.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ability } = await requireAbility(request)
  const { guideline } = await requireGuideline(ability, params.guidelineId ?? '')
  authorize(ability, 'update', 'Guideline', guideline)
  return {
    id: guideline.id,
    title: guideline.title,
    body: guideline.body as JSONContent,
    revision: guideline.revision,
    status: guideline.status,
    publishedVersion: guideline.publishedVersion,
    toneFamilies: await activePhraseFamilies(ability),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, ability } = await requireAbility(request)
  const { guideline } = await requireGuideline(ability, params.guidelineId ?? '')
  authorize(ability, 'update', 'Guideline', guideline)
  const parsed = parseDocumentSubmission(await request.formData())
  if (!parsed.ok) return parsed.reply
  try {
    await saveGuideline(ability, user.id, guideline.id, { ...parsed.value, baseRevision: parsed.value.revision ?? 0 })
  } catch (error) {
    if (error instanceof StaleRevisionError) return conflictReply(error, parsed.value)
    return domainErrorReply(parsed.submission, error)
  }
  return redirectWithFlash(request, `/guidelines/${guideline.id}`, await savedDocumentFlash(ability, 'principles.saved', parsed.value))
}

export default function EditGuidelinePage() {
  const { t } = useTranslation()
  const guideline = useLoaderData<typeof loader>()
  return (
    <DocumentEditor
      back={{ to: `/guidelines/${guideline.id}`, label: guideline.title }}
      heading={t('guidelines.edit')}
      notice={
        guideline.status === 'published' ? (
          <p className="mb-4 rounded border-l-4 border-brand-700 bg-brand-50 px-4 py-3">
            {t('guidelines.editPublishedNote', { version: guideline.publishedVersion })}
          </p>
        ) : null
      }
      title={guideline.title}
      body={guideline.body}
      revision={guideline.revision}
      placeholder={t('guidelines.placeholder')}
      toneFamilies={guideline.toneFamilies}
    />
  )
}

export const ErrorBoundary = GeneralErrorBoundary
