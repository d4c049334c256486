import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { PhraseFamilyForm } from '~/components/phrases/phrase-family-form.tsx'
import { PageTitle } from '~/components/ui/form.tsx'
import { createPhraseFamily } from '~/models/phrase-family.server.ts'
import { authorize } from '~/permissions/authorize.server.ts'
import { requireAbility } from '~/permissions/require-ability.server.ts'
import { redirectWithFlash } from '~/utils/flash.server.ts'
import { domainErrorReply, invalidSubmission } from '~/utils/forms.server.ts'
import { PhraseFamilySchema } from '~/validation/schemas.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  const { ability } = await requireAbility(request)
  authorize(ability, 'create', 'PhraseFamily')
  return null
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, ability } = await requireAbility(request)
  authorize(ability, 'create', 'PhraseFamily')
  const submission = parseWithZod(await request.formData(), { schema: PhraseFamilySchema })
  if (submission.status !== 'success') return invalidSubmission(submission)
  try {
    await createPhraseFamily(ability, user.id, submission.value)
  } catch (error) {
    return domainErrorReply(submission, error)
  }
  return redirectWithFlash(request, '/tone', { kind: 'success', key: 'phrases.created' })
}

export default function NewPhraseFamilyPage() {
  const { t } = useTranslation()
  const actionData = useActionData<typeof action>()
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/tone" className="text-brand-800 underline">
          ← {t('phrases.title')}
        </Link>
      </p>
      <PageTitle>{t('phrases.add')}</PageTitle>
      <PhraseFamilyForm
        defaultValue={{ name: '', patterns: '', exceptions: '', explanation: '', suggestion: '', enabled: true }}
        lastResult={actionData?.result}
        submitLabel={t('phrases.form.create')}
      />
    </>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
