// Editing a principle's working copy: the shared editing page (app/components/editor/document-editor.tsx).
import { EditDocumentPage } from '~/components/editor/document-editor.tsx'
import { editorShouldRevalidate } from '~/components/editor/document-form.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { requirePrinciple, savePrinciple } from '~/models/principle.server.ts'
import { documentEditRoute } from '~/web/document.server.ts'

const route = documentEditRoute({
  messages: 'principles',
  require: async (ability, params) => (await requirePrinciple(ability, params.slug ?? '', 'update')).principle,
  save: savePrinciple,
  to: (principle) => `/principles/${principle.slug}`,
  flash: 'principles.saved',
})
export const loader = route.loader
export const action = route.action

export default EditDocumentPage
export const ErrorBoundary = GeneralErrorBoundary

export const shouldRevalidate = editorShouldRevalidate
