import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { EditDocumentPage } from '~/components/editor/document-editor.tsx'
import { requirePrinciple, savePrinciple } from '~/models/principle.server.ts'
import { documentEditRoute } from '~/web/document.server.ts'

const route = documentEditRoute({
  require: async (ability, params) => (await requirePrinciple(ability, params.slug ?? '', 'update')).principle,
  save: savePrinciple,
  to: (principle) => `/principles/${principle.slug}`,
  flash: 'principles.saved',
})
export const loader = route.loader
export const action = route.action

export default function EditPrinciplePage() {
  const { t } = useTranslation()
  const principle = useLoaderData<typeof loader>()
  return (
    <EditDocumentPage
      document={principle}
      heading={t('principles.edit')}
      publishedNote={t('principles.editPublishedNote', { version: principle.publishedVersion })}
      placeholder={t('editor.placeholder')}
    />
  )
}

export const ErrorBoundary = GeneralErrorBoundary
