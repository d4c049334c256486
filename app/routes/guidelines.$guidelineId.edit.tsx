import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { EditDocumentPage } from '~/components/editor/document-editor.tsx'
import { requireGuideline, saveGuideline } from '~/models/guideline.server.ts'
import { documentEditRoute } from '~/web/document.server.ts'

const route = documentEditRoute({
  require: async (ability, params) => (await requireGuideline(ability, params.guidelineId ?? '', 'update')).guideline,
  save: saveGuideline,
  to: (guideline) => `/guidelines/${guideline.id}`,
  flash: 'principles.saved',
})
export const loader = route.loader
export const action = route.action

export default function EditGuidelinePage() {
  const { t } = useTranslation()
  const guideline = useLoaderData<typeof loader>()
  return (
    <EditDocumentPage
      document={guideline}
      heading={t('guidelines.edit')}
      publishedNote={t('guidelines.editPublishedNote', { version: guideline.publishedVersion })}
      placeholder={t('guidelines.placeholder')}
    />
  )
}

export const ErrorBoundary = GeneralErrorBoundary
