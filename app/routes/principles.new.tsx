import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { DocumentForm, editorShouldRevalidate } from '~/components/editor/document-form.tsx'
import { PageTitle } from '~/components/ui/form.tsx'
import { EMPTY_DOCUMENT } from '~/editor/document.ts'
import { toneSettings } from '~/models/tone.server.ts'
import { createPrinciple, requirePrincipleAuthor } from '~/models/principle.server.ts'
import { saveDocument } from '~/web/document.server.ts'
import { signedIn } from '~/web/route.server.ts'

export const loader = signedIn(async ({ ability }) => {
  requirePrincipleAuthor(ability)
  return { tone: await toneSettings(ability) }
})

export const action = signedIn(({ request, user, ability }) => {
  requirePrincipleAuthor(ability)
  return saveDocument(request, ability, {
    flash: 'principles.created',
    save: async (input) => `/principles/${(await createPrinciple(ability, user.id, input)).slug}`,
  })
})

export default function NewPrinciplePage() {
  const { t } = useTranslation()
  const actionData = useActionData<typeof action>()
  const { tone } = useLoaderData<typeof loader>()
  return (
    <>
      <PageTitle>{t('principles.new')}</PageTitle>
      <DocumentForm
        title=""
        body={EMPTY_DOCUMENT}
        lastResult={actionData && 'result' in actionData ? actionData.result : undefined}
        submitLabel={t('principles.saveDraft')}
        placeholder={t('editor.placeholder')}
        tone={tone}
        frames
      />
    </>
  )
}

export const ErrorBoundary = GeneralErrorBoundary

export const shouldRevalidate = editorShouldRevalidate
