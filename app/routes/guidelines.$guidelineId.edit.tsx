import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { EditDocumentPage } from '~/components/editor/document-editor.tsx'
import { requireGuideline, saveGuideline } from '~/models/guideline.server.ts'
import { editorData, saveDocument } from '~/web/document.server.ts'
import { signedIn } from '~/web/route.server.ts'

export const loader = signedIn(async ({ ability, params }) => {
  const { guideline } = await requireGuideline(ability, params.guidelineId ?? '', 'update')
  return { id: guideline.id, ...(await editorData(ability, guideline)) }
})

export const action = signedIn(async ({ request, user, ability, params }) => {
  const { guideline } = await requireGuideline(ability, params.guidelineId ?? '', 'update')
  return saveDocument(request, ability, {
    flash: 'principles.saved',
    save: async (input, baseRevision) => {
      await saveGuideline(ability, user.id, guideline.id, { ...input, baseRevision })
      return `/guidelines/${guideline.id}`
    },
  })
})

export default function EditGuidelinePage() {
  const { t } = useTranslation()
  const guideline = useLoaderData<typeof loader>()
  return (
    <EditDocumentPage
      document={guideline}
      back={{ to: `/guidelines/${guideline.id}`, label: guideline.title }}
      heading={t('guidelines.edit')}
      publishedNote={t('guidelines.editPublishedNote', { version: guideline.publishedVersion })}
      placeholder={t('guidelines.placeholder')}
    />
  )
}

export const ErrorBoundary = GeneralErrorBoundary
