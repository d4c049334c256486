import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { DocumentForm } from '~/components/editor/document-form.tsx'
import { PageTitle } from '~/components/ui/form.tsx'
import { EMPTY_DOCUMENT } from '~/editor/document.ts'
import { activePhraseFamilies } from '~/models/phrase-family.server.ts'
import { createPrinciple } from '~/models/principle.server.ts'
import { authorize } from '~/permissions/authorize.server.ts'
import { requireAbility } from '~/permissions/require-ability.server.ts'
import { parseDocumentSubmission, savedDocumentFlash } from '~/utils/document-form.server.ts'
import { redirectWithFlash } from '~/utils/flash.server.ts'
import { domainErrorReply } from '~/utils/forms.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  const { ability } = await requireAbility(request)
  authorize(ability, 'create', 'Principle')
  return { toneFamilies: await activePhraseFamilies(ability) }
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, ability } = await requireAbility(request)
  authorize(ability, 'create', 'Principle')
  const parsed = parseDocumentSubmission(await request.formData())
  if (!parsed.ok) return parsed.reply
  try {
    const principle = await createPrinciple(ability, user.id, parsed.value)
    return redirectWithFlash(request, `/principles/${principle.slug}`, await savedDocumentFlash(ability, 'principles.created', parsed.value))
  } catch (error) {
    return domainErrorReply(parsed.submission, error)
  }
}

export default function NewPrinciplePage() {
  const { t } = useTranslation()
  const actionData = useActionData<typeof action>()
  const { toneFamilies } = useLoaderData<typeof loader>()
  return (
    <>
      <PageTitle>{t('principles.new')}</PageTitle>
      <DocumentForm title="" body={EMPTY_DOCUMENT} lastResult={actionData?.result} submitLabel={t('principles.saveDraft')} placeholder={t('editor.placeholder')} toneFamilies={toneFamilies} />
    </>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
