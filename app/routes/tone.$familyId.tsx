import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { PhraseFamilyForm } from '~/components/phrases/phrase-family-form.tsx'
import { PageTitle } from '~/components/ui/form.tsx'
import { requirePhraseFamily, updatePhraseFamily } from '~/models/phrase-family.server.ts'
import { authorize } from '~/permissions/authorize.server.ts'
import { requireAbility } from '~/permissions/require-ability.server.ts'
import { redirectWithFlash } from '~/utils/flash.server.ts'
import { domainErrorReply, invalidSubmission } from '~/utils/forms.server.ts'
import { PhraseFamilySchema } from '~/validation/schemas.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ability } = await requireAbility(request)
  const family = await requirePhraseFamily(ability, params.familyId ?? '')
  authorize(ability, 'update', 'PhraseFamily', family)
  return family
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, ability } = await requireAbility(request)
  const family = await requirePhraseFamily(ability, params.familyId ?? '')
  authorize(ability, 'update', 'PhraseFamily', family)
  const submission = parseWithZod(await request.formData(), { schema: PhraseFamilySchema })
  if (submission.status !== 'success') return invalidSubmission(submission)
  try {
    await updatePhraseFamily(ability, user.id, family.id, submission.value)
  } catch (error) {
    return domainErrorReply(submission, error)
  }
  return redirectWithFlash(request, '/tone', { kind: 'success', key: 'phrases.saved', values: { name: submission.value.name } })
}

export default function EditPhraseFamilyPage() {
  const { t } = useTranslation()
  const family = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/tone" className="text-brand-800 underline">
          ← {t('phrases.title')}
        </Link>
      </p>
      <PageTitle>{family.name}</PageTitle>
      <PhraseFamilyForm defaultValue={family} lastResult={actionData?.result} submitLabel={t('phrases.form.save')} />
    </>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
