// Editing a guideline's working copy: the shared editing page (app/components/editor/document-editor.tsx).
import { EditDocumentPage } from '~/components/editor/document-editor.tsx'
import { editorShouldRevalidate } from '~/components/editor/document-form.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { requireGuideline, saveGuideline } from '~/models/guideline.server.ts'
import { requireVersion } from '~/models/principle.server.ts'
import { documentEditRoute } from '~/web/document.server.ts'

const route = documentEditRoute({
  messages: 'guidelines',
  require: async (ability, params) => (await requireGuideline(ability, params.guidelineId ?? '', 'update')).guideline,
  save: saveGuideline,
  to: (guideline) => `/guidelines/${guideline.id}`,
  flash: 'principles.saved',
  // The principle it translates, beside the editor: what is fixed (kader) and what is the region's (ruimte).
  beside: async (ability, guideline) =>
    requireVersion(ability, guideline.principleId, guideline.principle.publishedVersion),
})
export const loader = route.loader
export const action = route.action

export default EditDocumentPage
export const ErrorBoundary = GeneralErrorBoundary

export const shouldRevalidate = editorShouldRevalidate
