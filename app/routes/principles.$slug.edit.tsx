import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { EditDocumentPage } from '~/components/editor/document-editor.tsx'
import { requirePrinciple, savePrinciple } from '~/models/principle.server.ts'
import { editorData, saveDocument } from '~/web/document.server.ts'
import { signedIn } from '~/web/route.server.ts'

export const loader = signedIn(async ({ ability, params }) => {
  const { principle } = await requirePrinciple(ability, params.slug ?? '', 'update')
  return { slug: principle.slug, ...(await editorData(ability, principle)) }
})

export const action = signedIn(async ({ request, user, ability, params }) => {
  const { principle } = await requirePrinciple(ability, params.slug ?? '', 'update')
  return saveDocument(request, ability, {
    flash: 'principles.saved',
    save: async (input, baseRevision) => {
      await savePrinciple(ability, user.id, principle.id, { ...input, baseRevision })
      return `/principles/${principle.slug}`
    },
  })
})

export default function EditPrinciplePage() {
  const { t } = useTranslation()
  const principle = useLoaderData<typeof loader>()
  return (
    <EditDocumentPage
      document={principle}
      back={{ to: `/principles/${principle.slug}`, label: principle.title }}
      heading={t('principles.edit')}
      publishedNote={t('principles.editPublishedNote', { version: principle.publishedVersion })}
      placeholder={t('editor.placeholder')}
    />
  )
}

export const ErrorBoundary = GeneralErrorBoundary
