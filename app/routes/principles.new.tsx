import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { DocumentForm } from '~/components/editor/document-form.tsx'
import { PageTitle } from '~/components/ui/form.tsx'
import { EMPTY_DOCUMENT } from '~/editor/document.ts'
import { createPrinciple } from '~/models/principle.server.ts'
import { authorize } from '~/permissions/authorize.server.ts'
import { requireAbility } from '~/permissions/require-ability.server.ts'
import { parseDocumentSubmission } from '~/utils/document-form.server.ts'
import { redirectWithFlash } from '~/utils/flash.server.ts'
import { domainErrorReply } from '~/utils/forms.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  const { ability } = await requireAbility(request)
  authorize(ability, 'create', 'Principle')
  return null
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, ability } = await requireAbility(request)
  authorize(ability, 'create', 'Principle')
  const parsed = parseDocumentSubmission(await request.formData())
  if (!parsed.ok) return parsed.reply
  try {
    const principle = await createPrinciple(ability, user.id, parsed.value)
    return redirectWithFlash(request, `/principles/${principle.slug}`, { kind: 'success', key: 'principles.created' })
  } catch (error) {
    return domainErrorReply(parsed.submission, error)
  }
}

export default function NewPrinciplePage() {
  const { t } = useTranslation()
  const actionData = useActionData<typeof action>()
  return (
    <>
      <PageTitle>{t('principles.new')}</PageTitle>
      <DocumentForm title="" body={EMPTY_DOCUMENT} lastResult={actionData?.result} submitLabel={t('principles.saveDraft')} placeholder={t('editor.placeholder')} />
    </>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
